import type { Area } from '../../domain/area';
import type { AreaVersionStore } from './AreaVersionStore';
import { SqlAreaVersionStore } from './SqlAreaVersionStore';
import { rowToArea, type AreaRow } from './areaRow';
import type { SqlExecutor } from './executor';
import { loadMigrations, runMigrations, type Migration, type MigrationOutcome } from './migrate';
import { SqlRetentionStore } from './SqlRetentionStore';
import type { RetentionStore } from './RetentionStore';
import { SqlSyncStore } from './SqlSyncStore';
import { SqlUserStore } from './SqlUserStore';
import { SqlLoginLimitStore, type LoginLimitStore } from './LoginLimitStore';
import { SqlRateLimitStore, type RateLimitStore } from './RateLimitStore';
import type { ParticipationShopRow, Store } from './Store';
import { themeOf } from '../../domain/categories';
import { pointSchema } from '../../domain/geojson';
import { shopFlagsSchema, surveyYearsSchema } from '../../domain/shop';
import type { UserStore } from './UserStore';
import { SqlOwnerStore } from './SqlOwnerStore';
import { SqlPdokStore } from './SqlPdokStore';
import { SqlMailStore } from './SqlMailStore';
import { SqlSurveyStore } from './SqlSurveyStore';
import { SqlSurveyMailStore } from './SqlSurveyMailStore';
import type { SurveyStore } from './SurveyStore';
import { SqlWorryStore } from './SqlWorryStore';
import { SqlPublicPageStore } from './SqlPublicPageStore';


/** The `Store` in SQL that PGlite and PostgreSQL both run unchanged. */
export class SqlStore implements Store {
  private readonly migrations: readonly Migration[];
  readonly sync: SqlSyncStore;
  readonly areaVersions: AreaVersionStore;
  readonly users: UserStore;
  readonly owners: SqlOwnerStore;
  readonly mail: SqlMailStore;
  readonly loginLimits: LoginLimitStore;
  readonly rateLimits: RateLimitStore;
  readonly retention: RetentionStore;
  readonly survey: SurveyStore;
  readonly surveyMail: SqlSurveyMailStore;
  readonly pdok: SqlPdokStore;
  readonly worries: SqlWorryStore;
  readonly publicPages: SqlPublicPageStore;

  constructor(
    private readonly db: SqlExecutor,
    migrations?: readonly Migration[],
  ) {
    this.migrations = migrations ?? loadMigrations();
    this.sync = new SqlSyncStore(db);
    this.areaVersions = new SqlAreaVersionStore(db);
    this.users = new SqlUserStore(db);
    this.owners = new SqlOwnerStore(db);
    this.mail = new SqlMailStore(db);
    this.loginLimits = new SqlLoginLimitStore(db);
    this.rateLimits = new SqlRateLimitStore(db);
    this.retention = new SqlRetentionStore(db);
    this.survey = new SqlSurveyStore(db);
    this.surveyMail = new SqlSurveyMailStore(db);
    this.pdok = new SqlPdokStore(db);
    this.worries = new SqlWorryStore(db);
    this.publicPages = new SqlPublicPageStore(db);
  }

  /** Connections of the PostgreSQL pool (none for PGlite), for /metrics. */
  poolState(): { total: number; idle: number; waiting: number } | undefined {
    const db = this.db as SqlExecutor & { poolState?: () => { total: number; idle: number; waiting: number } };
    return db.poolState?.();
  }

  get kind(): 'pglite' | 'postgres' {
    return this.db.kind;
  }

  get description(): string {
    return this.db.description;
  }

  async migrate(): Promise<MigrationOutcome> {
    return { known: this.migrations.length, applied: await runMigrations(this.db, this.migrations) };
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

  async countFindingsByAreaAndTheme(municipality: string): Promise<{ areaId: string; theme: string; count: number }[]> {
    const rows = await this.db.query<{ area_id: string; category_code: string | null; n: number }>(
      `SELECT data->>'areaId' AS area_id, data->>'categoryCode' AS category_code, count(*)::int AS n
         FROM sync_records
        WHERE kind = 'findings' AND data->>'municipality' = $1
          AND data->>'areaId' IS NOT NULL
          AND data->'removed' IS DISTINCT FROM 'true'::jsonb
        GROUP BY 1, 2`,
      [municipality],
    );
    // Theme from the category in TS (the category list lives in the domain, not in SQL).
    const totals = new Map<string, { areaId: string; theme: string; count: number }>();
    for (const row of rows) {
      const theme = (row.category_code !== null ? themeOf(row.category_code)?.code : undefined) ?? 'other';
      const key = JSON.stringify([row.area_id, theme]);
      const entry = totals.get(key) ?? { areaId: row.area_id, theme, count: 0 };
      entry.count += row.n;
      totals.set(key, entry);
    }
    return [...totals.values()].sort((a, b) => (a.areaId + '\u0000' + a.theme < b.areaId + '\u0000' + b.theme ? -1 : 1));
  }

  async listShopsForParticipation(municipality: string): Promise<ParticipationShopRow[]> {
    // Only the fields participation needs leave the database: never a name or an address.
    const rows = await this.db.query<{ id: string; point: unknown; open: unknown; flags: unknown; survey_years: unknown; answered_years: unknown }>(
      `SELECT id, data->'point' AS point, data->'open' AS open, data->'flags' AS flags,
              data->'surveyYears' AS survey_years, data->'surveyAnsweredYears' AS answered_years
         FROM sync_records
        WHERE kind = 'shops' AND data->>'municipality' = $1
        ORDER BY id COLLATE "C"`,
      [municipality],
    );
    const out: ParticipationShopRow[] = [];
    for (const row of rows) {
      const point = pointSchema.safeParse(parseJson(row.point));
      const flags = shopFlagsSchema.safeParse(parseJson(row.flags));
      const open = parseJson(row.open);
      if (!point.success || !flags.success || typeof open !== 'boolean') continue;
      // The survey per year (R50); a list that does not read is left out, as if the record had none.
      const years = (v: unknown) => {
        const r = surveyYearsSchema.safeParse(parseJson(v));
        return r.success ? { ok: r.data } : {};
      };
      const surveyYears = years(row.survey_years).ok;
      const surveyAnsweredYears = years(row.answered_years).ok;
      out.push({ id: row.id, point: point.data, open, flags: flags.data, ...(surveyYears ? { surveyYears } : {}), ...(surveyAnsweredYears ? { surveyAnsweredYears } : {}) });
    }
    return out;
  }

  async listAreaGrades(municipality: string, year: number): Promise<{ areaId: string; grade: number }[]> {
    const rows = await this.db.query<{ area_id: string; grade: unknown }>(
      `SELECT data->>'areaId' AS area_id, data->'frozen'->'score'->'grade' AS grade
         FROM sync_records
        WHERE kind = 'certifications' AND data->>'municipality' = $1
          AND data->>'areaId' IS NOT NULL AND data->'year' = to_jsonb($2::int)
        ORDER BY 1`,
      [municipality, year],
    );
    const out: { areaId: string; grade: number }[] = [];
    for (const row of rows) {
      const grade = parseJson(row.grade);
      if (typeof grade === 'number' && Number.isFinite(grade)) out.push({ areaId: row.area_id, grade });
    }
    return out;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}


/** A jsonb column as PGlite or node-postgres hands it over (parsed already, or text). */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
