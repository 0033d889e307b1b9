import { area as turfArea } from '@turf/area';
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ZodError } from 'zod';
import { areaCollectionSchema, areaFeatureSchema, type AreaFeature } from './area';
import type { AreaGeometry } from './geojson';

// The rules every set of shopping-area polygons must keep, whether it comes from a file at server start
// or from the area editor saving one polygon. Pure: no DOM, no file system.

export type AreaRuleReason =
  | 'invalid_schema'
  | 'ring_not_closed'
  | 'too_few_positions'
  | 'self_intersection'
  | 'invalid_geometry'
  | 'overlap'
  | 'outside_municipality'
  | 'duplicate_id'
  | 'duplicate_name';

export interface AreaRuleError {
  /** Index of the feature in the collection; -1 for a problem with the collection itself. */
  index: number;
  /** Name (or id, or "#index") of the feature, for messages. */
  feature: string;
  reason: AreaRuleReason;
  /** English, one line, names the feature(s) and what is wrong. */
  message: string;
  /** For overlap (and duplicates): the other feature's name. */
  other?: string;
}

export type AreaValidation =
  | { ok: true; areas: AreaFeature[] }
  | { ok: false; errors: AreaRuleError[] };

/** A problem with one geometry, without the feature's name (the caller adds it). */
export interface GeometryIssue {
  reason: Extract<AreaRuleReason, 'ring_not_closed' | 'too_few_positions' | 'self_intersection' | 'invalid_geometry'>;
  message: string;
}

/** Two areas may share an edge; they overlap only when the common ground is larger than this (m²). */
export const OVERLAP_TOLERANCE_M2 = 1;
/** An area may stick out of the municipality by less than this (m²), for rounding along a shared edge. */
export const OUTSIDE_TOLERANCE_M2 = 1;

type Position = number[];
type Ring = Position[];
export type BBox = [number, number, number, number];

// ---------------------------------------------------------------------------------------------------------
// Small helpers, reused by the area editor for a single save.

/** The polygons of a geometry as lists of rings (a Polygon is one polygon). */
export function polygonsOf(geometry: AreaGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** True when the ring's first and last positions are the same. */
export function isRingClosed(ring: Ring): boolean {
  return ring.length > 0 && samePosition(ring[0], ring[ring.length - 1]);
}

/** Signed planar area of a ring in degrees² (shoelace); positive means counter-clockwise (RFC 7946 outer ring). */
export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

/** RFC 7946: outer rings counter-clockwise, holes clockwise. Not enforced by the rules (parsers must accept both). */
export function hasRfc7946Winding(geometry: AreaGeometry): boolean {
  return polygonsOf(geometry).every((rings) =>
    rings.every((ring, i) => (i === 0 ? ringSignedArea(ring) > 0 : ringSignedArea(ring) < 0)),
  );
}

function distinctPositions(ring: Ring): number {
  const seen = new Set<string>();
  for (const p of ring) seen.add(`${p[0]},${p[1]}`);
  return seen.size;
}

/** The ring without positions that repeat the one before them (the closing position stays). */
export function withoutRepeats(ring: Ring): Ring {
  return ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]));
}

function ringLabel(polygonIndex: number, ringIndex: number, multi: boolean): string {
  const ring = ringIndex === 0 ? 'outer ring' : `hole ${ringIndex}`;
  return multi ? `${ring} of polygon ${polygonIndex + 1}` : ring;
}

function fmt(p: Position | undefined): string {
  return p ? `[${p[0]}, ${p[1]}]` : '[]';
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

// ---------------------------------------------------------------------------------------------------------

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}

function round6(p: Position): Position {
  return p.map((v) => Math.round(v * 1e6) / 1e6);
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(feature)' : out;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function rawProperty(raw: unknown, key: 'id' | 'name'): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const props = (raw as { properties?: unknown }).properties;
  if (typeof props !== 'object' || props === null) return undefined;
  const v = (props as Record<string, unknown>)[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function labelOf(raw: unknown, index: number): string {
  return rawProperty(raw, 'name') ?? rawProperty(raw, 'id') ?? `#${index}`;
}

function schemaErrors(issues: ZodError['issues'], index: number, feature: string): AreaRuleError[] {
  return issues.map((issue) => ({
    index,
    feature,
    reason: 'invalid_schema' as const,
    message: oneLine(`Area "${feature}" (feature ${index}): ${formatPath(issue.path)}: ${issue.message}`),
  }));
}

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

function formatM2(m2: number): string {
  return m2 >= 10_000 ? `${(m2 / 10_000).toFixed(2)} ha` : `${Math.round(m2)} m²`;
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
