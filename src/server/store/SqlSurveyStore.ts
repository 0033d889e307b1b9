import type { Answers, Question } from '../../domain/survey/question';
import type { SurveySetup } from '../../domain/survey/setup';
import type { StoredAnswerSet } from '../../domain/survey/results';
import type { LinkStatus } from '../../domain/survey/link';
import type { SqlExecutor, SqlQueryable } from './executor';
import type { FlagWrite, NewSurveyLink, SubmitOutcome, SurveyLinkByToken, SurveyLinkRow, SurveyShop, SurveyStore } from './SurveyStore';
import { amsterdamDate } from '../../domain/overdue';
import { shopSchema } from '../../domain/shop';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

/** Who wrote the survey flag (R44): like retention, a server-side writer, never a device. */
const FLAG_WRITER = { c: 'survey', a: 'system' };

interface LinkRow {
  [key: string]: unknown;
  id: string;
  municipality: string;
  year: number;
  shop_id: string;
  status: LinkStatus;
  draft: unknown;
  created_at: unknown;
  issued_at: unknown;
  answered_at: unknown;
  revoked_at: unknown;
}
const LINK_COLUMNS = 'id, municipality, year, shop_id, status, draft, created_at, issued_at, answered_at, revoked_at';

function toLink(r: LinkRow): SurveyLinkRow {
  return {
    id: r.id,
    municipality: r.municipality,
    year: Number(r.year),
    shopId: r.shop_id,
    status: r.status,
    hasDraft: r.draft !== null && r.draft !== undefined,
    createdAt: iso(r.created_at),
    issuedAt: iso(r.issued_at),
    answeredAt: isoOrNull(r.answered_at),
    revokedAt: isoOrNull(r.revoked_at),
  };
}

/** `SurveyStore` in the SQL that PGlite and PostgreSQL both run (migration 070). */
export class SqlSurveyStore implements SurveyStore {
  constructor(private readonly db: SqlExecutor) {}

  async getSetup(municipality: string, year: number): Promise<SurveySetup | null> {
    const [row] = await this.db.query<{ fixed_version: string; topical: unknown; threshold: number; results_public: boolean }>(
      'SELECT fixed_version, topical, threshold, results_public FROM survey_setups WHERE municipality = $1 AND year = $2',
      [municipality, year],
    );
    if (!row) return null;
    return { municipality, year, fixedVersion: row.fixed_version, topical: json<Question[]>(row.topical), threshold: Number(row.threshold), resultsPublic: row.results_public };
  }

  async saveSetup(setup: SurveySetup, by: string): Promise<SurveySetup> {
    await this.db.query(
      `INSERT INTO survey_setups (municipality, year, fixed_version, topical, threshold, results_public, updated_by)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)
       ON CONFLICT (municipality, year) DO UPDATE SET fixed_version = excluded.fixed_version, topical = excluded.topical,
         threshold = excluded.threshold, results_public = excluded.results_public, updated_by = excluded.updated_by, updated_at = now()`,
      [setup.municipality, setup.year, setup.fixedVersion, JSON.stringify(setup.topical), setup.threshold, setup.resultsPublic, by],
    );
    return (await this.getSetup(setup.municipality, setup.year))!;
  }

  async listYears(municipality: string): Promise<number[]> {
    const rows = await this.db.query<{ year: number }>('SELECT year FROM survey_setups WHERE municipality = $1 ORDER BY year DESC', [municipality]);
    return rows.map((r) => Number(r.year));
  }

