import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { polygon as turfPolygon } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import type { Polygon } from 'geojson';
import { errorText } from '../areaRuleText';
import type { AreaRuleReason } from '../areaRuleTypes';
import type { AreaGeometry } from '../geojson';
import { bboxesIntersect, overlapArea, OVERLAP_TOLERANCE_M2, type BBox } from './measure';
import { distinctPositions, fmt, isRingClosed, polygonsOf, ringLabel, round6, withoutRepeats } from './rings';

/** A problem with one geometry, without the feature's name (the caller adds it). */
export interface GeometryIssue {
  reason: Extract<AreaRuleReason, 'ring_not_closed' | 'too_few_positions' | 'self_intersection' | 'invalid_geometry'>;
  message: string;
}

/**
 * Checks one area geometry on its own: every ring closed, at least 4 positions and 3 distinct ones, no
 * self-intersection (@turf/kinks, which also finds a hole crossing its outer ring), holes inside their outer
 * ring, and the parts of a MultiPolygon not overlapping each other. Returns no issues when the geometry is
 * fit for the area rules.
 */
export function checkAreaGeometry(geometry: AreaGeometry): GeometryIssue[] {
  const issues: GeometryIssue[] = [];
  const polygons = polygonsOf(geometry);
  const multi = geometry.type === 'MultiPolygon';
  let ringsOk = true;

  polygons.forEach((rings, pi) => {
    rings.forEach((ring, ri) => {
      const label = ringLabel(pi, ri, multi);
      if (ring.length < 4) {
        issues.push({ reason: 'too_few_positions', message: `${label} has ${ring.length} positions; a ring needs at least 4 (the first repeated at the end)` });
        ringsOk = false;
        return;
      }
      if (!isRingClosed(ring)) {
        issues.push({
          reason: 'ring_not_closed',
          message: `${label} is not closed: it starts at ${fmt(ring[0])} but ends at ${fmt(ring[ring.length - 1])}`,
        });
        ringsOk = false;
        return;
      }
      if (distinctPositions(ring) < 3) {
        issues.push({ reason: 'too_few_positions', message: `${label} has fewer than 3 distinct positions, so it encloses nothing` });
        ringsOk = false;
      }
    });
  });
  if (!ringsOk) return issues;

  polygons.forEach((rings, pi) => {
    const where = multi ? ` in polygon ${pi + 1}` : '';
    let crossings: ReturnType<typeof kinks>;
    try {
      // A repeated consecutive position is harmless in GeoJSON, but @turf/kinks reports it as a crossing.
      crossings = kinks(turfPolygon(rings.map(withoutRepeats)));
    } catch (e) {
      issues.push({ reason: 'invalid_geometry', message: `the shape${where} cannot be read: ${errorText(e)}` });
      return;
    }
    if (crossings.features.length > 0) {
      const first = crossings.features[0]!.geometry.coordinates;
      issues.push({
        reason: 'self_intersection',
        message: `the outline${where} crosses itself (${crossings.features.length} crossing${crossings.features.length === 1 ? '' : 's'}, first near ${fmt(round6(first))})`,
      });
      return;
    }
    const outer = turfPolygon([rings[0]!]);
    rings.slice(1).forEach((hole, hi) => {
      const outside = hole.find((p) => !booleanPointInPolygon(p, outer));
      if (outside) {
        issues.push({
          reason: 'invalid_geometry',
          message: `hole ${hi + 1}${where} is not inside its outer ring (position ${fmt(outside)} is outside)`,
        });
      }
    });
  });

  if (multi && issues.length === 0) {
    for (let i = 0; i < polygons.length; i++) {
      for (let j = i + 1; j < polygons.length; j++) {
        const a: Polygon = { type: 'Polygon', coordinates: polygons[i]! };
        const b: Polygon = { type: 'Polygon', coordinates: polygons[j]! };
        if (!bboxesIntersect(turfBbox(a) as BBox, turfBbox(b) as BBox)) continue;
        const shared = overlapArea(a, b);
        if (shared > OVERLAP_TOLERANCE_M2) {
          issues.push({
            reason: 'invalid_geometry',
            message: `polygons ${i + 1} and ${j + 1} of the MultiPolygon overlap by ${Math.round(shared)} m²`,
          });
        }
      }
    }
  }
  return issues;
}
