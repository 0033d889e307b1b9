/**
 * The daily retention job (issue 12): for every municipality served, anonymise what has expired
 * (RetentionStore.anonymiseExpired) and delete the bytes of photos nothing references any more. Safe
 * with several server processes: the store takes an advisory lock and skips a municipality that had a
 * run in the last 20 hours, so each municipality is done once a day whoever gets there first.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { RetentionRun } from '../store/RetentionStore';
import type { Store } from '../store/Store';
import type { PhotoStore } from '../sync/PhotoStore';
import { derivedSizes, sizeKey } from '../sync/photoSizes';

export const RETENTION_INTERVAL_MS = 24 * 3600_000;
// A little under a day: a process started a bit later than yesterday's does not skip a whole day.
const MIN_GAP_MS = 20 * 3600_000;

export interface RetentionJobOptions {
  store: Pick<Store, 'retention'> & Partial<Pick<Store, 'rateLimits'>>;
  photos: PhotoStore;
  municipalities: readonly string[];
  /** The clock; tests pass their own, so nothing sleeps. */
  now?: () => Date;
  log?: Pick<FastifyBaseLogger, 'info' | 'error'>;
}

/** One pass over every municipality; returns the runs made (skipped ones are left out). */
export async function runRetention(options: RetentionJobOptions): Promise<RetentionRun[]> {
  const now = (options.now ?? (() => new Date()))();
  const runs: RetentionRun[] = [];
  for (const municipality of options.municipalities) {
    const outcome = await options.store.retention.anonymiseExpired(municipality, now, { minGapMs: MIN_GAP_MS });
    if (!outcome) continue;
    // After the commit: a crash in between leaves unreferenced bytes, never a reference without bytes.
    for (const hash of outcome.removedPhotos) {
      for (const key of [hash, ...derivedSizes.map((s) => sizeKey(hash, s))]) await options.photos.remove(key);
    }
    options.log?.info({ retention: outcome.run }, 'retention: expired free text and photos anonymised');
    runs.push(outcome.run);
  }
  // Rate-limit windows of the public routes (a day is longer than any of their windows).
  await options.store.rateLimits?.deleteExpired(RETENTION_INTERVAL_MS, now);
  return runs;
}

/** Runs the job now and then every day; the timer never keeps the process alive. Returns a stop function. */
export function startRetentionTimer(options: RetentionJobOptions): () => void {
  const tick = () => {
    runRetention(options).catch((err: unknown) => options.log?.error({ err }, 'retention: run failed; next try in a day'));
  };
  const first = setTimeout(tick, 60_000);
  const every = setInterval(tick, RETENTION_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
