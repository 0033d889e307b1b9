import { bbox as turfBbox } from '@turf/bbox';
import { areaCollectionSchema, areaFeatureSchema, type AreaFeature } from './area';
import type { AreaGeometry } from './geojson';
import { checkAreaGeometry } from './areaGeometry/check';
import { bboxesIntersect, checkInsideBoundary, overlapArea, OVERLAP_TOLERANCE_M2, type BBox } from './areaGeometry/measure';
import { errorText, formatM2, formatPath, labelOf, oneLine, rawProperty, schemaErrors } from './areaRuleText';
import type { AreaRuleError, AreaValidation } from './areaRuleTypes';

// The rules every set of shopping-area polygons must keep, whether it comes from a file at server start
// or from the area editor saving one polygon. Pure: no DOM, no file system. One geometry on its own is
// checked in areaGeometry/check, rings in areaGeometry/rings, areas and overlaps in areaGeometry/measure.

export type { AreaRuleError, AreaRuleReason, AreaValidation } from './areaRuleTypes';
export { checkAreaGeometry, type GeometryIssue } from './areaGeometry/check';
export {
  bboxesIntersect,
  checkInsideBoundary,
  geometryArea,
  overlapArea,
  OUTSIDE_TOLERANCE_M2,
  OVERLAP_TOLERANCE_M2,
  type BBox,
} from './areaGeometry/measure';
export { hasRfc7946Winding, isRingClosed, polygonsOf, ringSignedArea, withoutRepeats } from './areaGeometry/rings';

/**
 * Validates a GeoJSON FeatureCollection of shopping areas against the area rules, and collects every
 * problem: schema (areaFeatureSchema), ring closed, at least 4 positions, no self-intersection, no two areas
 * overlapping (a shared edge is fine), every area inside the municipality boundary, unique ids, and names
 * unique regardless of case. Ok only when there is no error at all.
 */
export function validateAreaCollection(input: unknown, boundary: AreaGeometry): AreaValidation {
  const collection = areaCollectionSchema.safeParse(input);
  if (!collection.success) {
    return {
      ok: false,
      errors: collection.error.issues.map((issue) => ({
        index: -1,
        feature: 'collection',
        reason: 'invalid_schema' as const,
        message: oneLine(`The area file is not a GeoJSON FeatureCollection: ${formatPath(issue.path)}: ${issue.message}`),
      })),
    };
  }

  const errors: AreaRuleError[] = [];
  const raws = collection.data.features;
  const parsed: (AreaFeature | null)[] = [];
  const usable: boolean[] = [];
  const labels = raws.map((raw, i) => labelOf(raw, i));

  raws.forEach((raw, index) => {
    const feature = labels[index]!;
    const result = areaFeatureSchema.safeParse(raw);
    if (!result.success) {
      errors.push(...schemaErrors(result.error.issues, index, feature));
      parsed.push(null);
      usable.push(false);
      return;
    }
    parsed.push(result.data);
    const issues = checkAreaGeometry(result.data.geometry);
    for (const issue of issues) {
      errors.push({ index, feature, reason: issue.reason, message: oneLine(`Area "${feature}": ${issue.message}`) });
    }
    usable.push(issues.length === 0);
  });

  // Unique ids, and names unique regardless of case. Raw values count too, so a feature with a schema error
  // elsewhere still reports its duplicate.
  const firstById = new Map<string, number>();
  const firstByName = new Map<string, number>();
  raws.forEach((raw, index) => {
    const feature = labels[index]!;
    const id = rawProperty(raw, 'id');
    if (id !== undefined) {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, index);
      else {
        errors.push({
          index,
          feature,
          reason: 'duplicate_id',
          other: labels[first],
          message: oneLine(`Area "${feature}" has id "${id}", which area "${labels[first]}" (feature ${first}) already has`),
        });
      }
    }
    const name = rawProperty(raw, 'name');
    if (name !== undefined) {
      const key = name.toLocaleLowerCase('en');
      const first = firstByName.get(key);
      if (first === undefined) firstByName.set(key, index);
      else {
        errors.push({
          index,
          feature,
          reason: 'duplicate_name',
          other: labels[first],
          message: oneLine(`Area "${feature}" (feature ${index}) has the same name as area "${labels[first]}" (feature ${first}); names must be unique`),
        });
      }
    }
  });

  // Inside the municipality.
  const boxes: (BBox | null)[] = parsed.map((f, i) => (f && usable[i] ? (turfBbox(f.geometry) as BBox) : null));
  parsed.forEach((f, index) => {
    if (!f || !usable[index]) return;
    const feature = labels[index]!;
    let problem: string | null;
    try {
      problem = checkInsideBoundary(f.geometry, boundary);
    } catch (e) {
      errors.push({ index, feature, reason: 'invalid_geometry', message: oneLine(`Area "${feature}": the shape cannot be compared with the municipality boundary: ${errorText(e)}`) });
      usable[index] = false;
      return;
    }
    if (problem) errors.push({ index, feature, reason: 'outside_municipality', message: oneLine(`Area "${feature}" ${problem}`) });
  });

  // No two areas overlap; sharing an edge or a point is fine.
  for (let j = 0; j < parsed.length; j++) {
    const b = parsed[j];
    const bb = boxes[j];
    if (!b || !bb || !usable[j]) continue;
    for (let i = 0; i < j; i++) {
      const a = parsed[i];
      const ab = boxes[i];
      if (!a || !ab || !usable[i] || !bboxesIntersect(ab, bb)) continue;
      let shared: number;
      try {
        shared = overlapArea(a.geometry, b.geometry);
      } catch (e) {
        errors.push({
          index: j,
          feature: labels[j]!,
          reason: 'invalid_geometry',
          other: labels[i],
          message: oneLine(`Areas "${labels[i]}" and "${labels[j]}" cannot be compared: ${errorText(e)}`),
        });
        continue;
      }
      if (shared > OVERLAP_TOLERANCE_M2) {
        errors.push({
          index: j,
          feature: labels[j]!,
          reason: 'overlap',
          other: labels[i],
          message: oneLine(
            `Areas "${labels[i]}" and "${labels[j]}" overlap by ${formatM2(shared)}; areas may share an edge but not cover the same ground`,
          ),
        });
      }
    }
  }

  if (errors.length > 0) {
    errors.sort((x, y) => x.index - y.index);
    return { ok: false, errors };
  }
  return { ok: true, areas: parsed as AreaFeature[] };
}

/**
 * The same rules for one save in the area editor: `candidate` replaces the area with the same id in
 * `others` (or is added). Returns only the errors about the candidate (its own shape, and its clashes with
 * the other areas), so a problem elsewhere in the collection does not block this save.
 */
export function validateAreaChange(candidate: unknown, others: readonly AreaFeature[], boundary: AreaGeometry): AreaValidation {
  const id = rawProperty(candidate, 'id');
  const rest = others.filter((o) => o.properties.id !== id);
  const result = validateAreaCollection({ type: 'FeatureCollection', features: [...rest, candidate] }, boundary);
  const index = rest.length;
  if (result.ok) return { ok: true, areas: [result.areas[index]!] };
  const own = result.errors.filter((e) => e.index === index).map((e) => ({ ...e, index: 0 }));
  if (own.length > 0) return { ok: false, errors: own };
  const parsed = areaFeatureSchema.safeParse(candidate);
  return parsed.success ? { ok: true, areas: [parsed.data] } : { ok: false, errors: schemaErrors(parsed.error.issues, 0, labelOf(candidate, 0)) };
}
