import { useSyncExternalStore } from 'react';
import type { OutboxEntry, SchouwDb } from '../storage/db';
import { getSyncStatus, subscribeSyncStatus, type EngineStatus } from './status';
import { useDbLiveQuery } from '../services/useDbLiveQuery';

export interface SyncStatusView extends EngineStatus {
  /** Entries waiting to be pushed. */
  pending: number;
  /** Entries the server refused, kept with their reason until the person dismisses them (R8, R21). */
  rejected: OutboxEntry[];
}

/** In the shell on the first screen: the database loads on demand (loadDb.ts) unless one is given. */
export function useSyncStatus(db?: SchouwDb): SyncStatusView {
  const status = useSyncExternalStore(subscribeSyncStatus, getSyncStatus, getSyncStatus);
  const pending = useDbLiveQuery((d) => d.outbox.where('status').equals('pending').count(), [], 0, db);
  const rejected = useDbLiveQuery((d) => d.outbox.where('status').equals('rejected').toArray(), [], [] as OutboxEntry[], db);
  return { ...status, pending, rejected };
}
