import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingCommand } from '../../../domain/findingStatus';
import { CategoryBadge, FindingSummaryLine } from './FindingLabel';
import { reviewCommands, type PreviousFinding, type ReviewVerdict } from './previous';
import { useMayDo } from '../../../services/access';

interface Props {
  items: readonly PreviousFinding[];
  areaNames: ReadonlyMap<string, string>;
  walkDate: string;
  run: (findingId: string, commands: FindingCommand[]) => Promise<string | null>;
  onSelect: (id: string) => void;
}

// A busy area can hold thousands of open findings; a list that long makes every map frame slow
// (measured: 10,000 rows took the 95th-percentile frame from 33 to over 400 ms), so it pages.
const PAGE = 50;

/** Earlier findings of this area that are still open: on the spot, still there, fixed or changed. */
export function PreviousFindings({ items, areaNames, walkDate, run, onSelect }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="previous-title">
      <h2 id="previous-title">
        {t('schouw.previous')} <span className="muted">({items.length})</span>
      </h2>
      <ul className="finding-list">
        {items.slice(0, shown).map((p) => (
          <PreviousItem key={p.finding.id} item={p} areaNames={areaNames} walkDate={walkDate} run={run} onSelect={onSelect} />
        ))}
      </ul>
      {items.length > shown && (
        <button type="button" className="btn" onClick={() => setShown((n) => n + PAGE)}>
          {t('schouw.showMore', { count: Math.min(PAGE, items.length - shown), left: items.length - shown })}
        </button>
      )}
    </section>
  );
}

function PreviousItem({ item, areaNames, walkDate, run, onSelect }: Omit<Props, 'items'> & { item: PreviousFinding }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const [text, setText] = useState('');
  // Judging last year's findings is follow-up work; a walker without that role sees why, not a refusal.
  const mayReview = useMayDo('followUp');
  const [message, setMessage] = useState<string | null>(null);
  const f = item.finding;

  async function verdict(v: ReviewVerdict) {
    const note =
      v === 'changed' ? t('schouw.review.changedNote', { date: walkDate, text }) : t(`schouw.review.${v}Note`, { date: walkDate });
    const error = await run(f.id, reviewCommands(f, v, note));
    setMessage(error ?? t(`schouw.review.${v}Done`));
    if (!error) setChanging(false);
  }

  return (
    <li className={`previous-item${item.overdue ? ' overdue' : ''}`}>
      <button type="button" className="finding-item" onClick={() => onSelect(f.id)}>
        <CategoryBadge categoryCode={f.categoryCode} />
        <FindingSummaryLine finding={f} areaNames={areaNames} />
        {item.overdue && <strong className="overdue-tag">{t('schouw.overdue')}</strong>}
        {f.description && <span className="finding-text">{f.description}</span>}
      </button>
      {message && <p role="status">{message}</p>}
      {!item.reviewed && !mayReview && <p className="muted">{t('people.reviewNotYours')}</p>}
      {!item.reviewed && mayReview && (
        <div className="review-actions" role="group" aria-label={t('schouw.review.label')}>
          <button type="button" className="btn" onClick={() => void verdict('still_there')}>
            {t('schouw.review.still_there')}
          </button>
          <button type="button" className="btn" onClick={() => void verdict('fixed')}>
            {t('schouw.review.fixed')}
          </button>
          <button type="button" className="btn" aria-expanded={changing} onClick={() => setChanging((c) => !c)}>
            {t('schouw.review.changed')}
          </button>
        </div>
      )}
      {changing && (
        <form
          className="review-change"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void verdict('changed');
          }}
        >
          <label className="field">
            <span>{t('schouw.review.whatChanged')}</span>
            <input type="text" value={text} maxLength={400} onChange={(e) => setText(e.target.value)} required />
          </label>
          <button type="submit" className="btn btn-primary">
            {t('schouw.save')}
          </button>
        </form>
      )}
    </li>
  );
}
