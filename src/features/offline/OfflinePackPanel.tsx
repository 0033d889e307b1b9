import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../domain/area';
import type { OfflinePackRecord, SchouwDb } from '../../storage/db';
import {
  createCacheStorageTileStore,
  deletePack,
  downloadPack,
  type DownloadCode,
  type DownloadProgress,
  type FetchFn,
  type TileStore,
} from './downloadPack';
import {
  DEFAULT_BYTES_PER_TILE,
  DEFAULT_MAX_ZOOM,
  DEFAULT_MIN_ZOOM,
  PACK_ZOOM_LIMITS,
  formatMegabytes,
  planPack,
} from './planPack';

export interface OfflinePackPanelProps {
  area: Area;
  /** Tile URL template of the basemap to keep offline (configuration; never OpenStreetMap). */
  template: string;
  db: SchouwDb;
  /** Where tiles go; defaults to the Cache Storage cache the service worker serves packs from. */
  cache?: TileStore;
  fetchFn?: FetchFn;
}

type Message = DownloadCode | 'deleted' | 'unavailable' | { error: string };

const ZOOM_CHOICES = Array.from({ length: PACK_ZOOM_LIMITS.max - 10 + 1 }, (_, i) => 10 + i);
const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const countFormat = new Intl.NumberFormat('nl-NL');
const buttonStyle = { minHeight: 44, minWidth: 44 } as const;

function openStore(cache: TileStore | undefined): TileStore | undefined {
  if (cache) return cache;
  try {
    return createCacheStorageTileStore();
  } catch {
    return undefined;
  }
}

/** One area's offline pack: what is stored, what a download would take, and the buttons to manage it. */
export function OfflinePackPanel({ area, template, db, cache, fetchFn }: OfflinePackPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const progressId = useId();
  const [minZoom, setMinZoom] = useState(DEFAULT_MIN_ZOOM);
  const [maxZoom, setMaxZoom] = useState(DEFAULT_MAX_ZOOM);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const controller = useRef<AbortController | null>(null);
  const running = progress !== null;

  // null: no pack; undefined: still reading.
  const record = useLiveQuery(async () => (await db.offlinePacks.get(area.id)) ?? null, [db, area.id]);
  const store = useMemo(() => openStore(cache), [cache]);
  const plan = useMemo(() => planPack(area, { minZoom, maxZoom }), [area, minZoom, maxZoom]);
  const stale = record != null && record.template !== template;

  // Leaving the panel stops the download; the record stays 'partial' and Resume continues it.
  useEffect(() => () => controller.current?.abort(), []);

  async function start(zooms: { minZoom: number; maxZoom: number }) {
    if (!store) return setMessage('unavailable');
    const ac = new AbortController();
    controller.current = ac;
    setMessage(null);
    const runPlan = planPack(area, zooms);
    setProgress({ done: 0, failed: 0, total: runPlan.tileCount, bytes: 0 });
    try {
      if (stale) await deletePack({ areaId: area.id, db, cache: store, getArea: lookupArea });
      const result = await downloadPack({
        area,
        template,
        plan: runPlan,
        cache: store,
        db,
        fetchFn,
        signal: ac.signal,
        onProgress: setProgress,
      });
      setMessage(result.code);
    } catch (error) {
      setMessage({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      if (controller.current === ac) controller.current = null;
      setProgress(null);
    }
  }

  async function lookupArea(id: string) {
    return id === area.id ? area : db.areas.get(id);
  }

  async function remove() {
    if (!store) return setMessage('unavailable');
    try {
      await deletePack({ areaId: area.id, db, cache: store, getArea: lookupArea });
      setMessage('deleted');
    } catch (error) {
      setMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section className="offline-pack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('offline.title')}</h3>
      <p>{t('offline.intro')}</p>

      <p role="status">{record === undefined ? null : describeRecord(record, t)}</p>
      {stale && <p>{t('offline.otherBasemap')}</p>}

      {!running && (record === null || stale) && (
        <div className="offline-pack-zooms">
          <label>
            {t('offline.minZoom')}{' '}
            <select value={minZoom} style={buttonStyle} onChange={(e) => {
              const z = Number(e.target.value);
              setMinZoom(z);
              if (z > maxZoom) setMaxZoom(z);
            }}>
              {ZOOM_CHOICES.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          </label>{' '}
          <label>
            {t('offline.maxZoom')}{' '}
            <select value={maxZoom} style={buttonStyle} onChange={(e) => {
              const z = Number(e.target.value);
              setMaxZoom(z);
              if (z < minZoom) setMinZoom(z);
            }}>
              {ZOOM_CHOICES.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          </label>
          <p>
            {t('offline.plan', { tiles: countFormat.format(plan.tileCount), size: formatMegabytes(plan.estimatedBytes) })}
            <br />
            <small>{t('offline.planHint', { perTile: `${countFormat.format(Math.round(DEFAULT_BYTES_PER_TILE / 1024))} KB` })}</small>
          </p>
        </div>
      )}

      {running && (
        <div>
          <label htmlFor={progressId}>{t('offline.progressLabel')}</label>
          <progress id={progressId} max={progress.total} value={progress.done} style={{ display: 'block', width: '100%' }} />
          <p aria-live="polite">
            {t('offline.progress', { done: countFormat.format(progress.done), total: countFormat.format(progress.total) })}
            {progress.failed > 0 && <> · {t('offline.failedTiles', { count: progress.failed })}</>}
          </p>
        </div>
      )}

      <div className="offline-pack-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: '.5rem' }}>
        {running ? (
          <button type="button" className="btn" style={buttonStyle} onClick={() => controller.current?.abort()}>
            {t('offline.cancel')}
          </button>
        ) : (
          <>
            {(record == null || stale) && (
              <button type="button" className="btn" style={buttonStyle} disabled={record === undefined} onClick={() => void start({ minZoom, maxZoom })}>
                {t('offline.download')}
              </button>
            )}
            {record != null && !stale && record.status === 'partial' && (
              <button type="button" className="btn" style={buttonStyle} onClick={() => void start({ minZoom: record.minZoom, maxZoom: record.maxZoom })}>
                {t('offline.resume')}
              </button>
            )}
            {record != null && (
              <button type="button" className="btn" style={buttonStyle} onClick={() => void remove()}>
                {t('offline.delete')}
              </button>
            )}
          </>
        )}
      </div>

      {message !== null && <p role="alert">{messageText(message, t)}</p>}
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function describeRecord(record: OfflinePackRecord | null, t: T): string {
  if (!record) return t('offline.statusNone');
  const size = formatMegabytes(record.bytes);
  const date = dateFormat.format(new Date(record.updatedAt));
  return record.status === 'complete'
    ? t('offline.statusComplete', { size, date })
    : t('offline.statusPartial', {
        size,
        date,
        done: countFormat.format(record.doneCount),
        total: countFormat.format(record.tileCount),
      });
}

function messageText(message: Message, t: T): string {
  if (typeof message === 'object') return t('offline.result.error', { reason: message.error });
  if (message === 'deleted') return t('offline.deleted');
  if (message === 'unavailable') return t('offline.unavailable');
  return t(`offline.result.${message}`);
}
