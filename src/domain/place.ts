/**
 * Whether a point lies in a municipality, or near enough to it (issue 12, defect 7): a finding is
 * pinned by GPS or a tap, so one just over the border (a shop on the boundary road, GPS drift) is
 * fine, and one in Tokyo is an error or an attack that would be counted in the summaries. Pure.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AreaGeometry, LonLat } from './geojson';

/** How far outside its municipality's boundary a finding may lie. */
export const MUNICIPALITY_TOLERANCE_M = 2000;

const EARTH_M_PER_DEG = 111_320;

/** Metres from a point to the nearest boundary edge (0 inside), in a local flat projection: good to a few metres over kilometres. */
export function distanceToBoundaryM(point: LonLat, boundary: AreaGeometry): number {
  const [lon, lat] = point;
  if (booleanPointInPolygon([lon, lat], boundary, { ignoreBoundary: false })) return 0;
  const kx = EARTH_M_PER_DEG * Math.cos((lat * Math.PI) / 180);
  const ky = EARTH_M_PER_DEG;
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1]![0] - lon) * kx;
        const ay = (ring[i - 1]![1] - lat) * ky;
        const bx = (ring[i]![0] - lon) * kx;
        const by = (ring[i]![1] - lat) * ky;
        best = Math.min(best, segmentDistance(ax, ay, bx, by));
      }
    }
  }
  return best;
}

/** Distance from the origin to the segment a-b. */
function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

export function isNearMunicipality(point: LonLat, boundary: AreaGeometry, toleranceM = MUNICIPALITY_TOLERANCE_M): boolean {
  return distanceToBoundaryM(point, boundary) <= toleranceM;
}
