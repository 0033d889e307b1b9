import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../domain/finding';
import { mayRunCommand, type FindingCommand, type FindingCommandKind } from '../../../domain/findingStatus';
import { useActor } from '../../../services/actor';
import { useActorNames } from '../../../services/people';
import type { PhotoRecord } from '../../../storage/db';
import { db } from '../../../services/db';
import { formatDateTime } from '../../../services/format';
import { FindingConflicts } from '../../../sync/FindingConflicts';
import { useFindingEvents } from '../useSchouwData';
import { CategoryPicker, SeverityPicker } from './CategoryPicker';
import { CategoryBadge, FindingSummaryLine } from './FindingLabel';
import { PhotoPicker } from './PhotoPicker';
import { PhotoGallery } from '../../photos/PhotoGallery';
import './i18nWalk';

interface Props {
  finding: Finding;
  areaNames: ReadonlyMap<string, string>;
  moving: boolean;
  run: (commands: FindingCommand[], photos?: PhotoRecord[]) => Promise<string | null>;
  onMove: () => void;
  onSaveMove: () => void;
  onCancelMove: () => void;
  onBack: () => void;
  onRemoved: () => void;
  onFirstPhoto: () => void;
}

/** One finding of the walk: edit, move, add photos, remove. Every change is a domain command. */
export function FindingDetail(props: Props) {
  const { finding, areaNames, moving, run } = props;
  const { t, i18n } = useTranslation();
  const [categoryCode, setCategory] = useState(finding.categoryCode);
  const [severity, setSeverity] = useState<Severity>(finding.severity);
  const [description, setDescription] = useState(finding.description);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const events = useFindingEvents(finding.id);
  const actor = useActor();
  const who = useActorNames();
  // Only what this person may do to this finding is offered (a schouwer edits their own open findings).
  const may = (kind: FindingCommandKind) => !!actor && mayRunCommand(kind, finding, actor);

  async function exec(commands: FindingCommand[], photos?: PhotoRecord[], done = t('schouw.saved')) {
    if (commands.length === 0) return;
    const error = await run(commands, photos);
    setMessage(error ? { text: error, error: true } : { text: done, error: false });
  }

  const edits: FindingCommand[] = [
    ...(categoryCode !== finding.categoryCode ? [{ kind: 'change_category' as const, categoryCode }] : []),
    ...(description.trim() !== finding.description ? [{ kind: 'change_description' as const, description }] : []),
    ...(severity !== finding.severity ? [{ kind: 'change_severity' as const, severity }] : []),
  ];

  return (
    <section className="finding-detail" aria-labelledby="finding-title">
      <button type="button" className="btn btn-link" onClick={props.onBack}>
        ← {t('schouw.backToWalk')}
      </button>
      <h2 id="finding-title">
        <CategoryBadge categoryCode={finding.categoryCode} />
      </h2>
      <p>
        <FindingSummaryLine finding={finding} areaNames={areaNames} />
      </p>
      <p className={finding.description ? 'finding-description' : 'finding-description muted'}>{finding.description || t('walk.noDescription')}</p>
      <FindingConflicts db={db} findingId={finding.id} />
      <PhotoGallery hashes={finding.photoHashes} altOf={(i) => t('schouw.photoAlt', { n: i + 1 })} />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
          {message.text}
        </p>
      )}
      {moving ? (
        <div className="move-box" role="group" aria-label={t('schouw.move')}>
          <p>{t('schouw.moveHint')}</p>
          <button type="button" className="btn btn-primary btn-big" onClick={props.onSaveMove}>
            {t('schouw.saveMove')}
          </button>{' '}
          <button type="button" className="btn btn-big" onClick={props.onCancelMove}>
            {t('schouw.cancel')}
          </button>
        </div>
      ) : (
        <div className="form-actions">
          {may('move') && (
            <button type="button" className="btn btn-big" onClick={props.onMove}>
              {t('schouw.move')}
            </button>
          )}
          {may('add_photo') && (
            <PhotoPicker
              label={t('schouw.addPhotos')}
              onFirstPhoto={props.onFirstPhoto}
              onPhotos={(photos) => void exec(photos.map((p) => ({ kind: 'add_photo', photoHash: p.hash })), photos)}
            />
          )}
        </div>
      )}
      {actor && !may('change_description') && <p className="muted">{t('people.walkEditNotYours')}</p>}
      {may('change_description') && (
        <details className="edit-box">
          <summary>{t('schouw.edit')}</summary>
          <CategoryPicker value={categoryCode} onChange={setCategory} />
          <SeverityPicker value={severity} onChange={setSeverity} />
          <label className="field">
            <span>{t('schouw.description')}</span>
            <input type="text" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <button type="button" className="btn btn-primary btn-big" disabled={edits.length === 0} onClick={() => void exec(edits)}>
            {t('schouw.saveChanges')}
          </button>
        </details>
      )}
      {may('remove') && (
        <div className="danger-zone">
          {confirmRemove ? (
            <>
              <p>{t('schouw.removeConfirm')}</p>
              <button
                type="button"
                className="btn btn-danger btn-big"
                onClick={async () => {
                  const error = await run([{ kind: 'remove' }]);
                  if (error) setMessage({ text: error, error: true });
                  else props.onRemoved();
                }}
              >
                {t('schouw.removeYes')}
              </button>{' '}
              <button type="button" className="btn btn-big" onClick={() => setConfirmRemove(false)}>
                {t('schouw.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-danger" onClick={() => setConfirmRemove(true)}>
              {t('schouw.remove')}
            </button>
          )}
        </div>
      )}
      <h3>{t('schouw.history')}</h3>
      <ol className="history">
        {(events ?? []).map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time> {t(`schouw.events.${e.kind}`)}
            {e.kind === 'status_changed' && typeof e.after === 'string' ? ` → ${t(`schouw.statuses.${e.after}`)}` : ''}
            {e.note ? `: ${e.note}` : ''} <span className="muted">{t('followup.by', { who: who(e.by, e.id) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
