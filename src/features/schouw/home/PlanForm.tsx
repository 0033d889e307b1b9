import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../domain/area';
import type { Organisation } from '../../../domain/inspection';
import { ParticipantsFields } from './ParticipantsFields';

export interface PlanDraft {
  areaId: string;
  startsAt: string;
  participants: { organisation: Organisation; label: string }[];
  notes: string;
}

const timeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today at 19:30 in Deventer: walks are in the evening, when lighting can be judged. */
export function defaultStart(now = new Date()): string {
  return `${timeParts.format(now)}T19:30`;
}

const team: Organisation[] = ['police', 'safety_coach', 'fire_brigade', 'wijkbeheerder'];

interface Props {
  areas: readonly Area[];
  areaId: string;
  onAreaChange: (id: string) => void;
  onPlan: (draft: PlanDraft) => Promise<string | null>;
}

export function PlanForm({ areas, areaId, onAreaChange, onPlan }: Props) {
  const { t } = useTranslation();
  const [startsAt, setStartsAt] = useState(() => defaultStart());
  const [participants, setParticipants] = useState(() => team.map((organisation) => ({ organisation, label: '' })));
  const [notes, setNotes] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const error = await onPlan({ areaId, startsAt, participants, notes });
    setMessage(error ? { text: error, error: true } : { text: t('schouw.planned'), error: false });
  }

  return (
    <form className="plan-form" onSubmit={submit} aria-labelledby="plan-title">
      <h2 id="plan-title">{t('schouw.planTitle')}</h2>
      <div className="field">
        <label htmlFor="plan-area">{t('schouw.area')}</label>
        <select id="plan-area" value={areaId} onChange={(e) => onAreaChange(e.target.value)} required>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="plan-starts">{t('schouw.startsAt')}</label>
        <input id="plan-starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      </div>
      <ParticipantsFields value={participants} onChange={setParticipants} />
      <div className="field">
        <label htmlFor="plan-notes">{t('schouw.notes')}</label>
        <textarea id="plan-notes" value={notes} rows={3} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-big">
        {t('schouw.plan')}
      </button>
    </form>
  );
}
