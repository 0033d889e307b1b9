import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionChange } from '../../../domain/inspection';
import { ParticipantsFields, type ParticipantDraft } from '../home/ParticipantsFields';
import './i18nWalk';

/** Correct who walked and the notes, during the walk or after it (an `edit` change of the inspection). */
export function WalkDetailsForm({ inspection, onSave }: { inspection: Inspection; onSave: (c: InspectionChange) => Promise<string | null> }) {
  const { t } = useTranslation();
  const [participants, setParticipants] = useState<ParticipantDraft[]>(() => inspection.participants.map((p) => ({ organisation: p.organisation, label: p.label ?? '' })));
  const [notes, setNotes] = useState(inspection.notes);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const error = await onSave({ kind: 'edit', participants, notes });
    setMessage(error ? { text: error, error: true } : { text: t('walk.detailsSaved'), error: false });
  }

  return (
    <form className="plan-form walk-details" onSubmit={submit} aria-labelledby="walk-details-title">
      <h2 id="walk-details-title">{t('walk.details')}</h2>
      <ParticipantsFields value={participants} onChange={setParticipants} />
      <div className="field">
        <label htmlFor="walk-notes">{t('schouw.notes')}</label>
        <textarea id="walk-notes" value={notes} rows={3} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="btn btn-primary">
        {t('walk.detailsSave')}
      </button>
    </form>
  );
}
