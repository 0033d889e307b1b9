import { z } from 'zod';

/**
 * Addresses to places (issue 14): what a shop row asks the geocoder (PDOK Locatieserver `free`), how
 * its answer is read and how sure a match is. Pure: the HTTP client lives in src/server/pdok.
 *
 * An address is either postcode + house number (+ letter, + addition) or street + number + place.
 * The cache key is the normalised query, so "7411 HN" and "7411hn" are asked once.
 */

export const addressQuerySchema = z.strictObject({
  postcode: z.string().trim().max(10).optional(),
  huisnummer: z.string().trim().max(10).optional(),
  huisletter: z.string().trim().max(5).optional(),
  toevoeging: z.string().trim().max(10).optional(),
  straat: z.string().trim().max(120).optional(),
  plaats: z.string().trim().max(80).optional(),
});
export type AddressQuery = z.infer<typeof addressQuerySchema>;

/** BAG ids of an address (nummeraanduiding and its verblijfsobject), 16 digits each. */
export const bagIdsSchema = z.strictObject({
  nummeraanduidingId: z.string().regex(/^\d{16}$/),
  adresseerbaarObjectId: z.string().regex(/^\d{16}$/).optional(),
});
export type BagIds = z.infer<typeof bagIdsSchema>;

export interface AddressCandidate {
  /** "Brink 12, 7411BT Deventer". */
  label: string;
  /** Locatieserver's relevance score (higher is better; not bounded). */
  score: number;
  point: [number, number];
  bag: BagIds | null;
  municipality: string;
  postcode: string;
  huisnummer: string;
}

export type MatchStatus = 'sure' | 'unsure' | 'not_found';

export interface MatchResult {
  status: MatchStatus;
  /** The best candidate (sure) or the first one (unsure); null when not found. */
  best: AddressCandidate | null;
  /** At most 5, best first (unsure: the ones to pick from). */
  candidates: AddressCandidate[];
  /** Why a match is unsure. */
  why?: 'low_score' | 'several' | 'other_municipality' | 'no_exact_number';
}

export type AddressQueryProblem = { field: keyof AddressQuery; reason: 'missing_address' | 'invalid_postcode' | 'invalid_number' };

const POSTCODE = /^([1-9]\d{3})\s?([A-Za-z]{2})$/;

/** The query's fields, or the field that makes it unusable. */
export function checkAddressQuery(q: AddressQuery): { ok: true } | ({ ok: false } & AddressQueryProblem) {
  const pc = q.postcode?.trim() ?? '';
  const nr = q.huisnummer?.trim() ?? '';
  if (pc !== '' && !POSTCODE.test(pc)) return { ok: false, field: 'postcode', reason: 'invalid_postcode' };
  if (nr !== '' && !/^\d{1,5}$/.test(nr)) return { ok: false, field: 'huisnummer', reason: 'invalid_number' };
  if (nr === '') return { ok: false, field: 'huisnummer', reason: 'missing_address' };
  if (pc === '' && ((q.straat?.trim() ?? '') === '' || (q.plaats?.trim() ?? '') === '')) {
    return { ok: false, field: pc === '' && (q.straat?.trim() ?? '') === '' ? 'straat' : 'plaats', reason: 'missing_address' };
  }
  return { ok: true };
}

/** The Locatieserver `q` text: "7411HN 12 A" or "Brink 12 A, Deventer". */
export function addressQueryText(q: AddressQuery): string {
  const pc = (q.postcode ?? '').replace(/\s+/g, '').toUpperCase();
  const nr = [q.huisnummer, q.huisletter, q.toevoeging].map((s) => (s ?? '').trim()).filter((s) => s !== '').join(' ');
  if (pc !== '') return `${pc} ${nr}`;
  return `${(q.straat ?? '').trim()} ${nr}, ${(q.plaats ?? '').trim()}`;
}

/** Cache key: municipality + the query text, lower case, spaces collapsed, punctuation dropped. */
export function addressCacheKey(municipality: string, q: AddressQuery): string {
  const text = addressQueryText(q)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${municipality}|${text}`;
}

/** "POINT(6.15 52.25)" → [6.15, 52.25]; anything else → null. */
export function parseWktPoint(wkt: unknown): [number, number] | null {
  if (typeof wkt !== 'string') return null;
  const m = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(wkt);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The `response.docs` of a Locatieserver answer as candidates (type adres only, with a point), best first. */
export function candidatesFromLocatieserver(body: unknown): AddressCandidate[] | null {
  const docs = (body as { response?: { docs?: unknown } } | null)?.response?.docs;
  if (!Array.isArray(docs)) return null;
  const out: AddressCandidate[] = [];
  for (const d of docs as Record<string, unknown>[]) {
    if (typeof d !== 'object' || d === null || d.type !== 'adres') continue;
    const point = parseWktPoint(d.centroide_ll);
    if (!point || Math.abs(point[0]) > 180 || Math.abs(point[1]) > 90) continue;
    const na = str(d.nummeraanduiding_id);
    const ao = str(d.adresseerbaarobject_id);
    const bag = /^\d{16}$/.test(na) ? { nummeraanduidingId: na, ...(/^\d{16}$/.test(ao) ? { adresseerbaarObjectId: ao } : {}) } : null;
    out.push({
      label: str(d.weergavenaam).slice(0, 200),
      score: typeof d.score === 'number' && Number.isFinite(d.score) ? d.score : 0,
      point,
      bag,
      municipality: str(d.gemeentenaam),
      postcode: str(d.postcode),
      huisnummer: str(d.huisnummer),
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Below this score a single match is unsure (Locatieserver scores an exact postcode + number far above it). */
export const SURE_SCORE = 7;
/** A second candidate within this share of the best makes the match unsure. */
export const CLOSE_SECOND = 0.9;

/**
 * How sure a match is: sure when the best candidate lies in the municipality, has the asked house
 * number, scores at least SURE_SCORE and no other candidate comes close; unsure otherwise; not found
 * without candidates.
 */
export function classifyMatch(candidates: readonly AddressCandidate[], q: AddressQuery, municipalityName: string): MatchResult {
  const top = candidates.slice(0, 5);
  const best = top[0];
  if (!best) return { status: 'not_found', best: null, candidates: [] };
  const sameTown = (c: AddressCandidate) => c.municipality.toLowerCase() === municipalityName.toLowerCase();
  const nr = (q.huisnummer ?? '').trim();
  let why: MatchResult['why'];
  if (!sameTown(best)) why = 'other_municipality';
  else if (nr !== '' && best.huisnummer !== '' && best.huisnummer !== nr) why = 'no_exact_number';
  else if (best.score < SURE_SCORE) why = 'low_score';
  else if (top[1] && top[1].score >= best.score * CLOSE_SECOND) why = 'several';
  if (why) return { status: 'unsure', best, candidates: top, why };
  return { status: 'sure', best, candidates: [best] };
}
