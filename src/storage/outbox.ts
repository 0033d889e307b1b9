import { v7 as uuidv7 } from 'uuid';
import type { FindingEvent } from '../domain/finding';
import type { OutboxEntry } from './db';

/**
 * The fields whose value differs between two versions of a record (compared as JSON, since records
 * are plain data). A new record (no `before`) changes every field.
 */
export function changedFields<T extends object>(before: T | null | undefined, after: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (!before || JSON.stringify((before as Record<string, unknown>)[key]) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}

/**
 * One outbox entry for one local write: a new mutation id, only the changed fields, and the history
 * events the write made. baseRevision stays null until the sync engine knows server revisions (the
 * sync issue); it then fills it from the record's last pulled revision.
 */
export function outboxEntry(
  table: OutboxEntry['table'],
  recordId: string,
  changes: Record<string, unknown>,
  events: FindingEvent[],
  now: Date,
): OutboxEntry {
  return {
    mutationId: uuidv7(),
    table,
    recordId,
    changes,
    baseRevision: null,
    events,
    createdAt: now.toISOString(),
    status: 'pending',
  };
}
