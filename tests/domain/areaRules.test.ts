import { describe, it, expect } from 'vitest';
import {
  checkAreaGeometry,
  checkInsideBoundary,
  hasRfc7946Winding,
  overlapArea,
  validateAreaChange,
  validateAreaCollection,
  type AreaRuleReason,
} from '../../src/domain/areaRules';
import type { AreaFeature } from '../../src/domain/area';
import type { AreaGeometry } from '../../src/domain/geojson';

// A square "municipality" of about 1.4 km around (6.16, 52.25), and areas of about 70 x 110 m inside it.
const boundary: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [6.15, 52.245],
      [6.17, 52.245],
      [6.17, 52.255],
      [6.15, 52.255],
      [6.15, 52.245],
    ],
  ],
};

type Pos = [number, number];
const box = (x0: number, y0: number, x1: number, y1: number): Pos[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (...rings: Pos[][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });

function area(id: string, name: string, geometry: unknown, extra: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    properties: { id, name, kind: 'street', kvoStatus: 'participating', source: 'test', approximate: true, ...extra },
    geometry,
  };
}
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

const west = () => area('west', 'West', poly(box(6.155, 52.248, 6.156, 52.249)));
const east = () => area('east', 'East', poly(box(6.16, 52.248, 6.161, 52.249)));

interface Case {
  name: string;
  input: unknown;
  ok: boolean;
  reasons?: AreaRuleReason[];
  /** Every string must appear in one error message. */
  mentions?: string[];
}

const cases: Case[] = [
  { name: 'two valid areas', input: fc(west(), east()), ok: true },
  {
    name: 'open ring',
    input: fc(area('open', 'Open', poly([[6.155, 52.248], [6.156, 52.248], [6.156, 52.249], [6.155, 52.249]]))),
    ok: false,
    reasons: ['ring_not_closed'],
    mentions: ['"Open"', 'not closed'],
  },
  {
    name: 'self-intersecting bow-tie',
    input: fc(area('bow', 'Bow tie', poly([[6.155, 52.248], [6.156, 52.249], [6.156, 52.248], [6.155, 52.249], [6.155, 52.248]]))),
    ok: false,
    reasons: ['self_intersection'],
    mentions: ['"Bow tie"', 'crosses itself'],
  },
  {
    name: 'a repeated consecutive vertex is not a crossing',
    input: fc(area('rep', 'Repeated', poly([[6.155, 52.248], [6.156, 52.248], [6.156, 52.248], [6.156, 52.249], [6.155, 52.249], [6.155, 52.248]]))),
    ok: true,
  },
  {
    name: 'overlap is refused with both names',
    input: fc(west(), area('over', 'Overlapper', poly(box(6.1555, 52.2485, 6.157, 52.2495)))),
    ok: false,
    reasons: ['overlap'],
    mentions: ['"West"', '"Overlapper"', 'overlap'],
  },
  {
    name: 'shared edge is allowed',
    input: fc(west(), area('next', 'Next door', poly(box(6.156, 52.248, 6.157, 52.249)))),
    ok: true,
  },
  {
    name: 'touching at one corner is allowed',
    input: fc(west(), area('corner', 'Corner', poly(box(6.156, 52.249, 6.157, 52.25)))),
    ok: true,
  },
  {
    name: 'polygon with a hole (clockwise hole inside)',
    input: fc(
      area('ring', 'Ring', poly(box(6.155, 52.248, 6.158, 52.25), [
        [6.156, 52.2485],
        [6.156, 52.2495],
        [6.157, 52.2495],
        [6.157, 52.2485],
        [6.156, 52.2485],
      ])),
      // An area inside the hole does not overlap the ring.
      area('inner', 'Inner', poly(box(6.1562, 52.2487, 6.1568, 52.2493))),
    ),
    ok: true,
  },
  {
    name: 'hole outside its outer ring',
    input: fc(area('leaky', 'Leaky', poly(box(6.155, 52.248, 6.156, 52.249), box(6.158, 52.248, 6.159, 52.249).reverse()))),
    ok: false,
    reasons: ['invalid_geometry'],
    mentions: ['"Leaky"', 'hole 1'],
  },
  {
    name: 'multipolygon',
    input: fc(
      area('multi', 'Multi', { type: 'MultiPolygon', coordinates: [[box(6.155, 52.248, 6.156, 52.249)], [box(6.158, 52.248, 6.159, 52.249)]] }),
      east(),
    ),
    ok: true,
  },
  {
    name: 'multipolygon part overlapping another area',
    input: fc(
      area('multi', 'Multi', { type: 'MultiPolygon', coordinates: [[box(6.155, 52.248, 6.156, 52.249)], [box(6.1605, 52.2485, 6.162, 52.2495)]] }),
      east(),
    ),
    ok: false,
    reasons: ['overlap'],
    mentions: ['"Multi"', '"East"'],
  },
  {
    name: 'outside the boundary',
    input: fc(area('far', 'Far away', poly(box(6.2, 52.3, 6.201, 52.301)))),
    ok: false,
    reasons: ['outside_municipality'],
    mentions: ['"Far away"', 'outside the municipality'],
  },
  {
    name: 'sticking out of the boundary',
    input: fc(area('edge', 'On the edge', poly(box(6.169, 52.25, 6.171, 52.251)))),
    ok: false,
    reasons: ['outside_municipality'],
    mentions: ['"On the edge"'],
  },
  {
    name: 'duplicate id',
    input: fc(west(), area('west', 'Another', poly(box(6.16, 52.248, 6.161, 52.249)))),
    ok: false,
    reasons: ['duplicate_id'],
    mentions: ['"Another"', '"west"', '"West"'],
  },
  {
    name: 'duplicate name, case-insensitive',
    input: fc(west(), area('west-2', 'WEST', poly(box(6.16, 52.248, 6.161, 52.249)))),
    ok: false,
    reasons: ['duplicate_name'],
    mentions: ['"WEST"', '"West"'],
  },
  {
    name: 'latitude of 91 is a schema error with its path',
    input: fc(area('high', 'Too far north', poly([[6.155, 52.248], [6.156, 52.248], [6.156, 91], [6.155, 52.248]]))),
    ok: false,
    reasons: ['invalid_schema'],
    mentions: ['"Too far north"', 'geometry.coordinates[0][2][1]'],
  },
  {
    name: 'NaN coordinate is a schema error',
    input: fc(area('nan', 'Not a number', poly([[6.155, 52.248], [Number.NaN, 52.248], [6.156, 52.249], [6.155, 52.248]]))),
    ok: false,
    reasons: ['invalid_schema'],
    mentions: ['"Not a number"', 'geometry.coordinates[0][1][0]'],
  },
  {
    name: 'unknown kind is a schema error naming the field',
    input: fc(area('k', 'Kind of wrong', poly(box(6.155, 52.248, 6.156, 52.249)), { kind: 'mall' })),
    ok: false,
    reasons: ['invalid_schema'],
    mentions: ['properties.kind'],
  },
  {
    name: 'ring of 3 positions is a schema error',
    input: fc(area('tri', 'Too short', poly([[6.155, 52.248], [6.156, 52.248], [6.155, 52.248]] as Pos[]))),
    ok: false,
    reasons: ['invalid_schema'],
    mentions: ['geometry.coordinates[0]'],
  },
  {
    name: 'not a FeatureCollection',
    input: { type: 'Feature', features: [] },
    ok: false,
    reasons: ['invalid_schema'],
    mentions: ['not a GeoJSON FeatureCollection'],
  },
];

