import { labelOf } from './importAreas';

/** Most vertices (positions) one import may hold, over all its features: checking overlaps grows fast with it. */
export const MAX_IMPORT_VERTICES = 20_000;
/**
 * Most vertices one area may have when it is saved or created in the editor. That check runs on the
 * request's own thread inside the write's transaction (against the current areas), so it is bounded here:
 * about 0.3 s at 5,000 vertices, 2.6 s at 20,000. Real shopping areas have tens of vertices.
 */
export const MAX_AREA_VERTICES = 5_000;
/** Longest the geometry check of one import may take before it is stopped (ms). */
export const IMPORT_CHECK_TIMEOUT_MS = 10_000;

function countPositions(coords: unknown, depth = 0): number {
  // GeoJSON nests at most four deep (MultiPolygon); deeper is not geometry, and the body guard limits depth anyway.
  if (!Array.isArray(coords) || depth > 4) return 0;
  if (typeof coords[0] === 'number') return 1;
  let n = 0;
  for (const c of coords) n += countPositions(c, depth + 1);
  return n;
}

function verticesOf(feature: unknown): number {
  if (typeof feature !== 'object' || feature === null) return 0;
  const g = (feature as { geometry?: unknown }).geometry;
  return typeof g === 'object' && g !== null ? countPositions((g as { coordinates?: unknown }).coordinates) : 0;
}

/**
 * A refusal message when the import has more vertices than MAX_IMPORT_VERTICES, naming its largest
 * feature and that feature's count; null when it is within the limit. Cheap: counts, no geometry.
 */
export function vertexLimitRefusal(features: readonly unknown[]): string | null {
  let total = 0;
  let largest = { index: 0, count: -1 };
  features.forEach((f, index) => {
    const count = verticesOf(f);
    total += count;
    if (count > largest.count) largest = { index, count };
  });
  if (total <= MAX_IMPORT_VERTICES) return null;
  const label = labelOf(features[largest.index], largest.index);
  const fmt = (n: number) => n.toLocaleString('en-US');
  return `"${label}" has ${fmt(largest.count)} vertices (the import ${fmt(total)}); an import may have at most ${fmt(MAX_IMPORT_VERTICES)}. Simplify the shapes (for example in QGIS: Vector > Geometry Tools > Simplify) and import again.`;
}

/** A refusal message when one area's geometry has more than MAX_AREA_VERTICES vertices; null when within it. */
export function areaVertexRefusal(geometry: unknown): string | null {
  const count = typeof geometry === 'object' && geometry !== null ? countPositions((geometry as { coordinates?: unknown }).coordinates) : 0;
  if (count <= MAX_AREA_VERTICES) return null;
  const fmt = (n: number) => n.toLocaleString('en-US');
  return `The outline has ${fmt(count)} vertices; an area may have at most ${fmt(MAX_AREA_VERTICES)}. Simplify the shape and save again.`;
}
