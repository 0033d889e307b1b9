import { describe, expect, it } from 'vitest';
import { assignShops, buildAreaIndex, type IndexedArea } from '../../src/domain/areaIndex';
import type { AreaGeometry } from '../../src/domain/geojson';
import {
  computeParticipation,
  computeParticipationForAreas,
  formatParticipation,
  participationFigure,
  wholePercent,
} from '../../src/domain/participation';
import { noFlags, type Shop, type ShopFlags } from '../../src/domain/shop';

/** A counter-clockwise rectangle ring. */
function ring(minX: number, minY: number, maxX: number, maxY: number): [number, number][] {
  return [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
    [minX, minY],
  ];
}

// centrum: a square with a square hole; keizerslanden shares centrum's east edge (lon 6.17);
// colmschate is a multipolygon of two squares with a gap between them.
const centrum: IndexedArea = {
  id: 'centrum',
  geometry: { type: 'Polygon', coordinates: [ring(6.15, 52.24, 6.17, 52.26), ring(6.155, 52.245, 6.16, 52.25)] },
};
const keizerslanden: IndexedArea = {
  id: 'keizerslanden',
  geometry: { type: 'Polygon', coordinates: [ring(6.17, 52.24, 6.19, 52.26)] },
};
const colmschate: IndexedArea = {
  id: 'colmschate',
  geometry: {
    type: 'MultiPolygon',
    coordinates: [[ring(6.2, 52.24, 6.21, 52.25)], [ring(6.22, 52.24, 6.23, 52.25)]],
  } satisfies AreaGeometry,
};
const areas = [centrum, keizerslanden, colmschate];

describe('areaOf', () => {
  const index = buildAreaIndex(areas);
  const reversed = buildAreaIndex([...areas].reverse());
  const cases: [string, [number, number], string | null][] = [
    ['interior', [6.152, 52.255], 'centrum'],
    ['on the outer boundary (west edge)', [6.15, 52.25], 'centrum'],
    ['on a corner', [6.15, 52.24], 'centrum'],
    ['inside the hole', [6.157, 52.247], null],
    ['on the hole boundary', [6.155, 52.247], 'centrum'],
    ['on the edge shared by two areas: smallest id', [6.17, 52.25], 'centrum'],
    ['inside the neighbour', [6.18, 52.25], 'keizerslanden'],
    ['in the first part of a multipolygon', [6.205, 52.245], 'colmschate'],
    ['in the second part of a multipolygon', [6.225, 52.245], 'colmschate'],
    ['in the gap between the parts', [6.215, 52.245], null],
    ['far outside every area', [6.3, 52.3], null],
  ];
  it.each(cases)('%s', (_label, point, expected) => {
    expect(index.areaOf(point)).toBe(expected);
    expect(index.areaOf({ type: 'Point', coordinates: point })).toBe(expected);
    expect(reversed.areaOf(point)).toBe(expected);
  });

  it('lists both areas on a shared edge', () => {
    expect(index.areasAt([6.17, 52.25])).toEqual(['centrum', 'keizerslanden']);
  });

  it('an empty index places nothing', () => {
    const empty = buildAreaIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.areaOf([6.16, 52.25])).toBeNull();
  });
});

