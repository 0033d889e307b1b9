import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { OutboxEntry, SchouwDb } from '../storage/db';
import { getSyncStatus, subscribeSyncStatus, type EngineStatus } from './status';

export interface SyncStatusView extends EngineStatus {
  /** Entries waiting to be pushed. */
  pending: number;
  /** Entries the server refused, kept with their reason until the person dismisses them (R8, R21). */
  rejected: OutboxEntry[];
}

export function useSyncStatus(db: SchouwDb): SyncStatusView {
  const status = useSyncExternalStore(subscribeSyncStatus, getSyncStatus, getSyncStatus);
  const pending = useLiveQuery(() => db.outbox.where('status').equals('pending').count(), [db], 0);
  const rejected = useLiveQuery(() => db.outbox.where('status').equals('rejected').toArray(), [db], []);
  return { ...status, pending, rejected };
}
