/**
 * The app's sync status as a tiny store, without zod or the engine: the header shows it on the first
 * screen, while the engine (which needs the zod protocol) loads after (src/app/syncEngine.ts).
 */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'logged_out';

export interface EngineStatus {
  state: SyncState;
  /** ISO instant of the last run that pushed and pulled without error. */
  lastSuccess: string | null;
  lastError: string | null;
}

let current: EngineStatus = { state: 'idle', lastSuccess: null, lastError: null };
const listeners = new Set<() => void>();
let runner: (() => void) | null = null;

export function getSyncStatus(): EngineStatus {
  return current;
}

export function subscribeSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishSyncStatus(status: EngineStatus): void {
  current = status;
  for (const l of listeners) l();
}

/** The loaded engine registers how to run now; before it has loaded, asking does nothing. */
export function setSyncRunner(run: (() => void) | null): void {
  runner = run;
}

export function syncNow(): void {
  runner?.();
}
