import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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

/**
 * The list twin of the map: the same findings, reachable by keyboard and screen reader. The main
 * button shows a finding on the map (and the map's selection scrolls it into view here); the
 * checkbox picks it for assigning together; "Openen" goes to its page.
 */
export function FindingTable({ findings, labels, now, selectedId, checked, onSelect, onCheck }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!selectedId) return;
    list.current?.querySelector(`[data-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  const allChecked = findings.length > 0 && findings.every((f) => checked.has(f.id));
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
      <ul ref={list} aria-label={t('followup.listLabel')}>
        {findings.map((f) => {
          const overdue = isOverdue(f, now);
          const name = labels.findingName(f);
          return (
            <li key={f.id} data-id={f.id} className={`fu-item${f.id === selectedId ? ' selected' : ''}`}>
              <input type="checkbox" checked={checked.has(f.id)} onChange={(e) => onCheck([f.id], e.target.checked)} aria-label={t('followup.select', { name })} />
              <button type="button" className={f.photoHashes[0] ? 'fu-item-main has-photo' : 'fu-item-main'} aria-pressed={f.id === selectedId} onClick={() => onSelect(f.id)}>
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
              <Link href={`/${f.id}`} className="btn fu-open" aria-label={`${t('followup.open')}: ${name}`}>
                {t('followup.open')}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
