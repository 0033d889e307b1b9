import Dexie, { type EntityTable } from 'dexie';
import type { Area } from '../domain/area';

export interface OfflinePackRecord {
  areaId: string;
  /** Tile URL template the pack was downloaded with; a pack is only valid for that basemap. */
  template: string;
  minZoom: number;
  maxZoom: number;
  tileCount: number;
  doneCount: number;
  bytes: number;
  status: 'partial' | 'complete';
  updatedAt: string;
}

export type StoredArea = Area;

export type SchouwDb = Dexie & {
  areas: EntityTable<StoredArea, 'id'>;
  offlinePacks: EntityTable<OfflinePackRecord, 'areaId'>;
};

/**
 * Schema versions are append-only: a device may skip versions, so every version stays here in order,
 * with its upgrade function when data must change shape.
 */
export const schemaVersions: { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: { areas: 'id, municipality, name', offlinePacks: 'areaId' } },
];

export function openDb(name = 'schouwkaart'): SchouwDb {
  const db = new Dexie(name) as SchouwDb;
  for (const v of schemaVersions) db.version(v.version).stores(v.stores);
  return db;
}
