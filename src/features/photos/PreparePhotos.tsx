import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../services/db';
import { prepareAreaPhotos } from '../../services/photos/prepareArea';
import { useOnline } from '../../services/useOnline';
import './i18nRegister';

type Status = { kind: 'idle' } | { kind: 'busy'; done: number; total: number } | { kind: 'result'; text: string; error: boolean };

/**
 * "Prepare the walk": fetches the photos of the area's open findings onto this device. Starting a
 * walk does the same in the background (see InspectionsHome); this button shows progress and result.
 */
export function PreparePhotos({ areaId, label }: { areaId: string; label: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function run() {
    setStatus({ kind: 'busy', done: 0, total: 0 });
    const r = await prepareAreaPhotos(db, areaId, (p) => setStatus({ kind: 'busy', done: p.done, total: p.total }));
    if (r.total === 0) setStatus({ kind: 'result', text: t('photos.prepare.none'), error: false });
    else if (r.failed > 0) setStatus({ kind: 'result', text: t('photos.prepare.partly', { failed: r.failed, total: r.total }), error: true });
    else setStatus({ kind: 'result', text: t('photos.prepare.done', { count: r.findings }), error: false });
  }

  return (
    <span className="prepare-photos">
      <button type="button" className="btn" onClick={() => void run()} disabled={!online || status.kind === 'busy'} aria-label={`${t('photos.prepare.button')}: ${label}`}>
        {t('photos.prepare.button')}
      </button>
      {!online && <span className="muted">{t('photos.prepare.offline')}</span>}
      {status.kind === 'busy' && <span role="status">{t('photos.prepare.busy', { done: status.done, total: status.total })}</span>}
      {status.kind === 'result' && (
        <span role={status.error ? 'alert' : 'status'} className={status.error ? 'form-error' : 'form-ok'}>
          {status.text}
        </span>
      )}
    </span>
  );
}
