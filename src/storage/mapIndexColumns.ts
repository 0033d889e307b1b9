/**
 * The map index's rows as columns (pure: no Dexie). Reading 10,000 findings from IndexedDB costs per
 * record, whatever their size (about 1 s on this machine kind); the same fields as a few rows of
 * columns cost tens of milliseconds. So the fields the maps and the follow-up filter need are kept
 * again as columns: a base in rows of at most CHUNK entries, plus one delta row per write transaction
 * (storage/mapIndex.ts), merged here in key order, later entries replacing earlier ones by id.
 */
import type { Finding } from '../domain/finding';

/** What the maps and the follow-up filter read of a finding (its point as lon/lat). */
export interface MapEntry {
  id: string;
  lon: number;
  lat: number;
  areaId: string | null;
  inspectionId: string | null;
  status: Finding['status'];
  categoryCode: string;
  owner: string | null;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
  removed: boolean;
}

/** Low-cardinality string columns: a dictionary and a code per entry (smaller to store and to clone). */
interface Coded {
  dict: (string | null)[];
  codes: Uint32Array;
}

/** One row of the index table: a base chunk or a delta; `deleted` lists ids gone from the findings table. */
export interface ColumnRow {
  key: string;
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
  areaId: Coded;
  inspectionId: Coded;
  status: Coded;
  categoryCode: Coded;
  owner: Coded;
  dueDate: Coded;
  createdAt: string[];
  updatedAt: string[];
  removed: Uint8Array;
  deleted?: string[];
}

/** Entries per base row: 50,000 findings make 13 rows of under a megabyte each. */
export const CHUNK = 4000;

/** A stored finding's entry; a record without a readable point gets NaN, which no map draws. */
export function entryOf(f: Finding): MapEntry {
  const [lon = NaN, lat = NaN] = (f.point?.coordinates ?? []) as number[];
  return {
    id: f.id,
    lon,
    lat,
    areaId: f.areaId ?? null,
    inspectionId: f.inspectionId ?? null,
    status: f.status,
    categoryCode: f.categoryCode,
    owner: f.owner ?? null,
    dueDate: f.dueDate ?? null,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    removed: f.removed === true,
  };
}

function code(values: readonly (string | null)[]): Coded {
  const dict: (string | null)[] = [];
  const seen = new Map<string | null, number>();
  const codes = new Uint32Array(values.length);
  values.forEach((v, i) => {
    let c = seen.get(v);
    if (c === undefined) {
      c = dict.length;
      dict.push(v);
      seen.set(v, c);
    }
    codes[i] = c;
  });
  return { dict, codes };
}

export function toColumns(key: string, entries: readonly MapEntry[], deleted?: readonly string[]): ColumnRow {
  const col = <K extends keyof MapEntry>(k: K) => entries.map((e) => e[k]);
  return {
    key,
    ids: col('id'),
    lon: Float64Array.from(col('lon')),
    lat: Float64Array.from(col('lat')),
    areaId: code(col('areaId')),
    inspectionId: code(col('inspectionId')),
    status: code(col('status')),
    categoryCode: code(col('categoryCode')),
    owner: code(col('owner')),
    dueDate: code(col('dueDate')),
    createdAt: col('createdAt'),
    updatedAt: col('updatedAt'),
    removed: Uint8Array.from(col('removed'), (r) => (r ? 1 : 0)),
    ...(deleted && deleted.length > 0 ? { deleted: [...deleted] } : {}),
  };
}

/** The entries of one row, in its order. */
export function fromColumns(row: ColumnRow): MapEntry[] {
  const at = (c: Coded, i: number) => c.dict[c.codes[i]!] ?? null;
  return row.ids.map((id, i) => ({
    id,
    lon: row.lon[i]!,
    lat: row.lat[i]!,
    areaId: at(row.areaId, i),
    inspectionId: at(row.inspectionId, i),
    status: at(row.status, i) as Finding['status'],
    categoryCode: at(row.categoryCode, i) ?? '',
    owner: at(row.owner, i),
    dueDate: at(row.dueDate, i),
    createdAt: row.createdAt[i]!,
    updatedAt: row.updatedAt[i]!,
    removed: row.removed[i] === 1,
  }));
}

/** Base rows, then deltas, each in key order: later entries replace earlier ones, `deleted` drops them. */
export function mergeRows(base: readonly ColumnRow[], deltas: readonly ColumnRow[]): MapEntry[] {
  const all = base.flatMap(fromColumns);
  if (deltas.length === 0) return all;
  const byId = new Map(all.map((e) => [e.id, e]));
  for (const d of deltas) {
    for (const e of fromColumns(d)) byId.set(e.id, e);
    for (const id of d.deleted ?? []) byId.delete(id);
  }
  return [...byId.values()];
}

/** Entries cut into base rows of at most CHUNK entries, keyed so they sort in order ('b:00000', …). */
export function toBaseRows(entries: readonly MapEntry[]): ColumnRow[] {
  const rows: ColumnRow[] = [];
  for (let i = 0; i < entries.length; i += CHUNK) rows.push(toColumns(`b:${String(i / CHUNK).padStart(5, '0')}`, entries.slice(i, i + CHUNK)));
  return rows;
}
