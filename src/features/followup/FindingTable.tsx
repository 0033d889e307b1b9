import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'wouter';
import type { Finding } from '../../domain/finding';
import { isOverdue } from '../../domain/overdue';
import { PhotoImage } from '../photos/PhotoThumb';
import { CategoryBadge } from '../schouw/walk/FindingLabel';
import { formatDay, type Labels } from './labels';

interface Props {
  findings: readonly Finding[];
  labels: Labels;
  now: Date;
  selectedId: string | null;
  checked: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onCheck: (ids: string[], on: boolean) => void;
}

/** The row being rendered plus the rows just outside the view, so scrolling never shows a gap. */
const OVERSCAN = 8;
const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

/**
 * The list twin of the map: the same findings, reachable by keyboard and screen reader. The main
 * button shows a finding on the map (and the map's selection scrolls it into view here); the
 * checkbox picks it for assigning together; "Openen" goes to its page.
 *
 * Only the rows in view are in the DOM (a table that says how many rows it has and which one each
 * is), so 10,000 or 50,000 findings cost as much as fifty. The arrow keys move between rows in the
 * same column, scrolling the next one in first, as Tab alone cannot reach rows not yet rendered.
 */
export function FindingTable({ findings, labels, now, selectedId, checked, onSelect, onCheck }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: findings.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: OVERSCAN,
    getItemKey: (i) => findings[i]!.id,
  });

  useEffect(() => {
    if (!selectedId) return;
    const i = findings.findIndex((f) => f.id === selectedId);
    if (i >= 0) virtual.scrollToIndex(i, { align: 'auto' });
    // Only a new selection scrolls; the list changing under it does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const focusRow = useCallback(
    (index: number, column: number) => {
      virtual.scrollToIndex(index, { align: 'auto' });
      // The row may only exist after the scroll has rendered it.
      let tries = 0;
      const attempt = () => {
        const cell = scroller.current?.querySelector(`[aria-rowindex="${index + 2}"]`)?.children[column];
        const target = cell?.querySelector<HTMLElement>('input, button, a');
        if (target) target.focus();
        else if (tries++ < 20) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [virtual],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!NAV_KEYS.has(e.key) || findings.length === 0) return;
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[role="row"][aria-rowindex]');
    const cell = target.closest<HTMLElement>('[role="cell"]');
    if (!row || !cell) return;
    const index = Number(row.getAttribute('aria-rowindex')) - 2;
    const column = [...row.children].indexOf(cell);
    const last = findings.length - 1;
    const next =
      e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'PageDown' ? index + 10 : e.key === 'PageUp' ? index - 10 : e.key === 'Home' ? 0 : last;
    e.preventDefault();
    focusRow(Math.max(0, Math.min(last, next)), column);
  };

  const allChecked = findings.length > 0 && findings.every((f) => checked.has(f.id));
  const items = virtual.getVirtualItems();
  return (
    <section className="fu-list" aria-labelledby="fu-list-title">
      <div className="fu-list-head">
        <h2 id="fu-list-title">
          {t('followup.listTitle')} <span className="muted">({t('followup.shown', { count: findings.length })})</span>
        </h2>
        {findings.length > 0 && (
          <label className="fu-check-all">
            <input type="checkbox" checked={allChecked} onChange={(e) => onCheck(findings.map((f) => f.id), e.target.checked)} />
            {t('followup.selectAll')}
          </label>
        )}
      </div>
      {findings.length === 0 && <p>{t('followup.noneFound')}</p>}
      <p id="fu-list-keys" className="visually-hidden">
        {t('followup.listKeys')}
      </p>
      <div ref={scroller} className="fu-list-scroll" role="table" aria-label={t('followup.listLabel')} aria-describedby="fu-list-keys" aria-rowcount={findings.length + 1} onKeyDown={onKeyDown}>
        <div role="rowgroup" className="visually-hidden">
          <div role="row" aria-rowindex={1}>
            <span role="columnheader">{t('followup.colSelect')}</span>
            <span role="columnheader">{t('followup.colFinding')}</span>
            <span role="columnheader">{t('followup.open')}</span>
          </div>
        </div>
        <div role="rowgroup" className="fu-rows" style={{ height: virtual.getTotalSize() }}>
          {items.map((v) => {
            const f = findings[v.index]!;
            return (
              <FindingRow
                key={v.key}
                finding={f}
                index={v.index}
                start={v.start}
                measure={virtual.measureElement}
                labels={labels}
                overdue={isOverdue(f, now)}
                selected={f.id === selectedId}
                checked={checked.has(f.id)}
                onSelect={onSelect}
                onCheck={onCheck}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}

interface RowProps {
  finding: Finding;
  index: number;
  start: number;
  measure: (el: Element | null) => void;
  labels: Labels;
  overdue: boolean;
  selected: boolean;
  checked: boolean;
  onSelect: (id: string) => void;
  onCheck: (ids: string[], on: boolean) => void;
}

/** One finding's row; re-rendered only when its finding, place or state changed. */
const FindingRow = memo(function FindingRow({ finding: f, index, start, measure, labels, overdue, selected, checked, onSelect, onCheck }: RowProps) {
  const { t } = useTranslation();
  const name = labels.findingName(f);
  return (
    <div
      ref={measure}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-id={f.id}
      className={`fu-item${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
    >
      <div role="cell">
        <input type="checkbox" checked={checked} onChange={(e) => onCheck([f.id], e.target.checked)} aria-label={t('followup.select', { name })} />
      </div>
      <div role="cell">
        <button type="button" className={f.photoHashes[0] ? 'fu-item-main has-photo' : 'fu-item-main'} aria-pressed={selected} onClick={() => onSelect(f.id)}>
          {f.photoHashes[0] && <PhotoImage hash={f.photoHashes[0]} alt={t('followup.photoAlt', { n: 1 })} className="fu-list-thumb" lazy />}
          <CategoryBadge categoryCode={f.categoryCode} />
          <span className="fu-desc">{f.description || t('followup.noDescription')}</span>
          <span className="fu-meta">
            {labels.area(f.areaId)} · <span className={`fu-status st-${f.status}`}>{labels.status(f.status)}</span>
            {f.owner && <> · {labels.owner(f.owner)}</>}
            {f.dueDate && <> · {formatDay(f.dueDate, labels.lang)}</>}
            {overdue && <strong className="fu-overdue"> {t('followup.overdueBadge')}</strong>}
          </span>
        </button>
      </div>
      <div role="cell">
        <Link href={`/${f.id}`} className="btn fu-open" aria-label={`${t('followup.open')}: ${name}`}>
          {t('followup.open')}
        </Link>
      </div>
    </div>
  );
});
