/**
 * The area file's check without the schema library, for the first screen (the map and the area list
 * must not wait for zod to load). It accepts exactly what `areaFeatureSchema` in area.ts accepts
 * (tests/domain/areaCheck.test.ts holds both to the same table) and says what is wrong, with a path.
 */
import { areaKinds, kvoStatuses } from './areaKinds';
import type { AreaFeature, AreaProperties } from './area';
import type { AreaGeometry } from './geojson';

export type AreaCheck = { ok: true; feature: AreaFeature } | { ok: false; path: string; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const kinds = new Set<string>(areaKinds);
const statuses = new Set<string>(kvoStatuses);
const PROPERTY_KEYS = new Set(['id', 'name', 'kind', 'kvoStatus', 'source', 'approximate']);

class Refusal extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function position(v: unknown, path: string): void {
  if (!Array.isArray(v) || v.length < 2) throw new Refusal(path, 'a position is [lon, lat]');
  for (const [i, n] of v.entries()) if (typeof n !== 'number' || !Number.isFinite(n)) throw new Refusal(`${path}/${i}`, 'not a finite number');
  if (v[0] < -180 || v[0] > 180) throw new Refusal(`${path}/0`, 'longitude out of range');
  if (v[1] < -90 || v[1] > 90) throw new Refusal(`${path}/1`, 'latitude out of range');
}

function polygon(v: unknown, path: string): void {
  if (!Array.isArray(v) || v.length < 1) throw new Refusal(path, 'a polygon has at least one ring');
  for (const [r, ring] of v.entries()) {
    if (!Array.isArray(ring) || ring.length < 4) throw new Refusal(`${path}/${r}`, 'a ring has at least 4 positions');
    for (const [p, pos] of ring.entries()) position(pos, `${path}/${r}/${p}`);
  }
}

function geometry(v: unknown): AreaGeometry {
  if (!isObject(v)) throw new Refusal('geometry', 'missing');
  if (v.type === 'Polygon') polygon(v.coordinates, 'geometry/coordinates');
  else if (v.type === 'MultiPolygon') {
    if (!Array.isArray(v.coordinates) || v.coordinates.length < 1) throw new Refusal('geometry/coordinates', 'a multipolygon has at least one polygon');
    for (const [i, p] of v.coordinates.entries()) polygon(p, `geometry/coordinates/${i}`);
  } else throw new Refusal('geometry/type', 'must be Polygon or MultiPolygon');
  return { type: v.type, coordinates: v.coordinates } as AreaGeometry;
}

function properties(v: unknown): AreaProperties {
  if (!isObject(v)) throw new Refusal('properties', 'missing');
  for (const k of Object.keys(v)) if (!PROPERTY_KEYS.has(k)) throw new Refusal(`properties/${k}`, 'unknown property');
  if (typeof v.id !== 'string' || !SLUG.test(v.id)) throw new Refusal('properties/id', 'id must be a lower-case slug');
  const name = typeof v.name === 'string' ? v.name.trim() : null;
  if (name === null || name.length < 1 || name.length > 120) throw new Refusal('properties/name', 'a name of 1 to 120 characters');
  if (typeof v.kind !== 'string' || !kinds.has(v.kind)) throw new Refusal('properties/kind', 'unknown kind');
  if (typeof v.kvoStatus !== 'string' || !statuses.has(v.kvoStatus)) throw new Refusal('properties/kvoStatus', 'unknown KVO status');
  if (typeof v.source !== 'string' || v.source.length < 1 || v.source.length > 1000) throw new Refusal('properties/source', 'a source of 1 to 1000 characters');
  if (v.approximate !== undefined && typeof v.approximate !== 'boolean') throw new Refusal('properties/approximate', 'true or false');
  return {
    id: v.id,
    name,
    kind: v.kind as AreaProperties['kind'],
    kvoStatus: v.kvoStatus as AreaProperties['kvoStatus'],
    source: v.source,
    ...(v.approximate !== undefined ? { approximate: v.approximate } : {}),
  };
}

export function checkAreaFeature(v: unknown): AreaCheck {
  try {
    if (!isObject(v)) throw new Refusal('', 'not a GeoJSON Feature');
    if (v.type !== 'Feature') throw new Refusal('type', 'must be Feature');
    if (v.id !== undefined && typeof v.id !== 'string' && typeof v.id !== 'number') throw new Refusal('id', 'a string or a number');
    const props = properties(v.properties);
    const geo = geometry(v.geometry);
    return { ok: true, feature: { type: 'Feature', ...(v.id !== undefined ? { id: v.id } : {}), properties: props, geometry: geo } };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, path: e.path, message: e.message };
    throw e;
  }
}

/** An area geometry (Polygon or MultiPolygon) as `areaGeometrySchema` accepts it, or why not. */
export function checkAreaGeometry(v: unknown): { ok: true; geometry: AreaGeometry } | { ok: false; path: string; message: string } {
  try {
    return { ok: true, geometry: geometry(v) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, path: e.path, message: e.message };
    throw e;
  }
}
