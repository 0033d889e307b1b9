import { area as turfArea } from '@turf/area';
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { checkAreaGeometry, polygonsOf } from './areaRules';
import type { AreaGeometry, LonLat, PointGeometry } from './geojson';

// Editing results for the area editor: split an area by a line, merge two touching areas, cut a hole.
// Pure functions; each returns the new geometry (or geometries), or a refusal with a reason code. The
// results still go through validateAreaChange before a save (overlap, boundary), like any other shape.

export type EditRefusal =
  | 'invalid_geometry'
  | 'line_too_short'
  | 'line_does_not_cross'
  | 'split_not_in_two'
  | 'not_touching'
  | 'same_area'
  | 'hole_not_inside'
  | 'hole_too_big';

export type EditResult<T> = { ok: true; value: T } | { ok: false; reason: EditRefusal; message: string };

type Position = number[];

function refuse<T>(reason: EditRefusal, message: string): EditResult<T> {
  return { ok: false, reason, message };
}

function feature(g: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: g };
}

/** Round to 7 decimals (about 1 cm), closing rings again; the clipping library leaves float noise. */
export function tidyGeometry(g: Polygon | MultiPolygon): AreaGeometry {
  const r = (v: number) => Math.round(v * 1e7) / 1e7;
  const ring = (positions: Position[]) => {
    const out = positions.map((p) => [r(p[0]!), r(p[1]!)] as LonLat);
    const dedup = out.filter((p, i) => i === 0 || p[0] !== out[i - 1]![0] || p[1] !== out[i - 1]![1]);
    return dedup;
  };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((rings) => rings.map(ring)) };
}

function geometryProblem(g: AreaGeometry): string | null {
  const issues = checkAreaGeometry(g);
  return issues.length > 0 ? issues.map((i) => i.message).join('; ') : null;
}

/** The polygons of a (Multi)Polygon result as separate Polygon geometries. */
function parts(g: Polygon | MultiPolygon): Polygon[] {
  return g.type === 'Polygon' ? [g] : g.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
}

/** Where the ray from `from` through `to` leaves the box [minX, minY, maxX, maxY] (from `to` onwards). */
function exitPoint(from: Position, to: Position, box: [number, number, number, number]): Position {
  const dx = to[0]! - from[0]!;
  const dy = to[1]! - from[1]!;
  let t = Infinity;
  if (dx > 0) t = Math.min(t, (box[2] - to[0]!) / dx);
  if (dx < 0) t = Math.min(t, (box[0] - to[0]!) / dx);
  if (dy > 0) t = Math.min(t, (box[3] - to[1]!) / dy);
  if (dy < 0) t = Math.min(t, (box[1] - to[1]!) / dy);
  return [to[0]! + dx * t, to[1]! + dy * t];
}

/** Position along the box outline, counter-clockwise from the south-west corner, 0 ≤ s < 4. */
function perimeterParam(p: Position, box: [number, number, number, number]): number {
  const [x0, y0, x1, y1] = box;
  const e = 1e-12;
  if (Math.abs(p[1]! - y0) < e) return (p[0]! - x0) / (x1 - x0); // south, going east
  if (Math.abs(p[0]! - x1) < e) return 1 + (p[1]! - y0) / (y1 - y0); // east, going north
  if (Math.abs(p[1]! - y1) < e) return 2 + (x1 - p[0]!) / (x1 - x0); // north, going west
  return 3 + (y1 - p[1]!) / (y1 - y0); // west, going south
}

/**
 * Split an area along a line (a polyline drawn across it, both ends outside the area). The line is
 * extended to a box around everything and closed along the box on one side, so the two halves share the
 * cut exactly. Refused when the line does not cross the area or does not leave exactly two pieces.
 */
export function splitArea(geometry: AreaGeometry, line: readonly Position[]): EditResult<[AreaGeometry, AreaGeometry]> {
  const problem = geometryProblem(geometry);
  if (problem) return refuse('invalid_geometry', `the area's shape is not valid: ${problem}`);
  if (line.length < 2) return refuse('line_too_short', 'a split line needs at least two points');
  const [a0, a1, b0, b1] = turfBbox(geometry);
  const lineBox = turfBbox({ type: 'LineString', coordinates: line as Position[] });
  const pad = Math.max(a1 - a0, b1 - b0, 0.001);
  const box: [number, number, number, number] = [
    Math.min(a0, lineBox[0]) - pad,
    Math.min(a1, lineBox[1]) - pad,
    Math.max(b0, lineBox[2]) + pad,
    Math.max(b1, lineBox[3]) + pad,
  ];
  const start = exitPoint(line[1]!, line[0]!, box);
  const end = exitPoint(line[line.length - 2]!, line[line.length - 1]!, box);
  const sStart = perimeterParam(start, box);
  const sEnd = perimeterParam(end, box);
  const corners: [number, Position][] = [
    [1, [box[2], box[1]]],
    [2, [box[2], box[3]]],
    [3, [box[0], box[3]]],
    [4, [box[0], box[1]]],
  ];
  // From the line's end, walk the box counter-clockwise back to its start.
  const walk: Position[] = [];
  const span = (sStart - sEnd + 4) % 4;
  for (const [s, c] of [...corners, ...corners.map(([s2, c2]) => [s2 + 4, c2] as [number, Position])]) {
    const rel = s - sEnd;
    if (rel > 0 && rel < span) walk.push(c);
  }
  const ring = [start, ...line.map((p) => [p[0]!, p[1]!]), end, ...walk, start];
  const cutter: Polygon = { type: 'Polygon', coordinates: [ring] };
  let left: Feature<Polygon | MultiPolygon> | null;
  let right: Feature<Polygon | MultiPolygon> | null;
  try {
    left = intersect(featureCollection([feature(geometry), feature(cutter)]));
    right = difference(featureCollection([feature(geometry), feature(cutter)]));
  } catch (e) {
    return refuse('invalid_geometry', `the split line cannot be used: ${e instanceof Error ? e.message : String(e)}`);
  }
  const total = turfArea(geometry);
  const smallest = Math.max(1, total * 1e-6);
  if (!left || !right || turfArea(left) < smallest || turfArea(right) < smallest) {
    return refuse('line_does_not_cross', 'the line does not cross the area from one side to the other');
  }
  const halves = [tidyGeometry(left.geometry), tidyGeometry(right.geometry)] as [AreaGeometry, AreaGeometry];
  if (halves.some((h) => parts(h as Polygon | MultiPolygon).length !== 1 && geometry.type === 'Polygon')) {
    return refuse('split_not_in_two', 'the line cuts the area into more than two pieces; draw one line across it');
  }
  for (const h of halves) {
    const p = geometryProblem(h);
    if (p) return refuse('invalid_geometry', `a piece after the split is not valid: ${p}`);
  }
  return { ok: true, value: halves };
}

