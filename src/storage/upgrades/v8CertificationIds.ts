/**
 * Dexie version 8 (SPEC.md R32): certification records get their municipality in front of their id
 * (`2026/police` becomes `deventer/2026/police`), the same rewrite the server's migration 040 makes, so
 * two municipalities never share one id. The device keeps every record and every outbox entry:
 *
 * - a record with an old id is put again under its new id (the old one deleted), with `id` rewritten;
 * - what the device knew of its server side (`meta` key `sync/certifications/<id>`, src/sync/apply.ts)
 *   moves with it, so its revision still counts as the base of pending changes (R4);
 * - an outbox entry of an old id (pending or rejected) names the new id, `changes.id` too, and gets a NEW
 *   mutation id: its content changed, and the old id may already be decided on the server with the old
 *   content (resending it would be 409 `mutation_id_reused`, R7, and stick the queue). Applying the same
 *   values once more is harmless (per-field merge, R12). An entry the server refused for its old id
 *   (`invalid_input` at `/recordId`, R32) is pending again.
 *
 * A record without a municipality (a scoring table from before R30) keeps its id: no municipality can
 * be told for it, and the server never took one.
 */
import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { inMunicipality, isPreR32Id } from '../../domain/certificationIds';
import type { OutboxEntry } from '../db';

const tables = ['areaCertifications', 'programmeResponses', 'scoringTables'] as const;
// The key src/sync/apply.ts keeps a record's known revision under (storage may not import sync).
const knownKey = (id: string) => `sync/certifications/${id}`;

/** The R32 id of an old certification id, or null when `id` is not an old id of this record. */
export function prefixedId(id: string, record: Record<string, unknown>): string | null {
  const m = record.municipality;
  if (typeof m !== 'string' || m === '' || !isPreR32Id(id, record)) return null;
  return inMunicipality(m, id);
}

export async function upgradeCertificationIds(tx: Transaction): Promise<void> {
  const renamed = new Map<string, string>();
  for (const name of tables) {
    const table = tx.table<Record<string, unknown>, string>(name);
    for (const record of await table.toArray()) {
      const id = String(record.id);
      const next = prefixedId(id, record);
      if (next === null) continue;
      renamed.set(id, next);
      await table.delete(id);
      await table.put({ ...record, id: next });
    }
  }
  const meta = tx.table<{ key: string; value: unknown }, string>('meta');
  for (const [from, to] of renamed) {
    const known = await meta.get(knownKey(from));
    if (!known) continue;
    await meta.delete(knownKey(from));
    await meta.put({ key: knownKey(to), value: known.value });
  }
  const outbox = tx.table<OutboxEntry, number>('outbox');
  for (const entry of await outbox.toArray()) {
    if (entry.table !== 'certifications') continue;
    // The record may be gone from the device (a bug, a cleared table): its own changes still tell.
    const to = renamed.get(entry.recordId) ?? prefixedId(entry.recordId, entry.changes);
    if (!to) continue;
    const changes = entry.changes.id === entry.recordId ? { ...entry.changes, id: to } : entry.changes;
    const refusedForId = entry.status === 'rejected' && entry.reason === 'invalid_input' && entry.field === '/recordId';
    const next: OutboxEntry = { ...entry, recordId: to, changes, mutationId: uuidv7() };
    if (refusedForId) {
      next.status = 'pending';
      delete next.reason;
      delete next.field;
    }
    await outbox.put(next);
  }
}
