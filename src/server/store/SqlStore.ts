import type { Area } from '../../domain/area';
import type { AreaVersionStore } from './AreaVersionStore';
import { SqlAreaVersionStore } from './SqlAreaVersionStore';
import type { SqlExecutor } from './executor';
import { loadMigrations, runMigrations, type Migration } from './migrate';
import { SqlSyncStore } from './SqlSyncStore';
import { SqlUserStore } from './SqlUserStore';
import type { Store } from './Store';
import type { UserStore } from './UserStore';

interface AreaRow {
  [key: string]: unknown;
  municipality: string;
  id: string;
  name: string;
  kind: string;
  kvo_status: string;
  source: string;
  approximate: boolean | null;
  geometry: unknown;
}

/** The `Store` in SQL that PGlite and PostgreSQL both run unchanged. */
export class SqlStore implements Store {
  private readonly migrations: readonly Migration[];
  readonly sync: SqlSyncStore;
  readonly areaVersions: AreaVersionStore;
  readonly users: UserStore;

  constructor(
    private readonly db: SqlExecutor,
    migrations?: readonly Migration[],
  ) {
    this.migrations = migrations ?? loadMigrations();
    this.sync = new SqlSyncStore(db);
    this.areaVersions = new SqlAreaVersionStore(db);
    this.users = new SqlUserStore(db);
  }

  get kind(): 'pglite' | 'postgres' {
    return this.db.kind;
  }

  get description(): string {
    return this.db.description;
  }

  async migrate(): Promise<void> {
    await runMigrations(this.db, this.migrations);
  }

  async health(): Promise<{ ok: boolean }> {
    try {
      await this.db.query('SELECT 1 AS ok');
      return { ok: true };
    } catch {
      return { ok: false };
    }
  }

  async countAreas(municipality: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM areas WHERE municipality = $1 AND NOT deleted',
      [municipality],
    );
    return row?.n ?? 0;
  }

  async listAreas(municipality: string): Promise<Area[]> {
    const rows = await this.db.query<AreaRow>(
      `SELECT municipality, id, name, kind, kvo_status, source, approximate, geometry
         FROM areas
        WHERE municipality = $1 AND NOT deleted
        ORDER BY id COLLATE "C"`,
      [municipality],
    );
    return rows.map(rowToArea);
  }

  async replaceAreas(municipality: string, areas: readonly Area[]): Promise<void> {
    const seen = new Set<string>();
    for (const area of areas) {
      if (area.municipality !== municipality) {
        throw new Error(`area ${area.id} belongs to municipality "${area.municipality}", not "${municipality}"`);
      }
      if (seen.has(area.id)) throw new Error(`area id ${area.id} appears twice`);
      seen.add(area.id);
    }

    await this.db.transaction(async (tx) => {
      for (const area of areas) {
        // An unchanged area is left alone, so it keeps its revision and a pull does not resend it.
        await tx.query(
          `INSERT INTO areas (municipality, id, name, kind, kvo_status, source, approximate, geometry)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
           ON CONFLICT (municipality, id) DO UPDATE SET
             name = excluded.name, kind = excluded.kind, kvo_status = excluded.kvo_status,
             source = excluded.source, approximate = excluded.approximate, geometry = excluded.geometry,
             deleted = false, revision = next_revision(), updated_at = now()
           WHERE (areas.name, areas.kind, areas.kvo_status, areas.source, areas.approximate, areas.geometry, areas.deleted)
                 IS DISTINCT FROM
                 (excluded.name, excluded.kind, excluded.kvo_status, excluded.source, excluded.approximate, excluded.geometry, false)`,
          [
            municipality,
            area.id,
            area.name,
            area.kind,
            area.kvoStatus,
            area.source,
            area.approximate ?? null,
            JSON.stringify(area.geometry),
          ],
        );
      }
      await tx.query(
        `UPDATE areas SET deleted = true, revision = next_revision(), updated_at = now()
          WHERE municipality = $1 AND NOT deleted
            AND id NOT IN (SELECT jsonb_array_elements_text($2::jsonb))`,
        [municipality, JSON.stringify([...seen])],
      );
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function rowToArea(row: AreaRow): Area {
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