describe('validateAreaCollection', () => {
  it.each(cases)('$name', ({ input, ok, reasons, mentions }) => {
    const result = validateAreaCollection(input, boundary);
    expect(result.ok).toBe(ok);
    if (result.ok) {
      expect(result.areas.length).toBe((input as { features: unknown[] }).features.length);
      return;
    }
    const got = [...new Set(result.errors.map((e) => e.reason))].sort();
    expect(got).toEqual([...(reasons ?? [])].sort());
    for (const e of result.errors) {
      expect(e.message).not.toMatch(/\n/);
      expect(e.message.length).toBeGreaterThan(10);
    }
    for (const m of mentions ?? []) {
      expect(result.errors.some((e) => e.message.includes(m)), `an error mentions ${m}: ${JSON.stringify(result.errors)}`).toBe(true);
    }
  });

  it('collects all errors, not only the first', () => {
    const result = validateAreaCollection(
      fc(
        west(),
        area('west', 'west', poly(box(6.1555, 52.2485, 6.157, 52.2495))), // duplicate id, duplicate name, overlap
        area('far', 'Far', poly(box(6.2, 52.3, 6.201, 52.301))),
        area('high', 'High', poly([[6.155, 52.248], [6.156, 52.248], [6.156, 91], [6.155, 52.248]])),
      ),
      boundary,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(new Set(result.errors.map((e) => e.reason))).toEqual(
      new Set(['duplicate_id', 'duplicate_name', 'overlap', 'outside_municipality', 'invalid_schema']),
    );
    const overlap = result.errors.find((e) => e.reason === 'overlap');
    expect(overlap?.index).toBe(1);
    expect(overlap?.other).toBe('West');
    expect(result.errors.map((e) => e.index)).toEqual([...result.errors.map((e) => e.index)].sort((a, b) => a - b));
  });

  it('returns the parsed areas when everything is fine', () => {
    const result = validateAreaCollection(fc(west(), east()), boundary);
    expect(result.ok && result.areas.map((a) => a.properties.id)).toEqual(['west', 'east']);
  });
});

describe('helpers', () => {
  it('overlapArea is about the common square metres, and 0 for a shared edge', () => {
    const a = poly(box(6.155, 52.248, 6.156, 52.249));
    const half = poly(box(6.1555, 52.248, 6.1565, 52.249));
    const next = poly(box(6.156, 52.248, 6.157, 52.249));
    const full = overlapArea(a, a);
    // 0.001 deg lon x 0.001 deg lat at 52.25 N is about 68 m x 111 m.
    expect(full).toBeGreaterThan(7000);
    expect(full).toBeLessThan(8000);
    expect(overlapArea(a, half)).toBeCloseTo(full / 2, -1);
    expect(overlapArea(a, next)).toBeLessThan(1);
  });

  it('checkAreaGeometry finds nothing wrong in a good polygon and reports an open ring', () => {
    expect(checkAreaGeometry(poly(box(6.155, 52.248, 6.156, 52.249)))).toEqual([]);
    const open = checkAreaGeometry(poly([[6.155, 52.248], [6.156, 52.248], [6.156, 52.249], [6.155, 52.249]]));
    expect(open.map((i) => i.reason)).toEqual(['ring_not_closed']);
  });

  it('checkAreaGeometry refuses a ring with fewer than 3 distinct positions and overlapping MultiPolygon parts', () => {
    const flat = checkAreaGeometry(poly([[6.155, 52.248], [6.156, 52.248], [6.155, 52.248], [6.155, 52.248]]));
    expect(flat.map((i) => i.reason)).toEqual(['too_few_positions']);
    const parts = checkAreaGeometry({
      type: 'MultiPolygon',
      coordinates: [[box(6.155, 52.248, 6.157, 52.249)], [box(6.156, 52.248, 6.158, 52.249)]],
    });
    expect(parts.map((i) => i.reason)).toEqual(['invalid_geometry']);
  });

  it('checkInsideBoundary accepts an area inside and names a vertex outside', () => {
    expect(checkInsideBoundary(poly(box(6.155, 52.248, 6.156, 52.249)), boundary)).toBeNull();
    expect(checkInsideBoundary(poly(box(6.169, 52.25, 6.171, 52.251)), boundary)).toMatch(/6\.171/);
  });

  it('checkInsideBoundary catches an edge that leaves a concave boundary between two inside vertices', () => {
    // A U-shaped boundary; the area bridges the notch, all its vertices inside.
    const u: AreaGeometry = poly([
      [6.15, 52.245],
      [6.17, 52.245],
      [6.17, 52.255],
      [6.165, 52.255],
      [6.165, 52.25],
      [6.155, 52.25],
      [6.155, 52.255],
      [6.15, 52.255],
      [6.15, 52.245],
    ]);
    const bridge = poly(box(6.152, 52.251, 6.168, 52.252));
    expect(checkInsideBoundary(bridge, u)).toMatch(/crosses the municipality boundary/);
  });

  it('hasRfc7946Winding tells counter-clockwise outer rings from clockwise ones', () => {
    expect(hasRfc7946Winding(poly(box(6.155, 52.248, 6.156, 52.249)))).toBe(true);
    expect(hasRfc7946Winding(poly(box(6.155, 52.248, 6.156, 52.249).reverse()))).toBe(false);
  });
});

describe('validateAreaChange (one save in the area editor)', () => {
  const existing = (validateAreaCollection(fc(west(), east()), boundary) as { ok: true; areas: AreaFeature[] }).areas;

  it('accepts moving an area to free ground, replacing itself', () => {
    const moved = area('west', 'West', poly(box(6.1555, 52.2485, 6.1565, 52.2495)));
    const result = validateAreaChange(moved, existing, boundary);
    expect(result.ok).toBe(true);
  });

  it('refuses a new area on top of another, naming both', () => {
    const result = validateAreaChange(area('new', 'New', poly(box(6.1605, 52.2485, 6.162, 52.2495))), existing, boundary);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.reason)).toEqual(['overlap']);
    expect(result.errors[0]!.message).toContain('"East"');
    expect(result.errors[0]!.message).toContain('"New"');
  });

  it('refuses a new area with a name already used', () => {
    const result = validateAreaChange(area('new', 'east', poly(box(6.165, 52.248, 6.166, 52.249))), existing, boundary);
    expect(result.ok ? [] : result.errors.map((e) => e.reason)).toEqual(['duplicate_name']);
  });
});
