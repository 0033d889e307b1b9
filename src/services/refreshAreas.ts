import { areaFeatureSchema, type Area } from '../domain/area';
import type { SchouwDb } from '../storage/db';

export type RefreshResult = { ok: true; count: number } | { ok: false; reason: 'offline' | 'http' | 'invalid'; detail: string };

/**
 * Replaces the device's copy of one municipality's areas with the server's, in one transaction, so a
 * half-received list never replaces a whole one.
 */
export async function refreshAreas(db: SchouwDb, municipality: string, fetchFn: typeof fetch = fetch): Promise<RefreshResult> {
  let res: Response;
  try {
    res = await fetchFn(`/api/areas?municipality=${encodeURIComponent(municipality)}`, { cache: 'no-store' });
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
    const parsed = areaFeatureSchema.safeParse(f);
    if (!parsed.success) return { ok: false, reason: 'invalid', detail: `feature ${i}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    areas.push({ ...parsed.data.properties, geometry: parsed.data.geometry, municipality });
  }
  await db.transaction('rw', db.areas, async () => {
    await db.areas.where('municipality').equals(municipality).delete();
    await db.areas.bulkPut(areas);
  });
  return { ok: true, count: areas.length };
}
