import type { Area } from '../../domain/area';
import type { OfflinePackRecord, SchouwDb } from '../../storage/db';
import { TILE_PACK_CACHE, fillTemplate } from '../../map/tileCache';
import { DEFAULT_MARGIN_METRES, packTiles, planPack, type PackPlan } from './planPack';

/** Where pack tiles live. The app uses Cache Storage (the service worker reads the same cache). */
export interface TileStore {
  has(url: string): Promise<boolean>;
  put(url: string, response: Response): Promise<void>;
  deleteMany(urls: readonly string[]): Promise<void>;
  /** Stored size in bytes, or undefined when absent. Optional; lets a resumed pack report its real size. */
  size?(url: string): Promise<number | undefined>;
}

/** How a download ended. `complete` is the only one that leaves a 'complete' record. */
export type DownloadCode = 'complete' | 'tiles_failed' | 'server_unreachable' | 'cancelled' | 'quota_exceeded' | 'template_not_allowed';

export interface DownloadProgress {
  /** Tiles present in the store, including those that were already there. */
  done: number;
  /** Tiles that still failed after all retries. */
  failed: number;
  total: number;
  bytes: number;
}

export interface DownloadResult extends DownloadProgress {
  code: DownloadCode;
  /** The record as last written; undefined only for `template_not_allowed` (nothing is written then). */
  record?: OfflinePackRecord;
}

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface DownloadPackOptions {
  area: Pick<Area, 'id' | 'geometry'>;
  template: string;
  plan: PackPlan;
  cache: TileStore;
  db: SchouwDb;
  fetchFn?: FetchFn;
  /** Tiles fetched at the same time. PDOK asks for restraint; 4 is polite and quick enough. */
  concurrency?: number;
  /** Extra attempts per tile after the first one fails (network error, 408, 429 or 5xx). */
  retries?: number;
  /** First backoff delay; doubles on each retry, with jitter. */
  retryDelayMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** The record is written after this many tiles (and always at the start and the end). */
  recordEvery?: number;
  /**
   * This many tiles in a row failing after their retries means the tile server cannot be reached:
   * the download stops (`server_unreachable`) instead of crawling on; Resume continues it later.
   */
  maxConsecutiveFailures?: number;
  now?: () => Date;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_RETRY_DELAY_MS = 500;
export const DEFAULT_RECORD_EVERY = 50;
export const DEFAULT_MAX_CONSECUTIVE_FAILURES = 6;

/**
 * OpenStreetMap's tile servers forbid bulk downloading (tile usage policy), so a pack never uses them.
 */
const FORBIDDEN_PACK_HOSTS = /(^|\.)(openstreetmap\.(org|fr|de)|osm\.org)$/i;

export function isTemplateAllowedForPacks(template: string): boolean {
  let host: string;
  try {
    host = new URL(fillTemplate(template, 0, 0, 0).replace(/\{[a-z]+\}/gi, 'a')).hostname;
  } catch {
    return false;
  }
  return !FORBIDDEN_PACK_HOSTS.test(host);
}

/** A full disk shows up as QuotaExceededError (Firefox: NS_ERROR_DOM_QUOTA_REACHED), maybe wrapped by Dexie. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

class TileHttpError extends Error {
  constructor(
    readonly status: number,
    url: string,
  ) {
    super(`HTTP ${status} for ${url}`);
  }
  get retryable(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

class QuotaStop extends Error {}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Downloads the plan's tiles into the store and keeps the area's offlinePacks record up to date.
 * Resumable: tiles already in the store are counted as done without a request. Never throws for a tile
 * or a full disk; the result code says how it ended, and the record stays 'partial' unless every tile
 * is there.
 */
export async function downloadPack(options: DownloadPackOptions): Promise<DownloadResult> {
  const {
    area,
    template,
    plan,
    cache,
    db,
    fetchFn = (input, init) => globalThis.fetch(input, init),
    concurrency = DEFAULT_CONCURRENCY,
    retries = DEFAULT_RETRIES,
    retryDelayMs = DEFAULT_RETRY_DELAY_MS,
    signal,
    onProgress,
    recordEvery = DEFAULT_RECORD_EVERY,
    maxConsecutiveFailures = DEFAULT_MAX_CONSECUTIVE_FAILURES,
    now = () => new Date(),
  } = options;

  const total = plan.tileCount;
  if (!isTemplateAllowedForPacks(template)) {
    return { code: 'template_not_allowed', done: 0, failed: 0, total, bytes: 0 };
  }

  const previous = await db.offlinePacks.get(area.id);
  const samePack =
    previous?.template === template && previous.minZoom === plan.minZoom && previous.maxZoom === plan.maxZoom;
  // Without size() the store cannot tell how large the tiles it already holds are; the old record can.
  let bytes = !cache.size && samePack ? previous.bytes : 0;
  let done = 0;
  let failed = 0;

  const makeRecord = (status: OfflinePackRecord['status']): OfflinePackRecord => ({
    areaId: area.id,
    template,
    minZoom: plan.minZoom,
    maxZoom: plan.maxZoom,
    tileCount: total,
    doneCount: done,
    bytes,
    status,
    updatedAt: now().toISOString(),
  });

  // Record writes are chained so that a slow write never lands after a later one.
  let lastRecord: OfflinePackRecord = {
    ...makeRecord('partial'),
    doneCount: samePack ? Math.min(previous.doneCount, total) : 0,
  };
  let writes: Promise<void> = Promise.resolve();
  const writeRecord = (record: OfflinePackRecord): Promise<void> => {
    lastRecord = record;
    writes = writes
      .then(() => db.offlinePacks.put(record))
      .then(
        () => undefined,
        // A record that cannot be written (full disk) leaves the previous one; tiles are still stored.
        () => undefined,
      );
    return writes;
  };
  await writeRecord(lastRecord);

  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  if (signal?.aborted) stop.abort();
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  let quotaHit = false;
  let consecutiveFailures = 0;
  let unreachable = false;
  const tileFailed = () => {
    failed++;
    if (++consecutiveFailures >= maxConsecutiveFailures && !unreachable) {
      unreachable = true;
      stop.abort();
    }
  };

  let sinceRecord = 0;
  const tileFinished = () => {
    onProgress?.({ done, failed, total, bytes });
    if (++sinceRecord >= recordEvery) {
      sinceRecord = 0;
      void writeRecord(makeRecord('partial'));
    }
  };

  const fetchTile = async (url: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetchFn(url, { mode: 'cors', credentials: 'omit', signal: stop.signal });
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          throw new TileHttpError(response.status, url);
        }
        // Read the whole body first, so a connection lost halfway is retried rather than stored.
        const body = await response.arrayBuffer();
        // Only the content type is kept: a stored Vary header (e.g. Vary: Origin) would stop the
        // service worker from matching the tile for a plain image request.
        const headers = {
          'content-type': response.headers.get('content-type') ?? 'image/png',
          'content-length': String(body.byteLength),
        };
        try {
          await cache.put(url, new Response(body, { status: 200, headers }));
        } catch (error) {
          if (isQuotaError(error)) throw new QuotaStop();
          throw error;
        }
        bytes += body.byteLength;
        done++;
        consecutiveFailures = 0;
        return;
      } catch (error) {
        if (error instanceof QuotaStop || stop.signal.aborted) throw error;
        const retryable = !(error instanceof TileHttpError) || error.retryable;
        if (!retryable || attempt >= retries) {
          tileFailed();
          return;
        }
        const delay = retryDelayMs * 2 ** attempt;
        await sleep(delay / 2 + Math.random() * (delay / 2), stop.signal);
        if (stop.signal.aborted) throw new DOMException('Aborted', 'AbortError');
      }
    }
  };

  const tiles = packTiles(plan);
  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      const next = tiles.next();
      if (next.done) return;
      const { z, x, y } = next.value;
      const url = fillTemplate(template, z, x, y);
      try {
        let present: boolean;
        if (cache.size) {
          const size = await cache.size(url);
          present = size !== undefined;
          if (present) bytes += size ?? 0;
        } else {
          present = await cache.has(url);
        }
        if (present) done++;
        else await fetchTile(url);
      } catch (error) {
        if (error instanceof QuotaStop || isQuotaError(error)) {
          quotaHit = true;
          stop.abort();
          return;
        }
        if (stop.signal.aborted || isAbortError(error)) return;
        // A store that fails to answer for one tile must not end the pack: count the tile as failed.
        failed++;
      }
      tileFinished();
    }
  };

  try {
    const workers = Math.max(1, Math.min(Math.floor(concurrency), total || 1));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }

  const complete = done === total && !quotaHit;
  const code: DownloadCode = quotaHit
    ? 'quota_exceeded'
    : complete
      ? 'complete'
      : signal?.aborted
        ? 'cancelled'
        : unreachable
          ? 'server_unreachable'
          : 'tiles_failed';
  onProgress?.({ done, failed, total, bytes });
  await writeRecord(makeRecord(complete ? 'complete' : 'partial'));
  return { code, done, failed, total, bytes, record: lastRecord };
}

