/**
 * The map index (Dexie version 18, table `mapIndex`): the fields the maps and the follow-up filter
 * need of every finding, as columns (mapIndexColumns.ts), so a map with 10,000 findings reads a few
 * rows instead of 10,000 records.
 *
 * It never drifts from the findings table: a DBCore middleware adds `mapIndex` to every read-write
 * transaction over `findings` and, after each write to `findings`, appends one delta row with the
 * written entries in that same transaction, so the finding and its index entry commit or fail
 * together, whoever writes (screens, sync, upgrades). After MAX_DELTAS deltas the writer folds them
 * into the base rows. With no index yet (a device coming from version 17, or one that was invalidated
 * by a partial range delete) writes skip it and the first reader builds it from the findings table.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Finding } from '../domain/finding';
import type { SchouwDb } from './db';
import { entryOf, mergeRows, toBaseRows, toColumns, type ColumnRow, type MapEntry } from './mapIndexColumns';

export const MAP_INDEX_TABLE = 'mapIndex';
/** Bumped when the row layout changes: an index of another format is rebuilt, never misread. */
export const MAP_INDEX_FORMAT = 1;
/** Deltas kept before the writer folds them into the base (each is one write transaction). */
export const MAX_DELTAS = 48;

export interface MapIndexMeta {
  key: 'meta';
  format: number;
  /** The sequence number the next delta row gets. */
  next: number;
  deltas: number;
}
export type MapIndexRow = ColumnRow | MapIndexMeta;

const META = 'meta' as const;
const isMeta = (r: MapIndexRow): r is MapIndexMeta => r.key === META;
const deltaKey = (n: number) => `d:${String(n).padStart(12, '0')}`;
const ANY_RANGE = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

/** Splits the table's rows (key order) into the base, the deltas and the meta row. */
function partsOf(rows: readonly MapIndexRow[]) {
  const meta = rows.find(isMeta);
  const cols = rows.filter((r): r is ColumnRow => !isMeta(r));
  return { meta, base: cols.filter((r) => r.key.startsWith('b:')), deltas: cols.filter((r) => r.key.startsWith('d:')) };
}

function hasIndexStore(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return names ? names.contains(MAP_INDEX_TABLE) : false;
}

const allRows = async (t: DBCoreTable, trans: DBCoreTransaction) =>
  (await t.query({ trans, values: true, query: { index: t.schema.primaryKey, range: ANY_RANGE } })).result as MapIndexRow[];

async function putRows(t: DBCoreTable, trans: DBCoreTransaction, rows: MapIndexRow[]) {
  const res = await t.mutate({ trans, type: 'put', values: rows });
  if (res.numFailures > 0) throw Object.values(res.failures)[0];
}

/** Replaces the whole table by `entries` as base rows (no deltas). */
async function writeBase(t: DBCoreTable, trans: DBCoreTransaction, entries: readonly MapEntry[], next: number) {
  await t.mutate({ trans, type: 'deleteRange', range: ANY_RANGE });
  await putRows(t, trans, [...toBaseRows(entries), { key: META, format: MAP_INDEX_FORMAT, next, deltas: 0 }]);
}

/** What one write to `findings` changed, or 'reset' (the table was cleared) or 'unknown'. */
function changeOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse): { entries: MapEntry[]; deleted: string[] } | 'reset' | 'unknown' {
  const ok = <T>(xs: readonly T[]) => xs.filter((_, i) => !(i in res.failures));
  switch (req.type) {
    case 'add':
    case 'put':
      return req.values ? { entries: ok(req.values as Finding[]).map(entryOf), deleted: [] } : 'unknown';
    case 'delete':
      return { entries: [], deleted: ok(req.keys as string[]) };
    case 'deleteRange':
      return (req.range.type as number) === 3 ? 'reset' : 'unknown';
  }
}

async function follow(t: DBCoreTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse): Promise<void> {
  const { trans } = req;
  const meta = (await t.get({ trans, key: META })) as MapIndexMeta | undefined;
  const change = changeOf(req, res);
  if (change === 'reset') return writeBase(t, trans, [], 0);
  // No index to keep (or one of another format): the first reader builds it from the findings.
  if (!meta || meta.format !== MAP_INDEX_FORMAT) return;
  if (change === 'unknown') {
    await t.mutate({ trans, type: 'delete', keys: [META] });
    return;
  }
  if (change.entries.length === 0 && change.deleted.length === 0) return;
  if (meta.deltas + 1 > MAX_DELTAS) {
    const { base, deltas } = partsOf(await allRows(t, trans));
    const merged = mergeRows(base, [...deltas, toColumns('now', change.entries, change.deleted)]);
    return writeBase(t, trans, merged, meta.next);
  }
  await putRows(t, trans, [toColumns(deltaKey(meta.next), change.entries, change.deleted), { ...meta, next: meta.next + 1, deltas: meta.deltas + 1 }]);
}

/** The writes of one transaction follow each other here, even when the caller issued them at once. */
const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();

export const mapIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'MapIndex',
  create(down) {
    const hasTable = () => down.schema.tables.some((t) => t.name === MAP_INDEX_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes('findings') && !stores.includes(MAP_INDEX_TABLE) && hasTable();
        return down.transaction(widen ? [...stores, MAP_INDEX_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'findings') return table;
        return {
          ...table,
          mutate: async (req) => {
            const res = await table.mutate(req);
            // Inside a version upgrade from before version 18 there is no index store yet.
            if (!hasIndexStore(req.trans)) return res;
            const index = down.table(MAP_INDEX_TABLE);
            const done = (chains.get(req.trans) ?? Promise.resolve()).then(() => follow(index, req, res));
            chains.set(req.trans, done.catch(() => undefined));
            await done;
            return res;
          },
        };
      },
    };
  },
};

/** The index's entries, or null when there is none yet (or of another format): then rebuild it. */
export async function readMapIndex(db: SchouwDb): Promise<MapEntry[] | null> {
  const { meta, base, deltas } = partsOf(await db.mapIndex.toArray());
  if (!meta || meta.format !== MAP_INDEX_FORMAT) return null;
  return mergeRows(base, deltas);
}

const rebuilding = new WeakMap<SchouwDb, Promise<{ entries: MapEntry[]; stored: boolean }>>();

/**
 * Builds the index from the findings table, in one transaction with it (no write slips between the
 * read and the index). If the index cannot be stored (storage full), the entries still come back.
 */
export function rebuildMapIndex(db: SchouwDb): Promise<{ entries: MapEntry[]; stored: boolean }> {
  let running = rebuilding.get(db);
  if (!running) {
    running = db
      .transaction('rw', [db.findings, db.mapIndex], async () => {
        const entries = (await db.findings.toArray()).map(entryOf);
        await db.mapIndex.clear();
        const meta: MapIndexMeta = { key: META, format: MAP_INDEX_FORMAT, next: 0, deltas: 0 };
        await db.mapIndex.bulkPut([...toBaseRows(entries), meta]);
        return { entries, stored: true };
      })
      .catch(async () => ({ entries: (await db.findings.toArray()).map(entryOf), stored: false }))
      .finally(() => rebuilding.delete(db));
    rebuilding.set(db, running);
  }
  return running;
}
