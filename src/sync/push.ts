/**
 * Pushing the outbox (SPEC.md R2, R3, R5, R8): pending entries in seq order, in batches; each answer
 * is applied in one Dexie transaction with the record the server sent along.
 */
import type { OutboxEntry, SchouwDb } from '../storage/db';
import { applyEvents, applyRecordVersion, dropLocalRecord, knownRecord, syncTables } from './apply';
import { json, request, type Fetch } from './http';
import { MAX_BATCH, pushResponseSchema, SYNC_EPOCH_HEADER, type Mutation, type MutationResult } from './protocol';
import { EPOCH_KEY } from './pull';

export interface PushOutcome {
  accepted: number;
  rejected: number;
  retry: number;
}

/** The push's answer when the device's revisions count in an epoch the server no longer has (R54). */
export class EpochChangedError extends Error {
  constructor() {
    super('the server was restored: pull first');
    this.name = 'EpochChangedError';
  }
}

/**
 * The next batch in seq order. Records offered again after a restore go first, in batches of their
 * own (R55): a pending change of a record the server lost then finds it there again.
 */
export async function pendingEntries(db: SchouwDb, limit = MAX_BATCH): Promise<OutboxEntry[]> {
  const pending = (await db.outbox.where('status').equals('pending').toArray()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const recovering = pending.filter((e) => e.recovers !== undefined);
  return (recovering.length > 0 ? recovering : pending).slice(0, limit);
}

async function toMutation(db: SchouwDb, e: OutboxEntry, clientId: string): Promise<Mutation> {
  // R4: an entry written after the last change of its record's known revision was made on that revision.
  const base = e.baseRevision ?? (await knownRecord(db, e.table, e.recordId))?.revision ?? null;
  const recovers = e.recovers !== undefined ? { recovers: e.recovers } : {};
  return { mutationId: e.mutationId, clientId, seq: e.seq!, table: e.table, recordId: e.recordId, baseRevision: base, changes: e.changes, events: e.events, ...recovers } as Mutation;
}

async function applyResult(db: SchouwDb, e: OutboxEntry, r: MutationResult): Promise<void> {
  if (r.status === 'retry') return; // stays pending; the next run sends it again
  // R55: an offer the server did not need (it has something newer, or is no longer restored from that
  // epoch) is dropped quietly; the answer's record is the server's and is applied below.
  const moot = r.status === 'rejected' && e.recovers !== undefined && (r.reason === 'newer_on_server' || r.reason === 'not_restored_from');
  if (r.status === 'accepted' || moot) {
    await db.outbox.delete(e.seq!);
  } else {
    // Kept, visible, with its reason; no longer pending, so its fields take the server's values.
    await db.outbox.update(e.seq!, { status: 'rejected', reason: r.reason, ...(r.field ? { field: r.field } : {}) });
    if (e.events.length > 0) await db.findingEvents.bulkDelete(e.events.map((ev) => ev.id));
  }
  // The answer's record is the server's state now, newer than anything pulled before it: always applied.
  if (r.record) await applyRecordVersion(db, r.record, true);
  else if (r.status === 'rejected' && !moot) await dropLocalRecord(db, e.table, e.recordId, e.changes);
  if (r.status === 'accepted') await applyEvents(db, e.events);
}

/** Pushes every pending entry, batch after batch, until none is left or the server says retry. */
export async function pushOutbox(db: SchouwDb, fetchFn: Fetch, baseUrl: string, clientId: string, batchSize = MAX_BATCH): Promise<PushOutcome> {
  const outcome: PushOutcome = { accepted: 0, rejected: 0, retry: 0 };
  for (;;) {
    const batch = await pendingEntries(db, batchSize);
    if (batch.length === 0) return outcome;
    const mutations = await Promise.all(batch.map((e) => toMutation(db, e, clientId)));
    const epoch = (await db.meta.get(EPOCH_KEY))?.value;
    const res = await request(fetchFn, baseUrl, '/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(typeof epoch === 'string' ? { [SYNC_EPOCH_HEADER]: epoch } : {}) },
      body: JSON.stringify({ mutations }),
    });
    if (res.status === 409 && ((await res.clone().json().catch(() => null)) as { error?: unknown } | null)?.error === 'epoch_changed') throw new EpochChangedError();
    const { results } = pushResponseSchema.parse(await json(res));
    await db.transaction('rw', syncTables(db), async () => {
      for (const [i, e] of batch.entries()) {
        const r = results[i];
        if (!r || r.mutationId !== e.mutationId) continue;
        await applyResult(db, e, r);
        outcome[r.status]++;
      }
    });
    if (results.some((r) => r.status === 'retry')) return outcome;
  }
}
