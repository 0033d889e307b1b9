/**
 * The client sync engine (SPEC.md R20-R22): one run = photos up, outbox pushed, changes pulled. Runs
 * on start, on 'online', about 2 s after a write and on an interval; never two at once.
 */
import type { SchouwDb } from '../storage/db';
import { ServerError, UnauthorizedError, type Fetch } from './http';
import { pullChanges } from './pull';
import { pullPeople } from './pullPeople';
import { pullOwners } from './pullOwners';
import { EpochChangedError, pushOutbox } from './push';
import type { EngineStatus } from './status';
import { notifyUnauthorized } from './unauthorized';
import { uploadPhotos } from './uploadPhotos';

export type { EngineStatus, SyncState } from './status';

export interface EngineOptions {
  db: SchouwDb;
  fetch?: Fetch;
  baseUrl?: string;
  /** The device's client id (the same as the device actor's; kept in `meta`). */
  clientId: () => Promise<string>;
  debounceMs?: number;
  intervalMs?: number;
  pullLimit?: number;
  batchSize?: number;
  isOnline?: () => boolean;
  /** Runs before each push, e.g. to hand the device's pre-login writes to the logged-in person. */
  beforePush?: () => Promise<void>;
  /** Municipalities whose owner organisations to refresh after each pull (none: not refreshed). */
  ownerMunicipalities?: () => readonly string[];
}

const LAST_SUCCESS_KEY = 'sync.lastSuccess';

export class SyncEngine {
  private status: EngineStatus = { state: 'idle', lastSuccess: null, lastError: null };
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private interval: ReturnType<typeof setInterval> | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly o: EngineOptions) {}

  getStatus = (): EngineStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l();
  }

  /** Starts the triggers and runs once now. */
  start(): void {
    const { db } = this.o;
    void db.meta.get(LAST_SUCCESS_KEY).then((row) => typeof row?.value === 'string' && this.set({ lastSuccess: row.value }));
    // Every local write adds an outbox entry: that is the "after a write" trigger, whoever wrote.
    const onCreate = () => this.requestSync();
    db.outbox.hook('creating', onCreate);
    this.cleanups.push(() => db.outbox.hook('creating').unsubscribe(onCreate));
    if (typeof window !== 'undefined') {
      const online = () => void this.syncNow();
      window.addEventListener('online', online);
      this.cleanups.push(() => window.removeEventListener('online', online));
    }
    this.interval = setInterval(() => void this.syncNow(), this.o.intervalMs ?? 3 * 60_000);
    void this.syncNow();
  }

  stop(): void {
    for (const c of this.cleanups.splice(0)) c();
    if (this.interval) clearInterval(this.interval);
    if (this.debounce) clearTimeout(this.debounce);
    this.interval = this.debounce = null;
  }

  /** Debounced: a burst of writes makes one run about `debounceMs` after the last one. */
  requestSync(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.syncNow();
    }, this.o.debounceMs ?? 2000);
  }

  /** Runs now, or once more right after the run in progress (R20). Resolves when that run is done. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.exclusive(() => this.runOnce());
      } while (this.again && this.status.state === 'idle');
      this.running = null;
    })();
    return this.running;
  }

  /**
   * R57: one run at a time per device database, across tabs too, where the browser has Web Locks (two
   * tabs would otherwise apply pull pages and push answers at once).
   */
  private exclusive(run: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
    return locks ? locks.request(`schouwkaart-sync:${this.o.db.name}`, () => run()).then(() => undefined) : run();
  }

  private async runOnce(): Promise<void> {
    const online = this.o.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
    if (!online()) {
      this.set({ state: 'offline' });
      return;
    }
    const { db } = this.o;
    const fetchFn = this.o.fetch ?? ((url, init) => fetch(url, init));
    const base = this.o.baseUrl ?? '';
    this.set({ state: 'syncing' });
    try {
      const clientId = await this.o.clientId();
      await this.o.beforePush?.();
      await uploadPhotos(db, fetchFn, base);
      try {
        await pushOutbox(db, fetchFn, base, clientId, this.o.batchSize);
      } catch (err) {
        if (!(err instanceof EpochChangedError)) throw err;
        // R54: the server was restored. Pull first (R35: everything again; R55: what it lost is offered
        // again), then push: the lost records go up before the changes made on them.
        await pullChanges(db, fetchFn, base, this.o.pullLimit);
        await pushOutbox(db, fetchFn, base, clientId, this.o.batchSize);
      }
      await pullChanges(db, fetchFn, base, this.o.pullLimit);
      await pullPeople(db, fetchFn, base);
      await pullOwners(db, fetchFn, base, this.o.ownerMunicipalities?.() ?? []);
      const at = new Date().toISOString();
      await db.meta.put({ key: LAST_SUCCESS_KEY, value: at });
      this.set({ state: 'idle', lastSuccess: at, lastError: null });
    } catch (err) {
      if (err instanceof UnauthorizedError) {
        // R22: the outbox stays as it is; after a new login the next run goes on.
        this.set({ state: 'logged_out', lastError: null });
        notifyUnauthorized();
      } else if (err instanceof ServerError) {
        this.set({ state: 'error', lastError: `server ${err.status}` });
      } else {
        // A failed fetch: the network went away during the run.
        this.set({ state: online() ? 'error' : 'offline', lastError: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}

