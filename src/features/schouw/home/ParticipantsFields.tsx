import { useTranslation } from 'react-i18next';
import { organisations, type Organisation } from '../../../domain/inspection';

export type ParticipantDraft = { organisation: Organisation; label: string };

/** Who walks: one row per organisation with an optional name; used when planning and when correcting later. */
export function ParticipantsFields({ value, onChange }: { value: ParticipantDraft[]; onChange: (next: ParticipantDraft[]) => void }) {
  const { t } = useTranslation();
  const setRow = (i: number, row: Partial<ParticipantDraft>) => onChange(value.map((p, k) => (k === i ? { ...p, ...row } : p)));
  return (
    <fieldset className="participants">
      <legend>{t('schouw.participants')}</legend>
      {value.map((p, i) => (
        <div className="participant-row" key={i}>
          <select aria-label={t('schouw.organisation')} value={p.organisation} onChange={(e) => setRow(i, { organisation: e.target.value as Organisation })}>
            {organisations.map((o) => (
              <option key={o} value={o}>
                {t(`schouw.organisations.${o}`)}
              </option>
            ))}
          </select>
          <input type="text" aria-label={t('schouw.participantName')} placeholder={t('schouw.participantName')} value={p.label} maxLength={100} onChange={(e) => setRow(i, { label: e.target.value })} />
          <button type="button" className="btn" aria-label={t('schouw.removeParticipant')} onClick={() => onChange(value.filter((_, k) => k !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange([...value, { organisation: 'shops', label: '' }])}>
        {t('schouw.addParticipant')}
      </button>
    </fieldset>
  );
}
