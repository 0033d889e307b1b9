/**
 * Puts what the server says into Dexie (SPEC.md R4, R8, R11): never through the repositories (a pulled
 * change is not a local write, so it makes no outbox entry), never over a field that still has a
 * pending local change, and freezing the base revision of pending entries before the known revision
 * of their record moves.
 */
import type { Table } from 'dexie';
import type { FindingEvent } from '../domain/finding';
import { SYNC_FIELD, type OutboxEntry, type SchouwDb } from '../storage/db';
import type { Conflict, RecordVersion, SyncTable } from './protocol';

/**
 * What the device knows of a record's server side (R38): inside a finding's own row (`_sync`, so a
 * pulled finding is one write), for the other kinds (a few hundred at most) in `meta` under
 * `sync/<table>/<id>`. `conflicts` is left out when there are none.
 */
export interface KnownRecord {
  revision: number;
  conflicts?: Conflict[];
}

export const knownKey = (table: string, id: string) => `sync/${table}/${id}`;

const inRow = (table: string) => table === 'findings';
const knownOf = (row: unknown): KnownRecord | undefined => (row as Record<string, KnownRecord | undefined> | undefined)?.[SYNC_FIELD];

export async function knownRecord(db: SchouwDb, table: string, id: string): Promise<KnownRecord | undefined> {
  if (inRow(table)) return knownOf(await db.findings.get(id));
  return (await db.meta.get(knownKey(table, id)))?.value as KnownRecord | undefined;
}

/** Every Dexie table the sync writes, for one transaction. */
export function syncTables(db: SchouwDb) {
  return [db.findings, db.findingEvents, db.inspections, db.shops, db.areaCertifications, db.programmeResponses, db.programmeFreezes, db.scoringTables, db.worries, db.outbox, db.meta, db.photos];
}

/**
 * The Dexie table of a record. Certifications share one sync kind; their shape tells them apart
 * (an area's answers have `areaId`, a respondent's list `respondent`, a frozen programme `respondents`,
 * a corrected scoring table `basedOn`).
 */
function tableFor(db: SchouwDb, table: SyncTable, data: Record<string, unknown> | null): Table<unknown, string> | null {
  switch (table) {
    case 'findings':
      return db.findings as unknown as Table<unknown, string>;
    case 'inspections':
      return db.inspections as unknown as Table<unknown, string>;
    case 'shops':
      return db.shops as unknown as Table<unknown, string>;
    case 'worries':
      return db.worries as unknown as Table<unknown, string>;
    case 'certifications':
      if (!data) return null;
      if ('respondents' in data) return db.programmeFreezes as unknown as Table<unknown, string>;
      if ('respondent' in data) return db.programmeResponses as unknown as Table<unknown, string>;
      if ('basedOn' in data && 'table' in data) return db.scoringTables as unknown as Table<unknown, string>;
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

/** How a batch of server versions is applied. */
export interface ApplyOptions {
  /** Apply even an older revision (a push answer: it is the server's state now, R8). */
  force?: boolean;
  /** A re-pull after the server's epoch changed (R35): older revisions apply, the known one becomes the server's. */
  replace?: boolean;
  /**
   * The stored revision the pull asked since (R10): the device holds every version up to it, so a row
   * at or below it is not newer than what the device has and is skipped.
   */
  since?: number;
}

/**
 * Applies the server's versions of records, inside the caller's transaction, in bulk (a pull page
 * holds up to a few thousand): one `bulkPut` per Dexie table, and reads only of the records that have
 * pending local changes (R57). Fields with a pending local change keep the local value (R11); its own
 * push answer brings the server's value later. Before a record's known revision moves, its pending
 * entries without a base get the old one (R4).
 *
 * Records without pending changes are written without reading them first: a pull row is the record's
 * latest version when the page was read, so it is never older than a version the device got before
 * (from an earlier pull, or from a push answer, which is the latest at its own time); at most it is the
 * same one again. Rows at or below `since` are the exception R10 rules out and are skipped.
 */
export async function applyRecordVersions(db: SchouwDb, versions: readonly RecordVersion[], options: ApplyOptions = {}): Promise<void> {
  const { force = false, replace = false, since = -1 } = options;
  const fresh = force || replace ? versions : versions.filter((v) => v.revision > since);
  if (fresh.length === 0) return;
  // Pending entries are few (the outbox of one device); one read serves the whole page.
  const pendingByKey = new Map<string, OutboxEntry[]>();
  for (const e of await db.outbox.where('status').equals('pending').toArray()) {
    const k = knownKey(e.table, e.recordId);
    pendingByKey.set(k, [...(pendingByKey.get(k) ?? []), e]);
  }
  const metaRows: { key: string; value: KnownRecord }[] = [];
  const puts = new Map<Table<unknown, string>, Record<string, unknown>[]>();
  for (const v of fresh) {
    const target = tableFor(db, v.table, v.data);
    if (!target) continue;
    const key = knownKey(v.table, v.id);
    const pending = pendingByKey.get(key);
    const next: Record<string, unknown> = { ...v.data };
    let revision = v.revision;
    if (pending) {
      // The local row and what the device knew: R4 freezes the base, R11 keeps the pending fields.
      const local = (await target.get(v.id)) as Record<string, unknown> | undefined;
      const k = inRow(v.table) ? knownOf(local) : ((await db.meta.get(key))?.value as KnownRecord | undefined);
      if (!force && !replace && k && k.revision >= v.revision) continue;
      await freezeBase(db, pending, k?.revision ?? null);
      if (local) for (const e of pending) for (const field of Object.keys(e.changes)) if (field in local) next[field] = local[field];
      if (!replace) revision = Math.max(v.revision, k?.revision ?? 0);
    }
    const known: KnownRecord = { revision, ...(v.conflicts.length > 0 ? { conflicts: v.conflicts } : {}) };
    if (inRow(v.table)) next[SYNC_FIELD] = known;
    else metaRows.push({ key, value: known });
    const rows = puts.get(target);
    if (rows) rows.push(next);
    else puts.set(target, [next]);
  }
  for (const [target, rows] of puts) await target.bulkPut(rows);
  if (metaRows.length > 0) await db.meta.bulkPut(metaRows);
}

export function applyRecordVersion(db: SchouwDb, v: RecordVersion, force = false): Promise<void> {
  return applyRecordVersions(db, [v], { force });
}

/** A record the server does not have (its creation was rejected): gone from the device, unless pending. */
export async function dropLocalRecord(db: SchouwDb, table: SyncTable, id: string, data: Record<string, unknown>): Promise<void> {
  if ((await pendingOf(db, table, id)).length > 0) return;
  const target = tableFor(db, table, data);
  await target?.delete(id);
  if (!inRow(table)) await db.meta.delete(knownKey(table, id));
}

/** History events are only added (R14): a repeat is the same event, so put is harmless. */
export async function applyEvents(db: SchouwDb, events: readonly FindingEvent[]): Promise<void> {
  if (events.length > 0) await db.findingEvents.bulkPut([...events]);
}
