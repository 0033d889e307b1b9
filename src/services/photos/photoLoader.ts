/**
 * Photos from the server, by hash and size (SPEC.md R18a/R18b): fetched once, kept in the device's
 * photo cache, shared by every screen. Two screens asking for the same photo at once share one request.
 */
import type { PhotoSizeName as PhotoSize, SchouwDb } from '../../storage/db';
import { cachePhoto, findPhoto } from '../../storage/photoCacheRepo';
import { apiFetch, getSession } from '../session';

/** Why a photo cannot be shown: each has its own sentence on screen. */
export type PhotoProblem = 'offline' | 'signed_out' | 'missing' | 'forbidden' | 'failed';

export type LoadResult = { ok: true; blob: Blob } | { ok: false; problem: PhotoProblem };

const inFlight = new Map<string, Promise<LoadResult>>();

function onlineNow(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}

/** From the device if it is there, else from the server (then kept). */
export function loadPhoto(db: SchouwDb, hash: string, size: PhotoSize): Promise<LoadResult> {
  const key = `${hash}:${size}`;
  const running = inFlight.get(key);
  if (running) return running;
  const job = (async (): Promise<LoadResult> => {
    const local = await findPhoto(db, hash, size);
    if (local) return { ok: true, blob: local.blob };
    const session = getSession();
    if (!session.user || session.expired) return { ok: false, problem: 'signed_out' };
    if (!onlineNow()) return { ok: false, problem: 'offline' };
    let res: Response;
    try {
      res = await apiFetch(`/api/photos/${hash}?size=${size}`);
    } catch {
      return { ok: false, problem: 'offline' };
    }
    if (res.status === 401) return { ok: false, problem: 'signed_out' };
    if (res.status === 403) return { ok: false, problem: 'forbidden' };
    if (res.status === 404) return { ok: false, problem: 'missing' };
    if (!res.ok) return { ok: false, problem: 'failed' };
    const blob = await res.blob();
    await cachePhoto(db, hash, size, blob);
    return { ok: true, blob };
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, job);
  return job;
}

export interface PrefetchProgress {
  done: number;
  total: number;
  failed: number;
}

/**
 * Fetches every size of these photos that is not on the device yet, two at a time (a walk area has
 * tens of photos; the phone's connection, not the server, is the limit).
 */
export async function prefetchPhotos(
  db: SchouwDb,
  hashes: readonly string[],
  sizes: readonly PhotoSize[],
  onProgress?: (p: PrefetchProgress) => void,
): Promise<PrefetchProgress> {
  const jobs = [...new Set(hashes)].flatMap((h) => sizes.map((s) => [h, s] as const));
  const progress: PrefetchProgress = { done: 0, total: jobs.length, failed: 0 };
  onProgress?.({ ...progress });
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const [hash, size] = jobs[next++]!;
      const r = await loadPhoto(db, hash, size);
      if (!r.ok) progress.failed++;
      progress.done++;
      onProgress?.({ ...progress });
    }
  }
  await Promise.all([worker(), worker()]);
  return progress;
}
