/**
 * The map index's entries (storage/mapIndex.ts) as ONE live read per tab, shared by the screens that
 * draw findings (the follow-up and the walk). A deep link to one of them starts the read while the
 * app itself is still starting (main.tsx: `preloadMapEntries`), in parallel with the screen's
 * JavaScript, so the map has its points as soon as it is there instead of after a chain of loads.
 *
 * The read stays live while a screen uses it (any write to findings updates the index in the same
 * transaction, and so this), and a few seconds after the last one left, so going from the follow-up to
 * the walk does not read again.
 */
import { liveQuery } from 'dexie';
import { db } from './db';
import { readMapIndex } from '../storage/mapIndex';
import type { MapEntry } from '../storage/mapIndexColumns';

/** undefined: not read yet; null: no index on this device (the first reader builds it). */
export type MapEntriesRead = readonly MapEntry[] | null | undefined;

/** How long the read stays live after its last user left. */
const GRACE_MS = 5000;
/** How long a preload waits for its screen to take the read over. */
const PRELOAD_MS = 15000;

let value: MapEntriesRead = undefined;
let failure: { error: unknown } | null = null;
let subscription: { unsubscribe(): void } | null = null;
let users = 0;
let stopTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

const emit = () => listeners.forEach((l) => l());

function retain(): void {
  users++;
  clearTimeout(stopTimer);
  if (subscription) return;
  subscription = liveQuery(async () => {
    const t0 = performance.now();
    const entries = await readMapIndex(db);
    // In the page's User Timing, so `npm run bench` can say where a first draw's time goes.
    performance.measure('schouwkaart:map-index-read', { start: t0, detail: { entries: entries?.length ?? null } });
    return entries;
  }).subscribe({
    next: (entries) => {
      value = entries;
      failure = null;
      emit();
    },
    error: (error: unknown) => {
      failure = { error };
      emit();
    },
  });
}

function release(): void {
  users--;
  if (users > 0) return;
  clearTimeout(stopTimer);
  stopTimer = setTimeout(() => {
    if (users > 0) return;
    subscription?.unsubscribe();
    subscription = null;
    value = undefined;
    failure = null;
  }, GRACE_MS);
}

/** Starts the read now (a deep link to a map screen); the screen that mounts takes it over. */
export function preloadMapEntries(): void {
  retain();
  setTimeout(release, PRELOAD_MS);
}

export function subscribeMapEntries(listener: () => void): () => void {
  listeners.add(listener);
  retain();
  return () => {
    listeners.delete(listener);
    release();
  };
}

/** The latest read (a stable reference between changes, for useSyncExternalStore). */
export function currentMapEntries(): MapEntriesRead {
  return value;
}

/** What the read threw, if it failed (the screen throws it, as useLiveQuery does). */
export function mapEntriesFailure(): { error: unknown } | null {
  return failure;
}
