/**
 * The device database (Dexie, about 30 KB gzip) loads after the first screen, not with it (issue 17).
 * Screens that load on demand import services/db.ts directly; the code on the first screen's path (the
 * shell, the sync status, the map screen's data) asks for it here.
 *
 * On a first visit there is nothing on the device to show yet, so the map screen holds the database
 * back until its area list shows (from the network answer): the browser spends the first seconds on what
 * the person sees. On a device that has been used before (a config is remembered), the device copy may
 * be the fastest source of the areas (offline, a slow network), so the database loads at once.
 */
import type { SchouwDb } from '../storage/db';
import { loadCachedConfig } from './configCache';

let db: Promise<SchouwDb> | null = null;
let hold: Promise<void> | null = null;
let release: (() => void) | null = null;

/** The one database of this tab, loaded on first use (and after the first screen, if held). */
export function loadDb(): Promise<SchouwDb> {
  db ??= (hold ?? Promise.resolve()).then(() => import('./db')).then((m) => m.db);
  return db;
}

/**
 * Called by the map screen while it renders, before any effect asks for the database: on a first visit,
 * loadDb waits until `releaseDb()`. Does nothing on a device used before, or once loading has begun.
 */
export function holdDbForFirstScreen(): void {
  if (db || hold || loadCachedConfig()) return;
  hold = new Promise<void>((r) => (release = r));
}

/** The area list is showing, or cannot show without the device copy: the database may load now. */
export function releaseDb(): void {
  release?.();
  release = null;
}
