import { apiFetch } from '../../services/session';
import type { AddressCandidate, AddressQuery, MatchResult } from '../../domain/geocode';
import type { BagPremises, PremisesDecision, PremisesDecisionKind } from '../../domain/bagPremises';

// The open-data API (src/server/pdok/routes.ts): geocoding for the import, BAG premises per area.

export type GeocodeRow = Omit<MatchResult, 'candidates'> & { row: number; areaId: string | null; candidates: (AddressCandidate & { areaId: string | null })[] };

export type OpenDataFailure = { ok: false; error: 'offline' | 'unavailable' | 'refused'; status: number; message: string };
export type OpenDataResult<T> = { ok: true; value: T } | OpenDataFailure;

async function call<T>(method: string, url: string, body?: unknown): Promise<OpenDataResult<T>> {
  let res: Response;
  try {
    res = await apiFetch(url, { method, ...(body === undefined ? {} : { json: body }) });
  } catch {
    return { ok: false, error: 'offline', status: 0, message: 'no network' };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // No body.
  }
  if (res.ok) return { ok: true, value: json as T };
  const j = (json ?? {}) as { error?: string; message?: string; issues?: { message: string }[] };
  const message = j.issues?.[0]?.message ?? j.message ?? j.error ?? `http_${res.status}`;
  return { ok: false, error: res.status === 503 || res.status >= 500 ? 'unavailable' : 'refused', status: res.status, message };
}

const q = (m: string) => `?municipality=${encodeURIComponent(m)}`;

/** Rows per request; the server takes at most 100. */
export const GEOCODE_BATCH = 50;

export const openDataApi = {
  geocode: (m: string, rows: { row: number; query: AddressQuery }[]) => call<{ results: GeocodeRow[]; cached: number; attribution: string }>('POST', `/api/geocode${q(m)}`, { rows }),
  premises: (m: string, areaId: string, refresh = false) =>
    call<{ areaId: string; fetchedAt: string; premises: BagPremises[]; attribution: string }>(refresh ? 'POST' : 'GET', `/api/bag/areas/${encodeURIComponent(areaId)}/${refresh ? 'refresh' : 'premises'}${q(m)}`, refresh ? {} : undefined),
  premisesNear: (m: string, bbox: readonly [number, number, number, number]) =>
    call<{ fetchedAt: string; premises: BagPremises[]; attribution: string }>('GET', `/api/bag/premises${q(m)}&bbox=${bbox.map((n) => n.toFixed(6)).join(',')}`),
  summary: (m: string) => call<{ areas: { areaId: string; fetchedAt: string; premises: BagPremises[] }[]; decisions: PremisesDecision[]; attribution: string }>('GET', `/api/bag/summary${q(m)}`),
  decisions: (m: string) => call<{ decisions: PremisesDecision[] }>('GET', `/api/bag/decisions${q(m)}`),
  decide: (m: string, premisesId: string, kind: PremisesDecisionKind | null) => call<unknown>('PUT', `/api/bag/decisions/${premisesId}${q(m)}`, { kind }),
};

/** Geocodes the rows in parts; stops at the first failure (the rows done so far are cached on the server). */
export async function geocodeAll(m: string, rows: { row: number; query: AddressQuery }[], onProgress?: (done: number) => void): Promise<OpenDataResult<GeocodeRow[]>> {
  const out: GeocodeRow[] = [];
  for (let i = 0; i < rows.length; i += GEOCODE_BATCH) {
    const r = await openDataApi.geocode(m, rows.slice(i, i + GEOCODE_BATCH));
    if (!r.ok) return r;
    out.push(...r.value.results);
    onProgress?.(out.length);
  }
  return { ok: true, value: out };
}
