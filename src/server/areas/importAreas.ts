import { areaFeatureSchema, areaKinds, kvoStatuses, type Area, type AreaFeature } from '../../domain/area';
import { validateAreaCollection, type AreaRuleReason } from '../../domain/areaRules';
import type { AreaGeometry } from '../../domain/geojson';
import { isPlausibleRd } from '../../domain/coords';
import { rdToWgs84 } from '../../domain/coordsRd';
import { areaToFeature } from './refusal';

// Reading an area import (GeoJSON in WGS84 or RD New, or the GeoJSON a zipped shapefile gives) and the
// preview: per feature added, changed, unchanged or refused with reasons. Pure apart from the caller's I/O.

export type ImportStatus = 'added' | 'changed' | 'unchanged' | 'refused';
export interface ImportReason {
  reason: AreaRuleReason | 'not_a_polygon';
  message: string;
  other?: string;
}
export interface ImportItem {
  index: number;
  /** Name, id or "#index": what the person recognises. */
  label: string;
  status: ImportStatus;
  id?: string;
  reasons: ImportReason[];
  /** The area as it would be saved (WGS84, our properties); absent when it cannot be read. */
  feature?: AreaFeature;
}
export interface ImportPreview {
  crs: 'wgs84' | 'rd';
  items: ImportItem[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The features of a FeatureCollection (or of several, as a multi-layer shapefile gives), or null. */
export function featuresOf(input: unknown): unknown[] | null {
  if (Array.isArray(input)) {
    const all = input.map(featuresOf);
    return all.every((f) => f !== null) ? all.flat() as unknown[] : null;
  }
  if (!isObject(input)) return null;
  if (input.type === 'FeatureCollection' && Array.isArray(input.features)) return input.features;
  if (input.type === 'Feature') return [input];
  return null;
}

function eachPosition(coords: unknown, fn: (p: number[]) => void): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') fn(coords as number[]);
  else for (const c of coords) eachPosition(c, fn);
}

function mapPositions(coords: unknown, fn: (p: number[]) => number[]): unknown {
  if (!Array.isArray(coords)) return coords;
  if (typeof coords[0] === 'number') return fn(coords as number[]);
  return coords.map((c) => mapPositions(c, fn));
}

/** RD New when the file says so (crs 28992) or when every position lies in the RD range and none is a degree. */
export function detectCrs(input: unknown, features: readonly unknown[]): 'wgs84' | 'rd' {
  const crsName = isObject(input) && isObject(input.crs) && isObject(input.crs.properties) ? String(input.crs.properties.name ?? '') : '';
  if (/28992|RD_?New|Amersfoort/i.test(crsName)) return 'rd';
  if (/4326|CRS84|WGS ?84/i.test(crsName)) return 'wgs84';
  let seen = 0;
  let rd = 0;
  for (const f of features) {
    if (!isObject(f) || !isObject(f.geometry)) continue;
    eachPosition(f.geometry.coordinates, (p) => {
      seen++;
      if (isPlausibleRd(p[0]!, p[1]!) && Math.abs(p[0]!) > 180) rd++;
    });
  }
  return seen > 0 && rd === seen ? 'rd' : 'wgs84';
}

const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

function toWgs84(geometry: Json): Json {
  return { ...geometry, coordinates: mapPositions(geometry.coordinates, (p) => rdToWgs84([p[0]!, p[1]!]).map(r7)) };
}

function prop(props: Json, ...keys: string[]): unknown {
  for (const k of keys) {
    const hit = Object.keys(props).find((p) => p.toLowerCase() === k.toLowerCase());
    if (hit !== undefined && props[hit] !== null && props[hit] !== '') return props[hit];
  }
  return undefined;
}

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/** A raw feature as one of our areas: our property names, an id (given, matched by name, or from the name). */
function normalise(raw: unknown, crs: 'wgs84' | 'rd', current: readonly Area[], sourceLabel: string): unknown {
  if (!isObject(raw)) return raw;
  const props = isObject(raw.properties) ? raw.properties : {};
  const name = String(prop(props, 'name', 'naam') ?? '').trim();
  const byName = current.find((a) => a.name.toLocaleLowerCase('nl') === name.toLocaleLowerCase('nl'));
  const givenId = prop(props, 'id', 'code');
  const id = typeof givenId === 'string' && givenId !== '' ? givenId : (byName?.id ?? slug(name));
  const existing = current.find((a) => a.id === id) ?? byName;
  const kind = prop(props, 'kind', 'soort');
  const status = prop(props, 'kvoStatus', 'kvo_status', 'status');
  const approximate = prop(props, 'approximate');
  const geometry = isObject(raw.geometry) && crs === 'rd' ? toWgs84(raw.geometry) : raw.geometry;
  return {
    type: 'Feature',
    properties: {
      id,
      name,
      kind: (areaKinds as readonly unknown[]).includes(kind) ? kind : (existing?.kind ?? 'shopping_centre'),
      kvoStatus: (kvoStatuses as readonly unknown[]).includes(status) ? status : (existing?.kvoStatus ?? 'not_on_map'),
      source: String(prop(props, 'source', 'bron') ?? sourceLabel),
      ...(typeof approximate === 'boolean' ? { approximate } : {}),
    },
    geometry,
  };
}

export function labelOf(f: unknown, index: number): string {
  const props = isObject(f) && isObject(f.properties) ? f.properties : {};
  const v = prop(props, 'name', 'naam', 'id');
  return typeof v === 'string' && v.trim() ? v.trim() : `#${index + 1}`;
}

function sameArea(a: AreaFeature, b: Area): boolean {
  const p = a.properties;
  return p.name === b.name && p.kind === b.kind && p.kvoStatus === b.kvoStatus && JSON.stringify(a.geometry) === JSON.stringify(b.geometry);
}

/**
 * What importing `raws` would do to the municipality: every imported area replaces the current one with
 * its id (or is added), and the whole result must keep the area rules. `all` includes retired areas (an
 * import can bring one back); only the current ones take part in the overlap check.
 */
export function previewImport(input: unknown, raws: readonly unknown[], all: readonly { area: Area; retired: boolean }[], boundary: AreaGeometry, sourceLabel: string): ImportPreview {
  const crs = detectCrs(input, raws);
  const areas = all.map((a) => a.area);
  const candidates = raws.map((raw) => normalise(raw, crs, areas, sourceLabel));
  const ids = new Set(candidates.map((c) => (isObject(c) && isObject(c.properties) ? c.properties.id : undefined)));
  const base = all.filter((a) => !a.retired && !ids.has(a.area.id)).map((a) => areaToFeature(a.area));
  const result = validateAreaCollection({ type: 'FeatureCollection', features: [...base, ...candidates] }, boundary);
  const errors = result.ok ? [] : result.errors;
  const items: ImportItem[] = candidates.map((c, i) => {
    const label = labelOf(raws[i], i);
    const reasons: ImportReason[] = errors
      .filter((e) => e.index === base.length + i)
      .map((e) => ({ reason: e.reason, message: e.message, ...(e.other ? { other: e.other } : {}) }));
    const geometryType = isObject(c) && isObject(c.geometry) ? c.geometry.type : undefined;
    if (geometryType !== 'Polygon' && geometryType !== 'MultiPolygon') {
      return { index: i, label, status: 'refused', reasons: [{ reason: 'not_a_polygon', message: `"${label}" is not a polygon (${String(geometryType ?? 'no geometry')})` }] };
    }
    const parsed = areaFeatureSchema.safeParse(c);
    if (reasons.length > 0 || !parsed.success) {
      return { index: i, label, status: 'refused', reasons, ...(parsed.success ? { id: parsed.data.properties.id, feature: parsed.data } : {}) };
    }
    const existing = all.find((a) => a.area.id === parsed.data.properties.id);
    const status: ImportStatus = !existing ? 'added' : !existing.retired && sameArea(parsed.data, existing.area) ? 'unchanged' : 'changed';
    return { index: i, label, status, id: parsed.data.properties.id, reasons: [], feature: parsed.data };
  });
  return { crs, items };
}