let nextId = 0;
function shop(point: [number, number], open: boolean, flags: Partial<ShopFlags> = {}): Shop {
  nextId += 1;
  return {
    id: `s${nextId}`,
    municipality: 'deventer',
    name: `Shop ${nextId}`,
    address: '',
    point: { type: 'Point', coordinates: point },
    sector: '',
    open,
    flags: { ...noFlags(), ...flags },
    shopChecks: [],
    visits: [],
    courses: [],
  };
}
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('participation per area', () => {
  // centrum: 20 open shops, 17 of them in the collective ban, 5 with the app; 2 closed shops that
  // take part in everything (must not count); one open shop in the hole (outside) and one on the
  // boundary (inside).
  const inCentrum = [
    ...times(16, (i) => shop([6.151 + i * 0.0001, 52.255], true, { collectiveBan: true, kvoApp: i < 5 })),
    shop([6.15, 52.25], true, { collectiveBan: true }), // on the boundary: counts for centrum
    ...times(3, () => shop([6.165, 52.255], true)),
    ...times(2, () => shop([6.165, 52.256], false, { collectiveBan: true, kvoApp: true, newsletter: true })),
  ];
  const inHole = shop([6.157, 52.247], true, { collectiveBan: true });
  // keizerslanden: only closed shops.
  const inKeizerslanden = times(3, () => shop([6.18, 52.25], false, { collectiveBan: true }));
  // far outside every area.
  const outside = [shop([6.3, 52.3], true, { collectiveBan: true }), shop([6.3, 52.31], true)];
  const shops = [...inCentrum, inHole, ...inKeizerslanden, ...outside];
  const report = computeParticipationForAreas(shops, areas, 2026);

  it('counts open shops only, boundary inside', () => {
    const c = report.areas.centrum!;
    expect(c.shops).toBe(22);
    expect(c.closed).toBe(2);
    expect(c.open).toBe(20);
    expect(c.measures.collectiveBan).toEqual({ taking: 17, open: 20, percent: 85 });
    expect(c.measures.kvoApp).toEqual({ taking: 5, open: 20, percent: 25 });
    expect(c.measures.newsletter).toEqual({ taking: 0, open: 20, percent: 0 });
    expect(formatParticipation(c.measures.collectiveBan, 'nl')).toBe('17 van 20, 85%');
    expect(formatParticipation(c.measures.collectiveBan, 'en')).toBe('17 of 20, 85%');
  });

  it('an area with only closed shops has no percentage, never 100%', () => {
    const k = report.areas.keizerslanden!;
    expect(k.open).toBe(0);
    for (const figure of Object.values(k.measures)) {
      expect(figure).toEqual({ taking: 0, open: 0, percent: null, reason: 'no_open_shops' });
      expect(formatParticipation(figure, 'nl')).toBe('—');
      expect(formatParticipation(figure, 'en')).toBe('—');
    }
  });

  it('an area without any shop is listed, with no percentage', () => {
    expect(report.areas.colmschate!.shops).toBe(0);
    expect(report.areas.colmschate!.measures.collectiveBan.percent).toBeNull();
  });

  it('shops in a hole or in no area count only municipality-wide', () => {
    expect(report.outside.open).toBe(3);
    expect(report.outside.measures.collectiveBan).toEqual({ taking: 2, open: 3, percent: 67 });
    // 20 (centrum) + 3 (outside) open; 17 + 2 in the ban.
    expect(report.municipality.open).toBe(23);
    expect(report.municipality.closed).toBe(5);
    expect(report.municipality.measures.collectiveBan).toEqual({ taking: 19, open: 23, percent: 83 });
  });

  it('assignShops gives null for shops in no area, and computeParticipation agrees', () => {
    const assignment = assignShops(shops, buildAreaIndex(areas));
    expect(assignment.get(inHole.id)).toBeNull();
    expect(assignment.get(inCentrum[16]!.id)).toBe('centrum');
    const again = computeParticipation(shops, ['centrum', 'keizerslanden', 'colmschate'], assignment, 2026);
    expect(again).toEqual(report);
  });
});

describe('wholePercent and figures', () => {
  const cases: [number, number, number][] = [
    [17, 20, 85],
    [43, 50, 86],
    [1, 3, 33], // 33.33
    [2, 3, 67], // 66.67
    [1, 8, 13], // 12.5, half up
    [199, 200, 99], // 99.5 would round to 100: not everyone takes part, so 99
    [1, 300, 1], // 0.33 would round to 0: someone takes part, so 1
    [0, 5, 0],
    [5, 5, 100],
  ];
  it.each(cases)('%i of %i is %i%%', (taking, open, percent) => {
    expect(wholePercent(taking, open)).toBe(percent);
  });

  it('0 of 0 is no percentage, never a division by zero', () => {
    expect(participationFigure(0, 0)).toEqual({ taking: 0, open: 0, percent: null, reason: 'no_open_shops' });
    expect(() => wholePercent(0, 0)).toThrow(RangeError);
  });

  it('formats large counts per language', () => {
    expect(formatParticipation(participationFigure(1234, 2000), 'nl')).toBe('1.234 van 2.000, 62%');
    expect(formatParticipation(participationFigure(1234, 2000), 'en')).toBe('1,234 of 2,000, 62%');
  });
});
