/**
 * Offering again what a restore lost (SPEC.md R54, R55). A server restored from a backup names the
 * backup's epoch and head revision (`restoredFrom`). A device of that epoch knew some records at a
 * higher revision: versions written after the backup, which the server no longer has. When the pull
 * resets for the re-pull (R35), those versions are kept aside (`keepLost`, in the reset's transaction);
 * when the re-pull is done, each is compared with what the restored server sent and offered again as an
 * outbox entry marked `recovers` (`offerLost`): the whole record where the server has none, the fields
 * that differ where the server's version is the backup's. A record the server wrote since the restore
 * is newer than the device's and is left as the server has it.
 */
import type { Table } from 'dexie';
import type { FindingEvent } from '../domain/finding';
import { SYNC_FIELD, type OutboxEntry, type SchouwDb } from '../storage/db';
import { outboxEntry } from '../storage/outbox';
import { knownKey, knownRecord, type KnownRecord } from './apply';
import { syncTables, type SyncTable } from './protocol';

/** The backup the server was restored from, while its lost records wait to be offered (meta). */
export const RECOVER_KEY = 'sync.recover';
const PREFIX = 'recover/';
const keptKey = (table: string, id: string) => `${PREFIX}${table}/${id}`;
/** At most this many history events go with one offered finding (the protocol's limit per mutation). */
const MAX_EVENTS = 50;

export interface RestoredFrom {
  epoch: string;
  head: number;
}

const withoutSync = (row: Record<string, unknown>): Record<string, unknown> => {
  const { [SYNC_FIELD]: _known, ...data } = row;
  void _known;
  return data;
};

/** The Dexie tables a kind's records live in (certifications: four, told apart by shape). */
function tablesOf(db: SchouwDb, table: SyncTable): Table<unknown, string>[] {
  const t = (x: unknown) => x as Table<unknown, string>;
  switch (table) {
    case 'inspections':
      return [t(db.inspections)];
    case 'shops':
      return [t(db.shops)];
    case 'worries':
      return [t(db.worries)];
    case 'certifications':
      return [t(db.areaCertifications), t(db.programmeResponses), t(db.programmeFreezes), t(db.scoringTables)];
    default:
      return [];
  }
}

/** R4: pending entries made on the known revision keep it as their base before it is forgotten. */
async function freezeBases(db: SchouwDb, table: string, id: string, revision: number): Promise<void> {
  const entries = await db.outbox.where('recordId').equals(id).toArray();
  for (const e of entries) if (e.table === table && e.status === 'pending' && e.baseRevision === null && e.seq !== undefined) await db.outbox.update(e.seq, { baseRevision: revision });
}

/**
 * R54, inside the caller's transaction over the sync tables: every record known at a revision above the
 * backup's head is kept aside as the device has it, and its known revision is forgotten, so that after
 * the re-pull a known revision means the restored server has the record. Returns how many were kept.
 */
export async function keepLost(db: SchouwDb, from: RestoredFrom): Promise<number> {
  let kept = 0;
  const lostFindings = await db.findings.filter((f) => ((f as unknown as Record<string, KnownRecord | undefined>)[SYNC_FIELD]?.revision ?? 0) > from.head).toArray();
  for (const f of lostFindings) {
    const row = f as unknown as Record<string, unknown>;
    await freezeBases(db, 'findings', f.id, (row[SYNC_FIELD] as KnownRecord).revision);
    await db.meta.put({ key: keptKey('findings', f.id), value: withoutSync(row) });
    await db.findings.put(withoutSync(row) as unknown as typeof f);
    kept++;
  }
  const known = await db.meta.where('key').startsWith('sync/').toArray();
  for (const k of known) {
    const [, table, ...rest] = k.key.split('/');
    const id = rest.join('/');
    if (!(syncTables as readonly string[]).includes(table ?? '') || ((k.value as KnownRecord | undefined)?.revision ?? 0) <= from.head) continue;
    for (const t of tablesOf(db, table as SyncTable)) {
      const row = (await t.get(id)) as Record<string, unknown> | undefined;
      if (!row) continue;
      await freezeBases(db, table!, id, (k.value as KnownRecord).revision);
      await db.meta.put({ key: keptKey(table!, id), value: row });
      await db.meta.delete(k.key);
      kept++;
      break;
    }
  }
  if (kept > 0) await db.meta.put({ key: RECOVER_KEY, value: from });
  return kept;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The finding's history events the server may have lost: not those of pending entries (they go with them). */
async function eventsToOffer(db: SchouwDb, findingId: string, pendingEvents: ReadonlySet<string>): Promise<FindingEvent[]> {
  const events = (await db.findingEvents.where('findingId').equals(findingId).toArray()).filter((e) => !pendingEvents.has(e.id));
  return events.sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_EVENTS);
}

