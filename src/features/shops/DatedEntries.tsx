import { useTranslation } from 'react-i18next';
import type { DatedEntry } from '../../domain/shop';
import type { DraftErrors, EntryKind } from './shopDraft';
import { TextField } from './TextField';

interface Props {
  kind: EntryKind;
  entries: DatedEntry[];
  errors: DraftErrors;
  onChange: (entries: DatedEntry[]) => void;
}

/** Shop checks, visits or courses: a date and a short note each. */
export function DatedEntries({ kind, entries, errors, onChange }: Props) {
  const { t } = useTranslation();
  const title = t(`shops.form.entries.${kind}`);
  const update = (i: number, patch: Partial<DatedEntry>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <fieldset className="entries">
      <legend>
        {title} ({entries.length})
      </legend>
      {entries.map((e, i) => {
        const err = errors[`${kind}.${i}`];
        return (
          <div key={i} className="entry-row">
            <TextField
              id={`${kind}-${i}-date`}
              label={`${t('shops.form.date')} ${i + 1}`}
              type="date"
              value={e.date}
              error={err ? t(`shops.form.errors.${err}`) : undefined}
              onChange={(v) => update(i, { date: v })}
            />
            <TextField label={t('shops.form.note')} value={e.note ?? ''} onChange={(v) => update(i, { note: v })} />
            <button type="button" className="btn btn-danger" onClick={() => onChange(entries.filter((_, j) => j !== i))}>
              {t('shops.form.remove')}
              <span className="visually-hidden">
                {' '}
                {title} {i + 1}
              </span>
            </button>
          </div>
        );
      })}
      <button type="button" className="btn" onClick={() => onChange([...entries, { date: new Date().toISOString().slice(0, 10) }])}>
        {t('shops.form.addDate')}
        <span className="visually-hidden"> ({title})</span>
      </button>
    </fieldset>
  );
}
