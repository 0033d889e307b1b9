import type { Area } from '../../domain/area';

/** An `areas` (or `area_versions`) row as PGlite and node-postgres hand it over. */
export interface AreaRow {
  [key: string]: unknown;
  municipality: string;
  id: string;
  name: string;
  kind: string;
  kvo_status: string;
  source: string;
  approximate: boolean | null;
  geometry: unknown;
  deleted?: boolean;
}

export function rowToArea(row: AreaRow): Area {
  const geometry = typeof row.geometry === 'string' ? JSON.parse(row.geometry) : row.geometry;
  return {
    municipality: row.municipality,
    id: row.id,
    name: row.name,
    kind: row.kind as Area['kind'],
    kvoStatus: row.kvo_status as Area['kvoStatus'],
    source: row.source,
    ...(row.approximate === null ? {} : { approximate: row.approximate }),
    geometry: geometry as Area['geometry'],
  };
}