/**
 * Merge two areas that share an edge into one. Refused when they are the same shape or touch nowhere (or
 * only at a corner): the result must be one polygon.
 */
export function mergeAreas(a: AreaGeometry, b: AreaGeometry): EditResult<AreaGeometry> {
  for (const g of [a, b]) {
    const problem = geometryProblem(g);
    if (problem) return refuse('invalid_geometry', `a shape is not valid: ${problem}`);
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return refuse('same_area', 'an area cannot be merged with itself');
  let merged: Feature<Polygon | MultiPolygon> | null;
  try {
    merged = union(featureCollection([feature(a), feature(b)]));
  } catch (e) {
    return refuse('invalid_geometry', `the areas cannot be merged: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!merged) return refuse('invalid_geometry', 'the merge left nothing');
  const expected = polygonsOf(a).length + polygonsOf(b).length;
  const got = parts(merged.geometry).length;
  if (got >= expected) return refuse('not_touching', 'the two areas do not share an edge');
  const out = tidyGeometry(merged.geometry);
  const p = geometryProblem(out);
  if (p) return refuse('invalid_geometry', `the merged shape is not valid: ${p}`);
  return { ok: true, value: out };
}

/** Cut a hole (a closed ring) out of an area. The hole must lie wholly inside the area and not fill it. */
export function cutHole(geometry: AreaGeometry, hole: readonly Position[]): EditResult<AreaGeometry> {
  const problem = geometryProblem(geometry);
  if (problem) return refuse('invalid_geometry', `the area's shape is not valid: ${problem}`);
  const holeGeom: AreaGeometry = { type: 'Polygon', coordinates: [hole.map((p) => [p[0]!, p[1]!] as LonLat)] };
  const holeProblem = geometryProblem(holeGeom);
  if (holeProblem) return refuse('invalid_geometry', `the hole is not valid: ${holeProblem}`);
  if (!hole.every((p) => booleanPointInPolygon([p[0]!, p[1]!], geometry, { ignoreBoundary: true }))) {
    return refuse('hole_not_inside', 'the hole must lie wholly inside the area');
  }
  let rest: Feature<Polygon | MultiPolygon> | null;
  try {
    rest = difference(featureCollection([feature(geometry), feature(holeGeom)]));
  } catch (e) {
    return refuse('invalid_geometry', `the hole cannot be cut: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!rest || turfArea(rest) < 1) return refuse('hole_too_big', 'the hole would leave nothing of the area');
  // A hole that touches nothing leaves one piece; one that reaches the edge from inside cuts it open.
  if (parts(rest.geometry).length !== polygonsOf(geometry).length) return refuse('hole_not_inside', 'the hole must lie wholly inside the area');
  const out = tidyGeometry(rest.geometry);
  const p = geometryProblem(out);
  if (p) return refuse('invalid_geometry', `the shape with the hole is not valid: ${p}`);
  return { ok: true, value: out };
}

export interface ShopsMoved<T> {
  /** Shops inside the new shape but not the old one. */
  in: T[];
  /** Shops inside the old shape but not the new one. */
  out: T[];
}

function inside(point: PointGeometry | LonLat, g: AreaGeometry | null): boolean {
  if (!g) return false;
  const c = Array.isArray(point) ? point : point.coordinates;
  return booleanPointInPolygon([c[0], c[1]], g, { ignoreBoundary: false });
}

/**
 * Which shops an edit moves into or out of the area (a boundary counts as inside, as in areaIndex). Either
 * geometry may be null: a new area (no old shape) or a retired one (no new shape).
 */
export function shopsMovedByEdit<T extends { point: PointGeometry | LonLat }>(
  oldGeometry: AreaGeometry | null,
  newGeometry: AreaGeometry | null,
  shops: readonly T[],
): ShopsMoved<T> {
  const moved: ShopsMoved<T> = { in: [], out: [] };
  for (const shop of shops) {
    const was = inside(shop.point, oldGeometry);
    const is = inside(shop.point, newGeometry);
    if (is && !was) moved.in.push(shop);
    else if (was && !is) moved.out.push(shop);
  }
  return moved;
}

/** "+3, −1" (a real minus sign); "±0" when nothing moves. */
export function formatMoved(moved: { in: readonly unknown[]; out: readonly unknown[] }): string {
  if (moved.in.length === 0 && moved.out.length === 0) return '±0';
  return `+${moved.in.length}, −${moved.out.length}`;
}
