/**
 * Puts what the server says into Dexie (SPEC.md R4, R8, R11): never through the repositories (a pulled
 * change is not a local write, so it makes no outbox entry), never over a field that still has a
 * pending local change, and freezing the base revision of pending entries before the known revision
 * of their record moves.
 */
import type { Table } from 'dexie';
import type { FindingEvent } from '../domain/finding';
import type { OutboxEntry, SchouwDb } from '../storage/db';
import type { Conflict, RecordVersion, SyncTable } from './protocol';

/** What the device knows of a record's server side, kept in `meta` under `sync/<table>/<id>`. */
export interface KnownRecord {
  revision: number;
  conflicts: Conflict[];
}

export const knownKey = (table: string, id: string) => `sync/${table}/${id}`;

export async function knownRecord(db: SchouwDb, table: string, id: string): Promise<KnownRecord | undefined> {
  return (await db.meta.get(knownKey(table, id)))?.value as KnownRecord | undefined;
}

/** Every Dexie table the sync writes, for one transaction. */
export function syncTables(db: SchouwDb) {
  return [db.findings, db.findingEvents, db.inspections, db.shops, db.areaCertifications, db.programmeResponses, db.programmeFreezes, db.outbox, db.meta, db.photos];
}

/**
 * The Dexie table of a record. Certifications share one sync kind; their shape tells them apart
 * (an area's answers have `areaId`, a respondent's list `respondent`, a frozen programme `respondents`).
 */
function tableFor(db: SchouwDb, table: SyncTable, data: Record<string, unknown> | null): Table<unknown, string> | null {
  switch (table) {
    case 'findings':
      return db.findings as unknown as Table<unknown, string>;
    case 'inspections':
      return db.inspections as unknown as Table<unknown, string>;
    case 'shops':
      return db.shops as unknown as Table<unknown, string>;
    case 'certifications':
      if (!data) return null;
      if ('respondents' in data) return db.programmeFreezes as unknown as Table<unknown, string>;
      if ('respondent' in data) return db.programmeResponses as unknown as Table<unknown, string>;
      return db.areaCertifications as unknown as Table<unknown, string>;
    default:
      return null;
  }
}

async function pendingOf(db: SchouwDb, table: SyncTable, id: string): Promise<OutboxEntry[]> {
  return (await db.outbox.where('recordId').equals(id).toArray()).filter((e) => e.table === table && e.status === 'pending');
}

/** R4: pending entries written on the old known revision keep it as their base. */
async function freezeBase(db: SchouwDb, pending: OutboxEntry[], oldRevision: number | null): Promise<void> {
  for (const e of pending) {
    if (e.baseRevision === null && oldRevision !== null && e.seq !== undefined) await db.outbox.update(e.seq, { baseRevision: oldRevision });
  }
}

/**
 * Applies the server's version of one record, inside the caller's transaction. Fields with a pending
 * local change keep the local value (R11); its own push answer brings the server's value later.
 * `force` applies even an older revision (a rejection undoing local effects).
 */
export async function applyRecordVersion(db: SchouwDb, v: RecordVersion, force = false): Promise<void> {
  const known = await knownRecord(db, v.table, v.id);
  if (!force && known && known.revision >= v.revision) return;
  const target = tableFor(db, v.table, v.data);
  if (!target) return;
  const pending = await pendingOf(db, v.table, v.id);
  await freezeBase(db, pending, known?.revision ?? null);
  const local = (await target.get(v.id)) as Record<string, unknown> | undefined;
  const next: Record<string, unknown> = { ...v.data };
  if (local) {
    for (const e of pending) for (const field of Object.keys(e.changes)) if (field in local) next[field] = local[field];
  }
  await target.put(next);
  await db.meta.put({ key: knownKey(v.table, v.id), value: { revision: Math.max(v.revision, known?.revision ?? 0), conflicts: v.conflicts } satisfies KnownRecord });
}

/** A record the server does not have (its creation was rejected): gone from the device, unless pending. */
export async function dropLocalRecord(db: SchouwDb, table: SyncTable, id: string, data: Record<string, unknown>): Promise<void> {
  if ((await pendingOf(db, table, id)).length > 0) return;
  const target = tableFor(db, table, data);
  await target?.delete(id);
  await db.meta.delete(knownKey(table, id));
}

/** History events are only added (R14): a repeat is the same event, so put is harmless. */
export async function applyEvents(db: SchouwDb, events: readonly FindingEvent[]): Promise<void> {
  if (events.length > 0) await db.findingEvents.bulkPut([...events]);
}
