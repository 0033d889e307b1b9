import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingOwner } from '../../domain/finding';
import type { FindingCommand } from '../../domain/findingStatus';
import type { PhotoRecord } from '../../storage/db';
import { PhotoPicker } from '../schouw/walk/PhotoPicker';
import { PendingThumb } from '../schouw/walk/PhotoThumb';
import type { Labels } from './labels';
import { OwnerDueFields } from './OwnerDueFields';

type ActionKind = 'assign' | 'start' | 'fix' | 'verify' | 'wont_fix' | 'mark_duplicate' | 'reopen';

/** Which actions the finding's status offers (the domain function still has the last word). */
const offered: Record<Finding['status'], ActionKind[]> = {
  open: ['assign', 'fix', 'wont_fix', 'mark_duplicate'],
  assigned: ['start', 'assign', 'fix', 'wont_fix', 'mark_duplicate'],
  in_progress: ['fix', 'assign', 'wont_fix', 'mark_duplicate'],
  fixed: ['verify', 'reopen'],
  verified: ['reopen'],
  wont_fix: ['reopen'],
  duplicate: ['reopen'],
};

interface Props {
  finding: Finding;
  others: readonly Finding[];
  labels: Labels;
  run: (command: FindingCommand, photos?: PhotoRecord[]) => Promise<string | null>;
}

/** The follow-up actions: pick one, fill in what it needs, confirm. Refusals come back in words. */
export function FindingActions({ finding, others, labels, run }: Props) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ActionKind | null>(null);
  const [owner, setOwner] = useState<FindingOwner | ''>(finding.owner ?? '');
  const [dueDate, setDueDate] = useState(finding.dueDate ?? '');
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [photo, setPhoto] = useState<PhotoRecord | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const choose = (a: ActionKind) => {
    setAction(a);
    setText('');
    setPhoto(null);
    setMessage(null);
  };

  function command(a: ActionKind): FindingCommand {
    switch (a) {
      case 'assign':
        return { kind: 'assign', owner: owner as FindingOwner, dueDate };
      case 'fix':
        return { kind: 'fix', note: text, ...(photo ? { photoHash: photo.hash } : {}) };
      case 'wont_fix':
        return { kind: 'wont_fix', reason: text };
      case 'mark_duplicate':
        return { kind: 'mark_duplicate', targetId: target };
      default:
        return { kind: a, note: text };
    }
  }

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (!action) return;
    const error = await run(command(action), photo ? [photo] : undefined);
    setMessage(error ? { text: error, error: true } : { text: t('followup.saved'), error: false });
    if (!error) setAction(null);
  }

  return (
    <section className="fu-actions" aria-labelledby="fu-actions-title">
      <h3 id="fu-actions-title">{t('followup.actions')}</h3>
      <div className="fu-action-buttons">
        {offered[finding.status].map((a) => (
          <button key={a} type="button" className={`btn${action === a ? ' btn-primary' : ''}`} aria-expanded={action === a} onClick={() => choose(a)}>
            {t(`followup.actionButtons.${a}`)}
          </button>
        ))}
      </div>
      {action && (
        <form className="fu-action-form" onSubmit={(e) => void confirm(e)} aria-label={t(`followup.actionButtons.${action}`)}>
          {action === 'assign' && (
            <OwnerDueFields owner={owner} dueDate={dueDate} labels={labels} onOwner={setOwner} onDueDate={setDueDate} />
          )}
          {action === 'mark_duplicate' && (
            <label className="field">
              {t('followup.duplicateTarget')}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">{t('followup.chooseFinding')}</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {labels.findingName(o)}
                    {o.description ? ` – ${o.description.slice(0, 50)}` : ''}
                  </option>
                ))}
              </select>
            </label>
          )}
          {action !== 'assign' && action !== 'mark_duplicate' && (
            <label className="field">
              {action === 'wont_fix' ? t('followup.reason') : t('followup.note')}
              <input type="text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
            </label>
          )}
          {action === 'fix' && (
            <>
              <PhotoPicker label={t('followup.fixPhoto')} onPhotos={(p) => setPhoto(p[0] ?? null)} />
              {photo && <PendingThumb blob={photo.blob} index={0} />}
            </>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {t('followup.confirm')}: {t(`followup.actionButtons.${action}`)}
            </button>
            <button type="button" className="btn" onClick={() => setAction(null)}>
              {t('followup.cancel')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