export interface DeletePackOptions {
  areaId: string;
  db: SchouwDb;
  cache: TileStore;
  /**
   * Looks up an area by id, to work out which tiles a pack holds (this one and the others, whose
   * shared tiles are kept). Defaults to the areas table.
   */
  getArea?: (id: string) => Promise<Pick<Area, 'id' | 'geometry'> | undefined>;
  /** Margin the packs were planned with. */
  marginMetres?: number;
}

/** The tile URLs a pack record stands for. */
export function packTileUrls(record: OfflinePackRecord, area: Pick<Area, 'geometry'>, marginMetres = DEFAULT_MARGIN_METRES): string[] {
  const plan = planPack(area, { minZoom: record.minZoom, maxZoom: record.maxZoom, marginMetres });
  return Array.from(packTiles(plan), ({ z, x, y }) => fillTemplate(record.template, z, x, y));
}

/**
 * Removes an area's pack: its record and its tiles. Tiles that another pack also holds (neighbouring
 * areas overlap once the margin is added) stay. When another pack's area is unknown its tiles cannot be
 * told apart, so that pack is marked 'partial'; Resume fills any hole.
 */
export async function deletePack(options: DeletePackOptions): Promise<{ deletedTiles: number }> {
  const { areaId, db, cache, marginMetres = DEFAULT_MARGIN_METRES } = options;
  const getArea = options.getArea ?? ((id: string) => db.areas.get(id));
  const record = await db.offlinePacks.get(areaId);
  if (!record) return { deletedTiles: 0 };
  const area = await getArea(areaId);

  let urls: string[] = [];
  if (area) {
    const keep = new Set<string>();
    const others = (await db.offlinePacks.toArray()).filter((r) => r.areaId !== areaId && r.template === record.template);
    for (const other of others) {
      const otherArea = await getArea(other.areaId);
      if (otherArea) for (const url of packTileUrls(other, otherArea, marginMetres)) keep.add(url);
      else if (other.status === 'complete') {
        await db.offlinePacks.update(other.areaId, { status: 'partial', updatedAt: new Date().toISOString() });
      }
    }
    urls = packTileUrls(record, area, marginMetres).filter((url) => !keep.has(url));
    await cache.deleteMany(urls);
  }
  await db.offlinePacks.delete(areaId);
  return { deletedTiles: urls.length };
}

/** The TileStore the app uses: the Cache Storage cache that the service worker serves pack tiles from. */
export function createCacheStorageTileStore(
  cacheName: string = TILE_PACK_CACHE,
  storage: CacheStorage = globalThis.caches,
): TileStore {
  if (!storage) throw new Error('Cache Storage is not available (it needs a secure context: https or localhost)');
  let opened: Promise<Cache> | undefined;
  const open = () => (opened ??= storage.open(cacheName));
  return {
    async has(url) {
      return (await (await open()).match(url)) !== undefined;
    },
    async size(url) {
      const response = await (await open()).match(url);
      if (!response) return undefined;
      const length = Number(response.headers.get('content-length'));
      return Number.isFinite(length) && length > 0 ? length : (await response.blob()).size;
    },
    async put(url, response) {
      await (await open()).put(url, response);
    },
    async deleteMany(urls) {
      const cache = await open();
      await Promise.all(urls.map((url) => cache.delete(url)));
    },
  };
}
