import type { AreaGeometry } from '../geojson';

// Rings and positions of an area geometry, reused by the area editor for a single save.

export type Position = number[];
export type Ring = Position[];

/** The polygons of a geometry as lists of rings (a Polygon is one polygon). */
export function polygonsOf(geometry: AreaGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function samePosition(a: Position | undefined, b: Position | undefined): boolean {
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

export function distinctPositions(ring: Ring): number {
  const seen = new Set<string>();
  for (const p of ring) seen.add(`${p[0]},${p[1]}`);
  return seen.size;
}

/** The ring without positions that repeat the one before them (the closing position stays). */
export function withoutRepeats(ring: Ring): Ring {
  return ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]));
}

export function ringLabel(polygonIndex: number, ringIndex: number, multi: boolean): string {
  const ring = ringIndex === 0 ? 'outer ring' : `hole ${ringIndex}`;
  return multi ? `${ring} of polygon ${polygonIndex + 1}` : ring;
}

export function fmt(p: Position | undefined): string {
  return p ? `[${p[0]}, ${p[1]}]` : '[]';
}

export function round6(p: Position): Position {
  return p.map((v) => Math.round(v * 1e6) / 1e6);
}
