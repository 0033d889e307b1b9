import { closedStatuses, type Finding } from '../../domain/finding';
import {
  defaultOrganisations,
  type OrganisationInput,
  type OrganisationPatch,
  type OwnerOrganisation,
} from '../../domain/ownerOrganisation';
import type { SqlExecutor } from './executor';
import { OwnerStoreError, type OwnerMember, type OwnerStore } from './OwnerStore';

interface OrgRow {
  [key: string]: unknown;
  municipality: string;
  id: string;
  name: string;
  emails: unknown;
  archived: boolean;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const toOrg = (r: OrgRow): OwnerOrganisation => ({ id: r.id, municipality: r.municipality, name: r.name, emails: json<string[]>(r.emails), archived: r.archived });
const COLUMNS = 'municipality, id, name, emails, archived';

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/** `OwnerStore` in the SQL that PGlite and PostgreSQL both run. */
export class SqlOwnerStore implements OwnerStore {
  constructor(private readonly db: SqlExecutor) {}

  /** The defaults, once per municipality; ON CONFLICT keeps whatever the coordinator changed. */
  private async seed(municipality: string): Promise<void> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM owner_organisations WHERE municipality = $1', [municipality]);
    if ((row?.n ?? 0) > 0) return;
    for (const o of defaultOrganisations(municipality)) {
      await this.db.query(
        `INSERT INTO owner_organisations (municipality, id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [municipality, o.id, o.name],
      );
    }
  }

  async list(municipality: string): Promise<OwnerOrganisation[]> {
    await this.seed(municipality);
    const rows = await this.db.query<OrgRow>(`SELECT ${COLUMNS} FROM owner_organisations WHERE municipality = $1 ORDER BY lower(name), id`, [municipality]);
    return rows.map(toOrg);
  }

  async get(municipality: string, id: string): Promise<OwnerOrganisation | null> {
    await this.seed(municipality);
    const [row] = await this.db.query<OrgRow>(`SELECT ${COLUMNS} FROM owner_organisations WHERE municipality = $1 AND id = $2`, [municipality, id]);
    return row ? toOrg(row) : null;
  }

  async create(municipality: string, id: string, input: OrganisationInput): Promise<OwnerOrganisation> {
    await this.seed(municipality);
    try {
      const [row] = await this.db.query<OrgRow>(
        `INSERT INTO owner_organisations (municipality, id, name, emails) VALUES ($1, $2, $3, $4::jsonb) RETURNING ${COLUMNS}`,
        [municipality, id, input.name, JSON.stringify(input.emails)],
      );
      return toOrg(row!);
    } catch (err) {
      if (isUniqueViolation(err)) throw new OwnerStoreError('name_taken', 'name');
      throw err;
    }
  }

  async update(municipality: string, id: string, patch: OrganisationPatch): Promise<OwnerOrganisation> {
    await this.seed(municipality);
    try {
      const [row] = await this.db.query<OrgRow>(
        `UPDATE owner_organisations SET
           name = COALESCE($3, name), emails = COALESCE($4::jsonb, emails), archived = COALESCE($5, archived), updated_at = now()
         WHERE municipality = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [municipality, id, patch.name ?? null, patch.emails ? JSON.stringify(patch.emails) : null, patch.archived ?? null],
      );
      if (!row) throw new OwnerStoreError('not_found');
      return toOrg(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new OwnerStoreError('name_taken', 'name');
      throw err;
    }
  }

  async members(municipality: string): Promise<OwnerMember[]> {
    const rows = await this.db.query<{ user_id: string; organisation_id: string }>(
      'SELECT user_id, organisation_id FROM owner_members WHERE municipality = $1 ORDER BY user_id',
      [municipality],
    );
    return rows.map((r) => ({ userId: r.user_id, organisationId: r.organisation_id }));
  }

  async setMember(municipality: string, userId: string, organisationId: string | null): Promise<void> {
    const [user] = await this.db.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    if (!user) throw new OwnerStoreError('unknown_user', 'userId');
    if (organisationId === null) {
      await this.db.query('DELETE FROM owner_members WHERE municipality = $1 AND user_id = $2', [municipality, userId]);
      return;
    }
    const org = await this.get(municipality, organisationId);
    if (!org) throw new OwnerStoreError('not_found', 'organisationId');
    if (org.archived) throw new OwnerStoreError('archived', 'organisationId');
    await this.db.query(
      `INSERT INTO owner_members (municipality, user_id, organisation_id) VALUES ($1, $2, $3)
       ON CONFLICT (municipality, user_id) DO UPDATE SET organisation_id = excluded.organisation_id`,
      [municipality, userId, organisationId],
    );
  }

  async memberOf(municipality: string, userId: string): Promise<string | null> {
    const [row] = await this.db.query<{ organisation_id: string }>(
      'SELECT organisation_id FROM owner_members WHERE municipality = $1 AND user_id = $2',
      [municipality, userId],
    );
    return row?.organisation_id ?? null;
  }

  async assignableIds(municipality: string): Promise<Set<string>> {
    return new Set((await this.list(municipality)).filter((o) => !o.archived).map((o) => o.id));
  }

  async openFindings(municipality: string, organisationId: string): Promise<Finding[]> {
    const rows = await this.db.query<{ data: unknown }>(
      `SELECT data FROM sync_records
        WHERE kind = 'findings' AND data->>'municipality' = $1 AND data->>'owner' = $2
          AND data->'removed' IS DISTINCT FROM 'true'::jsonb
          AND NOT (data->>'status' IN (SELECT jsonb_array_elements_text($3::jsonb)))`,
      [municipality, organisationId, JSON.stringify(closedStatuses)],
    );
    return rows.map((r) => json<Finding>(r.data));
  }
}
