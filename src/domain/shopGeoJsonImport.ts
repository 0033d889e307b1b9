import { normaliseHeader, parseShopCsv, type ShopImportOptions, type ShopImportPreview, type ShopImportRefusal } from './shopImport';

/**
 * The shop register's GeoJSON import: a FeatureCollection of Point features whose properties are
 * mapped exactly like CSV headers (Dutch or English names, ja/nee/yes/no/true/false/1/0 or JSON
 * booleans). Pure, like `parseShopCsv`: the features are written as CSV records and read by it, so
 * both formats share every rule (missing name, outside the municipality, duplicates, ...).
 *
 * - Row numbers: feature 1 is "row 1" (not spreadsheet numbering), so a reason points at the feature.
 * - Coordinates come from the geometry, never from properties: WGS84 [lon, lat], or RD x/y when the
 *   (legacy) `crs` names EPSG:28992. Property keys that would mean coordinates are ignored.
 * - A feature without a Point geometry has no coordinates: it becomes a bad row (missing coordinates).
 */

export type GeoJsonRefusalReason = 'not_json' | 'not_feature_collection';
export interface ShopGeoJsonRefusal {
  ok: false;
  reason: GeoJsonRefusalReason | ShopImportRefusal['reason'];
  message: string;
  column?: string;
  row?: number;
}

const MARKER = 'geojson-feature';
const COORDINATE_KEYS = new Set(['lon', 'lng', 'longitude', 'lengtegraad', 'lat', 'latitude', 'breedtegraad', 'x', 'rdx', 'xrd', 'y', 'rdy', 'yrd']);

function isRdCrs(crs: unknown): boolean {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  return typeof name === 'string' && /28992/.test(name);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function csvQuote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

interface FeatureLike {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

function pointOf(f: FeatureLike): [string, string] {
  const g = f.geometry;
  if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates)) return ['', ''];
  const [a, b] = g.coordinates as unknown[];
  return typeof a === 'number' && typeof b === 'number' ? [String(a), String(b)] : ['', ''];
}

export function parseShopGeoJson(text: string, options: ShopImportOptions): ShopImportPreview | ShopGeoJsonRefusal {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'not_json', message: 'The file is not valid JSON' };
  }
  const fc = json as { type?: unknown; features?: unknown; crs?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { ok: false, reason: 'not_feature_collection', message: 'The file is not a GeoJSON FeatureCollection' };
  }
  const features = fc.features as FeatureLike[];
  const rd = isRdCrs(fc.crs);

  // Property keys in order of first appearance, coordinates left out.
  const keys: string[] = [];
  for (const f of features) {
    for (const k of Object.keys(f?.properties ?? {})) {
      if (!keys.includes(k) && !COORDINATE_KEYS.has(normaliseHeader(k))) keys.push(k);
    }
  }
  const coordHeaders = rd ? ['x', 'y'] : ['lengtegraad', 'breedtegraad'];
  // A marker column keeps an all-empty feature from reading as an empty (skipped) line.
  const lines = [[MARKER, ...keys, ...coordHeaders].map(csvQuote).join(';')];
  for (const [i, f] of features.entries()) {
    const props = f?.properties ?? {};
    const [a, b] = pointOf(f ?? {});
    lines.push([csvQuote(String(i + 1)), ...keys.map((k) => csvQuote(cellText(props[k]))), csvQuote(a), csvQuote(b)].join(';'));
  }
  const newId = options.newId;
  const result = parseShopCsv(lines.join('\n'), { ...options, ...(newId ? { newId: (row: number) => newId(row - 1) } : {}) });
  if (!result.ok) return result.row !== undefined ? { ...result, row: result.row - 1 } : result;
  // CSV row n (header = 1) is feature n - 1; duplicates point at features too.
  return {
    ...result,
    columns: result.columns.filter((c) => c.header !== MARKER),
    ignoredColumns: result.ignoredColumns.filter((h) => h !== MARKER),
    rows: result.rows.map((r) => ({
      ...r,
      row: r.row - 1,
      errors: r.errors.map((e) => (e.duplicateOfRow !== undefined ? { ...e, duplicateOfRow: e.duplicateOfRow - 1, message: e.message.replace(/row \d+/, `row ${e.duplicateOfRow - 1}`) } : e)),
    })),
  };
}
