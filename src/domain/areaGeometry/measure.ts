import { area as turfArea } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry } from '../geojson';
import { fmt, polygonsOf } from './rings';

// Areas in m², overlaps and the municipality boundary (geodesic, through turf).

export type BBox = [number, number, number, number];

/** Two areas may share an edge; they overlap only when the common ground is larger than this (m²). */
export const OVERLAP_TOLERANCE_M2 = 1;
/** An area may stick out of the municipality by less than this (m²), for rounding along a shared edge. */
export const OUTSIDE_TOLERANCE_M2 = 1;

/** True when two [minLon, minLat, maxLon, maxLat] boxes touch or overlap. */
export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function asFeature(g: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: g };
}

/** Area in m² of the ground two (valid) geometries have in common; 0 when they are apart or only touch. */
export function overlapArea(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const common = intersect(featureCollection([asFeature(a), asFeature(b)]));
  return common ? turfArea(common) : 0;
}

/** Area in m² (geodesic, as @turf/area computes it). */
export function geometryArea(g: Polygon | MultiPolygon): number {
  return turfArea(g);
}

/**
 * Whether a (valid) area geometry lies within the municipality boundary. Every vertex must be inside (a
 * vertex on the boundary counts as inside), and no edge may leave the boundary between two vertices: the part
 * of the area outside the boundary must be smaller than OUTSIDE_TOLERANCE_M2. Returns a message, or null.
 */
export function checkInsideBoundary(geometry: AreaGeometry, boundary: AreaGeometry): string | null {
  for (const rings of polygonsOf(geometry)) {
    for (const p of rings[0] ?? []) {
      if (!booleanPointInPolygon(p, boundary)) return `lies outside the municipality boundary (vertex ${fmt(p)} is outside)`;
    }
  }
  const own = turfArea(geometry);
  const inside = overlapArea(geometry, boundary);
  const outside = own - inside;
  if (outside > OUTSIDE_TOLERANCE_M2) {
    return `crosses the municipality boundary (${Math.round(outside)} m² lies outside)`;
  }
  return null;
}
