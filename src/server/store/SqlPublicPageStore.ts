import type { FindingStatus } from '../../domain/finding';
import type { FindingCountRow } from '../../domain/publicPage';
import type { SqlExecutor } from './executor';
import type { FrozenGrade, PublicPageStore, TrendRecords } from './PublicPageStore';
import type { TrendCertification } from '../../domain/trends';

const json = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** `PublicPageStore` in the SQL that PGlite and PostgreSQL both run. */
export class SqlPublicPageStore implements PublicPageStore {
  constructor(private readonly db: SqlExecutor) {}

  async isPublic(municipality: string): Promise<boolean> {
    const [row] = await this.db.query<{ public: boolean }>('SELECT public FROM public_pages WHERE municipality = $1', [municipality]);
    return row?.public === true;
  }

  async setPublic(municipality: string, value: boolean, by: string): Promise<void> {
    await this.db.query(
      `INSERT INTO public_pages (municipality, public, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (municipality) DO UPDATE SET public = excluded.public, updated_by = excluded.updated_by, updated_at = now()`,
      [municipality, value, by],
    );
  }

  async findingCounts(municipality: string): Promise<FindingCountRow[]> {
    // Only the columns a count needs leave the database: never a point, a text or a photo.
    const rows = await this.db.query<{ area_id: string; category_code: string; status: string; owner: string | null; year: number; n: number }>(
      `SELECT data->>'areaId' AS area_id, data->>'categoryCode' AS category_code, data->>'status' AS status,
              data->>'owner' AS owner,
              extract(year FROM ((data->>'createdAt')::timestamptz AT TIME ZONE 'Europe/Amsterdam'))::int AS year,
              count(*)::int AS n
         FROM sync_records
        WHERE kind = 'findings' AND municipality = $1
          AND data->>'areaId' IS NOT NULL
          AND data->'removed' IS DISTINCT FROM 'true'::jsonb
          AND data->>'createdAt' ~ '^\\d{4}-\\d{2}-\\d{2}T'
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1, 2, 3, 4, 5`,
      [municipality],
    );
    return rows.map((r) => ({ areaId: r.area_id, categoryCode: r.category_code ?? '', status: r.status as FindingStatus, owner: r.owner, year: r.year, count: r.n }));
  }

  async frozenGrades(municipality: string): Promise<FrozenGrade[]> {
    const rows = await this.db.query<{ area_id: string; year: unknown; grade: unknown; certified: unknown; at: unknown }>(
      `SELECT data->>'areaId' AS area_id, data->'year' AS year, data->'frozen'->'score'->'grade' AS grade,
              data->'frozen'->'score'->'certified' AS certified, data->'frozen'->'at' AS at
         FROM sync_records
        WHERE kind = 'certifications' AND municipality = $1
          AND data->>'areaId' IS NOT NULL AND data ? 'frozen'
        ORDER BY 1, 2`,
      [municipality],
    );
    const out: FrozenGrade[] = [];
    for (const r of rows) {
      const year = json(r.year);
      const grade = json(r.grade);
      const at = json(r.at);
      if (typeof year !== 'number' || typeof grade !== 'number' || !Number.isFinite(grade) || typeof at !== 'string') continue;
      out.push({ areaId: r.area_id, year, grade, certified: json(r.certified) === true, frozenAt: at });
    }
    return out;
  }

  async trendRecords(municipality: string): Promise<TrendRecords> {
    // Only the columns the trends need leave the database: never a point, a text, a photo or a person.
    const findings = await this.db.query<{ id: string; area_id: string; category_code: string | null; created_at: string; due_date: string | null; status: string }>(
      `SELECT id, data->>'areaId' AS area_id, data->>'categoryCode' AS category_code, data->>'createdAt' AS created_at,
              data->>'dueDate' AS due_date, data->>'status' AS status
         FROM sync_records
        WHERE kind = 'findings' AND municipality = $1
          AND data->>'areaId' IS NOT NULL
          AND data->'removed' IS DISTINCT FROM 'true'::jsonb
          AND data->>'createdAt' ~ '^\\d{4}-\\d{2}-\\d{2}T'`,
      [municipality],
    );
    const events = await this.db.query<{ finding_id: string; after: string | null; at: string }>(
      `SELECT e.record_id AS finding_id, e.data->>'after' AS after, e.data->>'at' AS at
         FROM sync_events e
        WHERE e.kind = 'findings' AND e.municipality = $1 AND e.data->>'kind' = 'status_changed'
          AND e.data->>'at' ~ '^\\d{4}-\\d{2}-\\d{2}T'`,
      [municipality],
    );
    const certs = await this.db.query<{ area_id: string; year: unknown; participation: unknown; score: unknown }>(
      `SELECT data->>'areaId' AS area_id, data->'year' AS year, data->'frozen'->'participation' AS participation, data->'frozen'->'score' AS score
         FROM sync_records
        WHERE kind = 'certifications' AND municipality = $1 AND data->>'areaId' IS NOT NULL AND data ? 'frozen'`,
      [municipality],
    );
    const certifications: TrendCertification[] = [];
    for (const c of certs) {
      const year = json(c.year);
      const score = json(c.score) as { grade?: unknown; certified?: unknown; passGrade?: unknown } | null;
      const participation = json(c.participation);
      if (typeof year !== 'number' || !score || typeof score.grade !== 'number') continue;
      certifications.push({
        areaId: c.area_id,
        year,
        frozen: {
          participation: typeof participation === 'object' && participation !== null ? participation : {},
          score: { grade: score.grade, certified: score.certified === true, ...(typeof score.passGrade === 'number' ? { passGrade: score.passGrade } : {}) },
        } as unknown as TrendCertification['frozen'],
      });
    }
    return {
      findings: findings.map((f) => ({ id: f.id, areaId: f.area_id, categoryCode: f.category_code ?? '', createdAt: f.created_at, dueDate: f.due_date, status: f.status as FindingStatus, removed: false })),
      events: events.filter((e) => e.after !== null).map((e) => ({ findingId: e.finding_id, kind: 'status_changed' as const, after: e.after as FindingStatus, at: e.at })),
      certifications,
    };
  }
}
