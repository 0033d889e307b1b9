import type { Area } from '../domain/area';
import { checkAreaFeature } from '../domain/areaCheck';
import type { SchouwDb } from '../storage/db';

export type RefreshResult = { ok: true; count: number; areas: Area[] } | { ok: false; reason: 'offline' | 'http' | 'invalid'; detail: string };

/** The areas of the server's default municipality: the URL index.html preloads. */
export const DEFAULT_AREAS_URL = '/api/areas';

/**
 * Replaces the device's copy of one municipality's areas with the server's, in one transaction, so a
 * half-received list never replaces a whole one. Checked without zod (areaCheck.ts): the first screen
 * waits for this. `url` is DEFAULT_AREAS_URL for the server's default municipality, so that the answer
 * to the preload is used; the API answers no-store, so no cache option is needed.
 */
export async function refreshAreas(
  db: SchouwDb,
  municipality: string,
  fetchFn: typeof fetch = fetch,
  url = `/api/areas?municipality=${encodeURIComponent(municipality)}`,
): Promise<RefreshResult> {
  const r = await fetchAreas(municipality, fetchFn, url);
  if (r.ok) await storeAreas(db, municipality, r.areas);
  return r;
}

/** The server's areas of one municipality, checked, not yet stored: the first screen shows these at once. */
export async function fetchAreas(
  municipality: string,
  fetchFn: typeof fetch = fetch,
  url = `/api/areas?municipality=${encodeURIComponent(municipality)}`,
): Promise<RefreshResult> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    return { ok: false, reason: 'offline', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!res.ok) return { ok: false, reason: 'http', detail: `HTTP ${res.status}` };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, reason: 'invalid', detail: 'not JSON' };
  }
  const features = (body as { features?: unknown[] })?.features;
  if (!Array.isArray(features)) return { ok: false, reason: 'invalid', detail: 'no features' };
  const areas: Area[] = [];
  for (const [i, f] of features.entries()) {
    const checked = checkAreaFeature(f);
    if (!checked.ok) return { ok: false, reason: 'invalid', detail: `feature ${i}: ${checked.path ? `${checked.path}: ` : ''}${checked.message}` };
    areas.push({ ...checked.feature.properties, geometry: checked.feature.geometry, municipality });
  }
  return { ok: true, count: areas.length, areas };
}

/** Replaces the device's copy of one municipality's areas, in one transaction. */
export async function storeAreas(db: SchouwDb, municipality: string, areas: Area[]): Promise<void> {
  await db.transaction('rw', db.areas, async () => {
    await db.areas.where('municipality').equals(municipality).delete();
    await db.areas.bulkPut(areas);
  });
}
