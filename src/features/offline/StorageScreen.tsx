import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../services/db';
import { formatDateTime } from '../../services/format';
import { StorageStatus } from './StorageStatus';
import { createCacheStorageTileStore, deletePack } from './downloadPack';
import { formatMegabytes } from './planPack';

/**
 * Where a person frees space when the device is full: offline map packs are the big, re-downloadable
 * part. Findings, photos and the outbox are never offered for deletion here.
 */
export default function StorageScreen() {
  const { t, i18n } = useTranslation();
  const packs = useLiveQuery(() => db.offlinePacks.toArray(), []);
  const areas = useLiveQuery(() => db.areas.toArray(), []);
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = (id: string) => areas?.find((a) => a.id === id)?.name ?? id;

  async function remove(areaId: string) {
    try {
      await deletePack({ areaId, db, cache: createCacheStorageTileStore() });
      setMessage(t('offline.deleted'));
    } catch (e) {
      setMessage(t('offline.result.error', { reason: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <main className="screen" id="main">
      <h2>{t('offline.storageTitle')}</h2>
      <p>
        <StorageStatus />
      </p>
      <p>{t('offline.storageIntro')}</p>
      {message && <p role="status">{message}</p>}
      {packs && packs.length === 0 && <p>{t('offline.noPacks')}</p>}
      {packs && packs.length > 0 && (
        <ul className="pack-list">
          {packs.map((p) => (
            <li key={p.areaId}>
              <span>
                <strong>{nameOf(p.areaId)}</strong> · {formatMegabytes(p.bytes)} · {p.status === 'complete' ? t('offline.packComplete') : t('offline.packPartial')} ·{' '}
                {formatDateTime(p.updatedAt, i18n.language)}
              </span>
              <button type="button" className="btn btn-danger" onClick={() => void remove(p.areaId)}>
                {t('offline.deleteNamed', { name: nameOf(p.areaId) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
