import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../../src/domain/area';
import { cutHole, formatMoved, mergeAreas, shopsMovedByEdit, splitArea } from '../../src/domain/areaEdit';
import { geometryArea, validateAreaChange } from '../../src/domain/areaRules';
import type { AreaGeometry } from '../../src/domain/geojson';
import { square, testBoundary } from '../support/fixtures';

const poly = (ring: number[][]): AreaGeometry => ({ type: 'Polygon', coordinates: [ring as [number, number][]] });
const sq = (lon: number, lat: number, size = 0.01) => poly(square(lon, lat, size));
const feat = (id: string, name: string, geometry: AreaGeometry): AreaFeature => ({
  type: 'Feature',
  properties: { id, name, kind: 'street', kvoStatus: 'participating', source: 'test' },
  geometry,
});

const noord = feat('noord', 'Noord', sq(6.2, 52.25));
const others = [noord];

describe('validateAreaChange for one save (table)', () => {
  const cases: { name: string; geometry: AreaGeometry; ok: boolean; reason?: string; names?: string[] }[] = [
    { name: 'overlap is refused with both names', geometry: sq(6.205, 52.255), ok: false, reason: 'overlap', names: ['Noord', 'Nieuw'] },
    { name: 'a shared edge is allowed', geometry: sq(6.21, 52.25), ok: true },
    { name: 'a shared corner is allowed', geometry: sq(6.21, 52.26), ok: true },
    {
      name: 'a polygon with a hole is allowed',
      geometry: { type: 'Polygon', coordinates: [square(6.15, 52.22, 0.02) as [number, number][], [...square(6.155, 52.225, 0.005)].reverse() as [number, number][]] },
      ok: true,
    },
    {
      name: 'a multipolygon of two apart parts is allowed',
      geometry: { type: 'MultiPolygon', coordinates: [[square(6.12, 52.21) as [number, number][]], [square(6.14, 52.21) as [number, number][]]] },
      ok: true,
    },
    {
      name: 'a multipolygon whose part overlaps a neighbour is refused',
      geometry: { type: 'MultiPolygon', coordinates: [[square(6.12, 52.21) as [number, number][]], [square(6.205, 52.255) as [number, number][]]] },
      ok: false,
      reason: 'overlap',
      names: ['Noord', 'Nieuw'],
    },
    {
      name: 'a self-intersecting outline (bow tie) is refused',
      geometry: poly([[6.12, 52.21], [6.13, 52.22], [6.13, 52.21], [6.12, 52.22], [6.12, 52.21]]),
      ok: false,
      reason: 'self_intersection',
    },
    { name: 'outside the boundary is refused', geometry: sq(6.295, 52.25), ok: false, reason: 'outside_municipality' },
    { name: 'an open ring is refused', geometry: poly([[6.12, 52.21], [6.13, 52.21], [6.13, 52.22], [6.12, 52.22]]), ok: false, reason: 'ring_not_closed' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = validateAreaChange(feat('nieuw', 'Nieuw', c.geometry), others, testBoundary);
      expect(result.ok).toBe(c.ok);
      if (!result.ok) {
        expect(result.errors.map((e) => e.reason)).toContain(c.reason);
        if (c.names) {
          const e = result.errors.find((x) => x.reason === c.reason)!;
          expect([e.feature, e.other].sort()).toEqual([...c.names].sort());
        }
      }
    });
  }
});

describe('splitArea', () => {
  it('splits a square in two halves along a line across it; the halves share the cut and fill the area', () => {
    const area = sq(6.2, 52.25);
    const result = splitArea(area, [[6.205, 52.24], [6.205, 52.27]]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b] = result.value;
    expect(geometryArea(a) + geometryArea(b)).toBeCloseTo(geometryArea(area), -1);
    expect(validateAreaChange(feat('b', 'B', b), [feat('a', 'A', a)], testBoundary).ok).toBe(true);
  });
  it('follows a bent line', () => {
    const result = splitArea(sq(6.2, 52.25), [[6.19, 52.255], [6.205, 52.256], [6.215, 52.252]]);
    expect(result.ok).toBe(true);
  });
  const refusals: [string, number[][], string][] = [
    ['a line beside the area', [[6.25, 52.24], [6.25, 52.27]], 'line_does_not_cross'],
    ['a single point', [[6.205, 52.24]], 'line_too_short'],
  ];
  for (const [name, line, reason] of refusals) {
    it(`refuses ${name}`, () => {
      const result = splitArea(sq(6.2, 52.25), line);
      expect(result.ok ? 'ok' : result.reason).toBe(reason);
    });
  }
});

describe('mergeAreas', () => {
  it('merges two areas that share an edge into one polygon', () => {
    const result = mergeAreas(sq(6.2, 52.25), sq(6.21, 52.25));
    expect(result.ok && result.value.type).toBe('Polygon');
    if (result.ok) expect(geometryArea(result.value)).toBeCloseTo(geometryArea(sq(6.2, 52.25)) * 2, -2);
  });
  const refusals: [string, AreaGeometry, AreaGeometry, string][] = [
    ['areas apart', sq(6.2, 52.25), sq(6.23, 52.25), 'not_touching'],
    ['areas touching at a corner only', sq(6.2, 52.25), sq(6.21, 52.26), 'not_touching'],
    ['an area with itself', sq(6.2, 52.25), sq(6.2, 52.25), 'same_area'],
    ['a self-intersecting shape', sq(6.2, 52.25), poly([[6.21, 52.25], [6.22, 52.26], [6.22, 52.25], [6.21, 52.26], [6.21, 52.25]]), 'invalid_geometry'],
  ];
  for (const [name, a, b, reason] of refusals) {
    it(`refuses ${name}`, () => {
      const result = mergeAreas(a, b);
      expect(result.ok ? 'ok' : result.reason).toBe(reason);
    });
  }
});

describe('cutHole', () => {
  it('cuts a hole that lies inside', () => {
    const result = cutHole(sq(6.2, 52.25), square(6.203, 52.253, 0.002));
    expect(result.ok).toBe(true);
    if (result.ok && result.value.type === 'Polygon') expect(result.value.coordinates).toHaveLength(2);
  });
  it('refuses a hole that sticks out', () => {
    const result = cutHole(sq(6.2, 52.25), square(6.208, 52.253, 0.005));
    expect(result.ok ? 'ok' : result.reason).toBe('hole_not_inside');
  });
});

describe('shopsMovedByEdit', () => {
  const shop = (id: string, lon: number, lat: number) => ({ id, point: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] } });
  const shops = [shop('in-both', 6.205, 52.255), shop('only-new', 6.215, 52.255), shop('only-old', 6.201, 52.259), shop('on-edge', 6.21, 52.252)];
  it('lists the shops that move in and out ("+1, −1"); a shop on the edge counts as inside', () => {
    const oldG = sq(6.2, 52.25);
    const newG = poly([[6.2, 52.25], [6.22, 52.25], [6.22, 52.258], [6.2, 52.258], [6.2, 52.25]]);
    const moved = shopsMovedByEdit(oldG, newG, shops);
    expect(moved.in.map((s) => s.id)).toEqual(['only-new']);
    expect(moved.out.map((s) => s.id)).toEqual(['only-old']);
    expect(formatMoved(moved)).toBe('+1, −1');
  });
  it('a new area (no old shape) only takes shops in; nothing moved reads ±0', () => {
    expect(shopsMovedByEdit(null, sq(6.2, 52.25), shops).in).toHaveLength(3);
    expect(formatMoved(shopsMovedByEdit(sq(6.2, 52.25), sq(6.2, 52.25), shops))).toBe('±0');
  });
});
