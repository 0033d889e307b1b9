import type { Area } from '../../domain/area';
import { rowToArea, type AreaRow } from './areaRow';
import type { SqlExecutor, SqlQueryable } from './executor';
import type { AreaAction, AreaVersion, AreaVersionStore, AreaWrite, WriteResult } from './AreaVersionStore';


interface VersionRow extends AreaRow {
  version: number;
  retired: boolean;
  action: string;
  actor_id: string;
  reason: string;
  restored_from: number | null;
  created_at: Date | string;
}

// Serialises edits of one municipality's areas, so two saves cannot both pass the overlap check.
const AREAS_LOCK_KEY = 727_003;
const AREA_COLUMNS = 'municipality, id, name, kind, kvo_status, source, approximate, geometry';
const VERSION_COLUMNS =
  'municipality, area_id AS id, name, kind, kvo_status, source, approximate, geometry, version, retired, action, actor_id, reason, restored_from, created_at';


function toVersion(row: VersionRow): AreaVersion {
  return {
    version: Number(row.version),
    area: rowToArea(row),
    retired: row.retired,
    action: row.action as AreaAction,
    actorId: row.actor_id,
    reason: row.reason,
    restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** `AreaVersionStore` in the SQL that PGlite and PostgreSQL both run. */
export class SqlAreaVersionStore implements AreaVersionStore {
  constructor(private readonly db: SqlExecutor) {}

  async getArea(municipality: string, id: string) {
    const [row] = await this.db.query<AreaRow>(`SELECT ${AREA_COLUMNS}, deleted FROM areas WHERE municipality = $1 AND id = $2`, [municipality, id]);
    if (!row) return undefined;
    const [v] = await this.db.query<{ n: number | null }>(
      'SELECT max(version) AS n FROM area_versions WHERE municipality = $1 AND area_id = $2',
      [municipality, id],
    );
    return { area: rowToArea(row), retired: row.deleted === true, version: v?.n == null ? 1 : Number(v.n) };
  }

  async listAllAreas(municipality: string): Promise<{ area: Area; retired: boolean }[]> {
    const rows = await this.db.query<AreaRow>(`SELECT ${AREA_COLUMNS}, deleted FROM areas WHERE municipality = $1 ORDER BY id COLLATE "C"`, [municipality]);
    return rows.map((row) => ({ area: rowToArea(row), retired: row.deleted === true }));
  }

  async listVersions(municipality: string, id: string): Promise<AreaVersion[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM area_versions WHERE municipality = $1 AND area_id = $2 ORDER BY version DESC`,
      [municipality, id],
    );
    if (rows.length > 0) return rows.map(toVersion);
    // Never edited: the shape loaded from the file is version 1.
    const current = await this.getArea(municipality, id);
    if (!current) return [];
    return [{ version: 1, area: current.area, retired: current.retired, action: 'loaded', actorId: 'system', reason: '', restoredFrom: null, createdAt: new Date(0).toISOString() }];
  }

  async getVersion(municipality: string, id: string, version: number): Promise<AreaVersion | undefined> {
    return (await this.listVersions(municipality, id)).find((v) => v.version === version);
  }

  async writeAreas<R>(municipality: string, writes: readonly AreaWrite[], check: (current: Area[]) => R | null | Promise<R | null>): Promise<WriteResult<R>> {
    for (const w of writes) {
      if (w.area.municipality !== municipality) throw new Error(`area ${w.area.id} belongs to "${w.area.municipality}", not "${municipality}"`);
    }
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AREAS_LOCK_KEY, municipality]);
      const rows = await tx.query<AreaRow>(`SELECT ${AREA_COLUMNS} FROM areas WHERE municipality = $1 AND NOT deleted ORDER BY id COLLATE "C"`, [municipality]);
      const refusal = await check(rows.map(rowToArea));
      if (refusal !== null) return { ok: false as const, refusal };
      const versions: number[] = [];
      for (const w of writes) versions.push(await writeOne(tx, municipality, w));
      return { ok: true as const, versions };
    });
  }
}

async function writeOne(tx: SqlQueryable, municipality: string, w: AreaWrite): Promise<number> {
  const { area } = w;
  const [max] = await tx.query<{ n: number | null }>(
    'SELECT max(version) AS n FROM area_versions WHERE municipality = $1 AND area_id = $2',
    [municipality, area.id],
  );
  let last = max?.n == null ? 0 : Number(max.n);
  if (last === 0) {
    // First edit of an area loaded from a file: keep that shape as version 1.
    const inserted = await tx.query(
      `INSERT INTO area_versions (municipality, area_id, version, name, kind, kvo_status, source, approximate, geometry, retired, action, actor_id, reason, created_at)
       SELECT municipality, id, 1, name, kind, kvo_status, source, approximate, geometry, deleted, 'loaded', 'system', '', updated_at
         FROM areas WHERE municipality = $1 AND id = $2
       RETURNING version`,
      [municipality, area.id],
    );
    last = inserted.length;
  }
  const version = last + 1;
  const retired = w.retired === true;
  const geometry = JSON.stringify(area.geometry);
  await tx.query(
    `INSERT INTO area_versions (municipality, area_id, version, name, kind, kvo_status, source, approximate, geometry, retired, action, actor_id, reason, restored_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14)`,
    [municipality, area.id, version, area.name, area.kind, area.kvoStatus, area.source, area.approximate ?? null, geometry, retired, w.action, w.actorId, w.reason, w.restoredFrom ?? null],
  );
  await tx.query(
    `INSERT INTO areas (municipality, id, name, kind, kvo_status, source, approximate, geometry, deleted)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
     ON CONFLICT (municipality, id) DO UPDATE SET
       name = excluded.name, kind = excluded.kind, kvo_status = excluded.kvo_status, source = excluded.source,
       approximate = excluded.approximate, geometry = excluded.geometry, deleted = excluded.deleted,
       revision = next_revision(), updated_at = now()`,
    [municipality, area.id, area.name, area.kind, area.kvoStatus, area.source, area.approximate ?? null, geometry, retired],
  );
  return version;
}
