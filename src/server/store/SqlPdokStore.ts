import type { AddressCandidate } from '../../domain/geocode';
import type { BagPremises, PremisesDecision, PremisesDecisionKind } from '../../domain/bagPremises';
import type { SqlExecutor } from './executor';
import type { PdokStore } from './PdokStore';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** `PdokStore` in the SQL that PGlite and PostgreSQL both run. */
export class SqlPdokStore implements PdokStore {
  constructor(private readonly db: SqlExecutor) {}

  async getAddress(queryKey: string) {
    const [row] = await this.db.query<{ candidates: unknown; fetched_at: unknown }>('SELECT candidates, fetched_at FROM address_cache WHERE query_key = $1', [queryKey]);
    return row ? { candidates: json<AddressCandidate[]>(row.candidates), fetchedAt: iso(row.fetched_at) } : null;
  }

  async putAddress(queryKey: string, municipality: string, candidates: readonly AddressCandidate[]): Promise<void> {
    await this.db.query(
      `INSERT INTO address_cache (query_key, municipality, candidates) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (query_key) DO UPDATE SET candidates = EXCLUDED.candidates, fetched_at = now()`,
      [queryKey, municipality, JSON.stringify(candidates)],
    );
  }

  async getPremises(municipality: string, areaId: string) {
    const [row] = await this.db.query<{ premises: unknown; fetched_at: unknown }>('SELECT premises, fetched_at FROM bag_premises_cache WHERE municipality = $1 AND area_id = $2', [municipality, areaId]);
    return row ? { premises: json<BagPremises[]>(row.premises), fetchedAt: iso(row.fetched_at) } : null;
  }

  async putPremises(municipality: string, areaId: string, premises: readonly BagPremises[]) {
    const [row] = await this.db.query<{ fetched_at: unknown }>(
      `INSERT INTO bag_premises_cache (municipality, area_id, premises) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (municipality, area_id) DO UPDATE SET premises = EXCLUDED.premises, fetched_at = now()
       RETURNING fetched_at`,
      [municipality, areaId, JSON.stringify(premises)],
    );
    return { fetchedAt: iso(row?.fetched_at) };
  }

  async listDecisions(municipality: string): Promise<PremisesDecision[]> {
    const rows = await this.db.query<{ premises_id: string; kind: PremisesDecisionKind; decided_by: string; decided_at: unknown }>(
      'SELECT premises_id, kind, decided_by, decided_at FROM bag_premises_decisions WHERE municipality = $1 ORDER BY premises_id',
      [municipality],
    );
    return rows.map((r) => ({ premisesId: r.premises_id, kind: r.kind, decidedBy: r.decided_by, decidedAt: iso(r.decided_at) }));
  }

  async putDecision(municipality: string, premisesId: string, kind: PremisesDecisionKind | null, actorId: string): Promise<void> {
    if (kind === null) {
      await this.db.query('DELETE FROM bag_premises_decisions WHERE municipality = $1 AND premises_id = $2', [municipality, premisesId]);
      return;
    }
    await this.db.query(
      `INSERT INTO bag_premises_decisions (municipality, premises_id, kind, decided_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality, premises_id) DO UPDATE SET kind = EXCLUDED.kind, decided_by = EXCLUDED.decided_by, decided_at = now()`,
      [municipality, premisesId, kind, actorId],
    );
  }
}
