import type { LonLat } from '../../domain/geojson';
import type { Worry } from '../../domain/worry';
import type { SqlExecutor } from './executor';
import type { NewWorrySubmission, WorryLink, WorryStore, WorrySubmissionRow } from './WorryStore';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

interface LinkRow {
  [key: string]: unknown;
  token: string;
  municipality: string;
  area_id: string;
  created_at: unknown;
}
const toLink = (r: LinkRow): WorryLink => ({ token: r.token, municipality: r.municipality, areaId: r.area_id, createdAt: iso(r.created_at) });

interface SubmissionRow {
  [key: string]: unknown;
  id: string;
  municipality: string;
  area_id: string;
  point: unknown;
  category_code: string;
  text: string;
  photo_hash: string | null;
  state: WorrySubmissionRow['state'];
  submitted_at: unknown;
  decided_by: string | null;
  decided_at: unknown;
}
const SUBMISSION_COLUMNS = 'id, municipality, area_id, point, category_code, text, photo_hash, state, submitted_at, decided_by, decided_at';
const toSubmission = (r: SubmissionRow): WorrySubmissionRow => ({
  id: r.id,
  municipality: r.municipality,
  areaId: r.area_id,
  point: json<LonLat>(r.point),
  categoryCode: r.category_code,
  text: r.text,
  photoHash: r.photo_hash,
  state: r.state,
  submittedAt: iso(r.submitted_at),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : iso(r.decided_at),
});

/** `WorryStore` in the SQL that PGlite and PostgreSQL both run (migration 075). */
export class SqlWorryStore implements WorryStore {
  constructor(private readonly db: SqlExecutor) {}

  async currentLink(municipality: string, areaId: string): Promise<WorryLink | null> {
    const [row] = await this.db.query<LinkRow>(
      `SELECT token, municipality, area_id, created_at FROM worry_links
        WHERE municipality = $1 AND area_id = $2 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [municipality, areaId],
    );
    return row ? toLink(row) : null;
  }

  async links(municipality: string): Promise<WorryLink[]> {
    const rows = await this.db.query<LinkRow>(
      `SELECT token, municipality, area_id, created_at FROM worry_links
        WHERE municipality = $1 AND revoked_at IS NULL ORDER BY area_id, created_at`,
      [municipality],
    );
    return rows.map(toLink);
  }

  async newLink(municipality: string, areaId: string, token: string, createdBy: string): Promise<WorryLink> {
    return this.db.transaction(async (tx) => {
      await tx.query('UPDATE worry_links SET revoked_at = now() WHERE municipality = $1 AND area_id = $2 AND revoked_at IS NULL', [municipality, areaId]);
      const [row] = await tx.query<LinkRow>(
        `INSERT INTO worry_links (token, municipality, area_id, created_by) VALUES ($1, $2, $3, $4)
         RETURNING token, municipality, area_id, created_at`,
        [token, municipality, areaId, createdBy],
      );
      return toLink(row!);
    });
  }

  async revokeLink(municipality: string, areaId: string): Promise<boolean> {
    const rows = await this.db.query('UPDATE worry_links SET revoked_at = now() WHERE municipality = $1 AND area_id = $2 AND revoked_at IS NULL RETURNING token', [municipality, areaId]);
    return rows.length > 0;
  }

  async findLink(token: string): Promise<WorryLink | null> {
    const [row] = await this.db.query<LinkRow>('SELECT token, municipality, area_id, created_at FROM worry_links WHERE token = $1 AND revoked_at IS NULL', [token]);
    return row ? toLink(row) : null;
  }

  async recentCounts(linkToken: string, clientKey: string, since: Date): Promise<{ link: number; client: number }> {
    const [row] = await this.db.query<{ link: number; client: number }>(
      `SELECT (SELECT count(*)::int FROM worry_submissions WHERE link_token = $1 AND submitted_at > $3::timestamptz) AS link,
              (SELECT count(*)::int FROM worry_submissions WHERE client_key = $2 AND submitted_at > $3::timestamptz) AS client`,
      [linkToken, clientKey, since.toISOString()],
    );
    return { link: row?.link ?? 0, client: row?.client ?? 0 };
  }

  async submit(row: NewWorrySubmission): Promise<void> {
    await this.db.query(
      `INSERT INTO worry_submissions (id, municipality, area_id, link_token, client_key, point, category_code, text, photo_hash)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)`,
      [row.id, row.municipality, row.areaId, row.linkToken, row.clientKey, JSON.stringify(row.point), row.categoryCode, row.text, row.photoHash],
    );
  }

  async list(municipality: string, state?: WorrySubmissionRow['state']): Promise<WorrySubmissionRow[]> {
    const rows = await this.db.query<SubmissionRow>(
      `SELECT ${SUBMISSION_COLUMNS} FROM worry_submissions
        WHERE municipality = $1 AND ($2::text IS NULL OR state = $2) ORDER BY submitted_at DESC, id LIMIT 500`,
      [municipality, state ?? null],
    );
    return rows.map(toSubmission);
  }

  async get(municipality: string, id: string): Promise<WorrySubmissionRow | null> {
    const [row] = await this.db.query<SubmissionRow>(`SELECT ${SUBMISSION_COLUMNS} FROM worry_submissions WHERE municipality = $1 AND id = $2`, [municipality, id]);
    return row ? toSubmission(row) : null;
  }

  async decide(municipality: string, id: string, decision: 'accept' | 'reject', by: string, now: Date) {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<SubmissionRow>(
        `UPDATE worry_submissions SET state = $3, decided_by = $4, decided_at = $5::timestamptz, client_key = ''
          WHERE municipality = $1 AND id = $2 AND state = 'pending' RETURNING ${SUBMISSION_COLUMNS}`,
        [municipality, id, decision === 'accept' ? 'accepted' : 'rejected', by, now.toISOString()],
      );
      if (!row) return null;
      if (decision === 'reject') return { state: 'rejected' as const, worry: null };
      const s = toSubmission(row);
      const worry: Worry = {
        id: s.id,
        municipality,
        areaId: s.areaId,
        point: { type: 'Point', coordinates: s.point },
        categoryCode: s.categoryCode,
        text: s.text,
        photoHash: s.photoHash,
        submittedAt: s.submittedAt,
        status: 'accepted',
        findingId: null,
        dismissReason: null,
        checkedBy: null,
        checkedAt: null,
        updatedAt: now.toISOString(),
      };
      // R47: a synced record like any other, so every device of the municipality pulls it.
      await tx.query(
        `INSERT INTO sync_records (kind, id, data, created_by, revision, municipality)
         VALUES ('worries', $1, $2::jsonb, $3, next_revision(), $4)`,
        [worry.id, JSON.stringify(worry), by, municipality],
      );
      return { state: 'accepted' as const, worry };
    });
  }
}