/**
 * R55, after the re-pull's last page: one `recovers` outbox entry per kept record that the restored
 * server lacks or has only as the backup had it, in one transaction; the device shows its own version
 * again meanwhile. Of a record the server has, fields with pending changes are left to their own
 * entries. Returns the entries made.
 */
export async function offerLost(db: SchouwDb, now = new Date()): Promise<number> {
  const from = (await db.meta.get(RECOVER_KEY))?.value as RestoredFrom | undefined;
  if (!from) return 0;
  return db.transaction('rw', [db.findings, db.findingEvents, db.inspections, db.shops, db.worries, db.areaCertifications, db.programmeResponses, db.programmeFreezes, db.scoringTables, db.outbox, db.meta], async () => {
    const pending = await db.outbox.where('status').equals('pending').toArray();
    const pendingEvents = new Set(pending.flatMap((e) => e.events.map((ev) => ev.id)));
    const pendingFields = new Map<string, Set<string>>();
    for (const e of pending) {
      const k = knownKey(e.table, e.recordId);
      pendingFields.set(k, new Set([...(pendingFields.get(k) ?? []), ...Object.keys(e.changes)]));
    }
    const entries: OutboxEntry[] = [];
    for (const row of await db.meta.where('key').startsWith(PREFIX).toArray()) {
      const [, table, ...rest] = row.key.split('/');
      const id = rest.join('/');
      const kept = row.value as Record<string, unknown>;
      await db.meta.delete(row.key);
      const known = await knownRecord(db, table!, id);
      // The server wrote it since the restore: its version is the newer one.
      if (known && known.revision > from.head) continue;
      const local = known ? ((await findRow(db, table as SyncTable, id)) ?? {}) : {};
      const skip = pendingFields.get(knownKey(table!, id)) ?? new Set<string>();
      const changes: Record<string, unknown> = {};
      // A record the server lacks goes up whole (its pending fields too: a record needs every field).
      for (const [field, value] of Object.entries(kept)) if (!known || (!skip.has(field) && !same(local[field], value))) changes[field] = value;
      const events = table === 'findings' ? await eventsToOffer(db, id, pendingEvents) : [];
      if (Object.keys(changes).length === 0 && events.length === 0) continue;
      const entry = outboxEntry(table as OutboxEntry['table'], id, changes, events, now);
      entries.push({ ...entry, baseRevision: known?.revision ?? null, recovers: from.epoch });
      // The re-pull put the backup's version on the device: it shows its own again until the server's
      // answer comes (R8). A record the server lacks was not touched by the re-pull.
      if (known) await (await tableOfRow(db, table as SyncTable, id))?.put({ ...local, ...changes });
    }
    await db.meta.delete(RECOVER_KEY);
    // Offers go up in batches of their own, before other pending entries (push.ts).
    if (entries.length > 0) await db.outbox.bulkAdd(entries);
    return entries.length;
  });
}

async function tableOfRow(db: SchouwDb, table: SyncTable, id: string): Promise<Table<unknown, string> | undefined> {
  const candidates = table === 'findings' ? [db.findings as unknown as Table<unknown, string>] : tablesOf(db, table);
  for (const t of candidates) if (await t.get(id)) return t;
  return undefined;
}

async function findRow(db: SchouwDb, table: SyncTable, id: string): Promise<Record<string, unknown> | undefined> {
  const t = await tableOfRow(db, table, id);
  return t ? ((await t.get(id)) as Record<string, unknown>) : undefined;
}