  async addLinks(municipality: string, year: number, links: readonly NewSurveyLink[]): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const added: string[] = [];
      for (const l of links) {
        const rows = await tx.query<{ id: string }>(
          `INSERT INTO survey_links (id, municipality, year, shop_id, token_hash) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (municipality, year, shop_id) WHERE status <> 'revoked' DO NOTHING RETURNING id`,
          [l.id, municipality, year, l.shopId, l.tokenHash],
        );
        if (rows.length > 0) added.push(l.id);
      }
      return added;
    });
  }

  async reissueLinks(municipality: string, year: number, tokens: readonly { id: string; tokenHash: string }[]): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const changed: string[] = [];
      for (const t of tokens) {
        const rows = await tx.query<{ id: string }>(
          `UPDATE survey_links SET token_hash = $4, issued_at = now() WHERE id = $1 AND municipality = $2 AND year = $3 AND status = 'open' RETURNING id`,
          [t.id, municipality, year, t.tokenHash],
        );
        if (rows.length > 0) changed.push(t.id);
      }
      return changed;
    });
  }

  async listLinks(municipality: string, year: number): Promise<SurveyLinkRow[]> {
    const rows = await this.db.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM survey_links WHERE municipality = $1 AND year = $2 ORDER BY shop_id COLLATE "C", created_at`, [municipality, year]);
    return rows.map(toLink);
  }

  async revokeLink(municipality: string, id: string): Promise<boolean> {
    const rows = await this.db.query(`UPDATE survey_links SET status = 'revoked', revoked_at = now(), draft = NULL WHERE id = $1 AND municipality = $2 AND status = 'open' RETURNING id`, [id, municipality]);
    return rows.length > 0;
  }

  async findLinkByToken(tokenHash: string): Promise<SurveyLinkByToken | null> {
    const [row] = await this.db.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM survey_links WHERE token_hash = $1`, [tokenHash]);
    if (!row) return null;
    return { ...toLink(row), draft: row.draft === null || row.draft === undefined ? null : json<Answers>(row.draft) };
  }

  async saveDraft(tokenHash: string, draft: Answers): Promise<boolean> {
    const rows = await this.db.query(`UPDATE survey_links SET draft = $2::jsonb WHERE token_hash = $1 AND status = 'open' RETURNING id`, [tokenHash, JSON.stringify(draft)]);
    return rows.length > 0;
  }

  async submit(tokenHash: string, answer: { id: string; areaId: string | null; fixedVersion: string; answers: Answers }): Promise<SubmitOutcome> {
    return this.db.transaction(async (tx) => {
      const [link] = await tx.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM survey_links WHERE token_hash = $1 FOR UPDATE`, [tokenHash]);
      if (!link) return { ok: false, reason: 'link_unknown' } as const;
      if (link.status === 'answered') return { ok: false, reason: 'link_answered' } as const;
      if (link.status === 'revoked') return { ok: false, reason: 'link_revoked' } as const;
      await tx.query(`INSERT INTO survey_answers (id, municipality, year, area_id, fixed_version, answers) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [
        answer.id,
        link.municipality,
        link.year,
        answer.areaId,
        answer.fixedVersion,
        JSON.stringify(answer.answers),
      ]);
      await tx.query(`UPDATE survey_links SET status = 'answered', answered_at = now(), draft = NULL WHERE id = $1`, [link.id]);
      const flag = await setSurveyFlag(tx, link.municipality, link.shop_id, link.year, new Date());
      return { ok: true, flag };
    });
  }

  async listAnswers(municipality: string, year: number, areaId?: string): Promise<StoredAnswerSet[]> {
    const rows = await this.db.query<{ area_id: string | null; answers: unknown }>(
      areaId === undefined
        ? 'SELECT area_id, answers FROM survey_answers WHERE municipality = $1 AND year = $2 ORDER BY id'
        : 'SELECT area_id, answers FROM survey_answers WHERE municipality = $1 AND year = $2 AND area_id = $3 ORDER BY id',
      areaId === undefined ? [municipality, year] : [municipality, year, areaId],
    );
    return rows.map((r) => ({ areaId: r.area_id, answers: json<Answers>(r.answers) }));
  }

  async listShops(municipality: string): Promise<SurveyShop[]> {
    const rows = await this.db.query<{ data: unknown }>(`SELECT data FROM sync_records WHERE kind = 'shops' AND municipality = $1 ORDER BY id COLLATE "C"`, [municipality]);
    const out: SurveyShop[] = [];
    for (const row of rows) {
      const shop = shopSchema.safeParse(json(row.data));
      if (!shop.success) continue; // a record the domain cannot read is left out, not guessed at
      const [lon, lat] = shop.data.point.coordinates;
      out.push({ id: shop.data.id, name: shop.data.name, address: shop.data.address, point: [lon!, lat!], open: shop.data.open, surveyAnswered: shop.data.flags.surveyAnswered });
    }
    return out;
  }
}

/**
 * R44, R50: the answer's year joins the shop's `surveyAnsweredYears` (a field only the server writes) with
 * the next revision, written by the server's "survey" client, so every device pulls it like any other change
 * (R9, R10, R12). For this year's survey `flags.surveyAnswered` (the register's "answered this year") is set
 * in the same write. A year already there is left alone (no new revision).
 */
async function setSurveyFlag(tx: SqlQueryable, municipality: string, shopId: string, year: number, now: Date): Promise<FlagWrite> {
  const [shop] = await tx.query<{ data: unknown }>(`SELECT data FROM sync_records WHERE kind = 'shops' AND id = $1 AND municipality = $2 FOR UPDATE`, [shopId, municipality]);
  if (!shop) return 'no_shop';
  const data = json<Record<string, unknown> | null>(shop.data);
  const flags = data?.flags;
  if (data === null || typeof data !== 'object' || flags === null || typeof flags !== 'object') return 'no_shop';
  const had = Array.isArray(data.surveyAnsweredYears) ? (data.surveyAnsweredYears as unknown[]).filter((y): y is number => Number.isInteger(y)) : [];
  const thisYear = year === Number(amsterdamDate(now).slice(0, 4));
  const flagSet = (flags as Record<string, unknown>).surveyAnswered === true;
  if (had.includes(year) && (!thisYear || flagSet)) return 'already_set';
  const years = [...new Set([...had, year])].sort((a, b) => a - b);
  const fields = thisYear && !flagSet ? ['surveyAnsweredYears', 'flags'] : ['surveyAnsweredYears'];
  await tx.query(
    `UPDATE sync_records SET data = jsonb_set(CASE WHEN $5::boolean THEN jsonb_set(data, '{flags,surveyAnswered}', 'true'::jsonb) ELSE data END, '{surveyAnsweredYears}', $4::jsonb),
       revision = r.rev,
       field_revisions = field_revisions || (SELECT jsonb_object_agg(f, r.rev) FROM jsonb_array_elements_text($6::jsonb) AS f),
       field_clients = field_clients || (SELECT jsonb_object_agg(f, $3::jsonb) FROM jsonb_array_elements_text($6::jsonb) AS f),
       updated_at = now()
       FROM (SELECT next_revision() AS rev) r
      WHERE kind = 'shops' AND id = $1 AND municipality = $2`,
    [shopId, municipality, JSON.stringify(FLAG_WRITER), JSON.stringify(years), thisYear && !flagSet, JSON.stringify(fields)],
  );
  return 'set';
}
