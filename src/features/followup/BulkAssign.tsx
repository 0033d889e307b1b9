import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../services/db';
import { useActor } from '../../services/actor';
import type { Finding, FindingOwner } from '../../domain/finding';
import { assignMany } from '../../storage/followupRepo';
import { writeMessage } from '../schouw/writeMessage';
import type { Labels } from './labels';
import { OwnerDueFields } from './OwnerDueFields';

interface Props {
  ids: readonly string[];
  findings: readonly Finding[];
  labels: Labels;
  /** Called with the sentence to show once stored; the form then goes (nothing is checked any more). */
  onDone: (message: string) => void;
}

/** One owner and due date for every checked finding, stored together (all or nothing). */
export function BulkAssign({ ids, findings, labels, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const [owner, setOwner] = useState<FindingOwner | ''>('');
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState<{ text: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!actor) return;
    if (owner === '') {
      setMessage({ text: writeMessage({ ok: false, reason: 'needs_owner' }, t, i18n.language) });
      return;
    }
    const r = await assignMany(db, ids, owner, dueDate, actor);
    if (r.ok) {
      onDone(t('followup.assignedMany', { count: r.changed.length }));
      return;
    }
    const reason = writeMessage(r, t, i18n.language);
    const f = 'findingId' in r ? findings.find((x) => x.id === r.findingId) : undefined;
    setMessage({ text: f ? t('followup.bulkRefused', { name: labels.findingName(f), reason }) : reason });
  }

  return (
    <form className="fu-bulk" onSubmit={(e) => void submit(e)} aria-labelledby="fu-bulk-title">
      <h3 id="fu-bulk-title">
        {t('followup.bulkTitle')} <span className="muted">({t('followup.selected', { count: ids.length })})</span>
      </h3>
      <div className="fu-bulk-fields">
        <OwnerDueFields owner={owner} dueDate={dueDate} labels={labels} onOwner={setOwner} onDueDate={setDueDate} />
        <button type="submit" className="btn btn-primary" disabled={ids.length === 0}>
          {t('followup.assign')}
        </button>
      </div>
      {message && (
        <p role="alert" className="form-error">
          {message.text}
        </p>
      )}
    </form>
  );
}
