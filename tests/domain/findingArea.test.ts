import { describe, expect, it } from 'vitest';
import { buildAreaIndex } from '../../src/domain/areaIndex';

// tests/domain/participation.test.ts covers boundaries, a polygon's hole, a multipolygon's parts and
// points outside every area. A finding can also fall in a hole of one part of a multipolygon.
const ring = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('area of a finding in a multipolygon with a hole', () => {
  const index = buildAreaIndex([
    {
      id: 'kern',
      geometry: { type: 'MultiPolygon', coordinates: [[ring(6.1, 52.2, 6.12, 52.22), ring(6.105, 52.205, 6.11, 52.21)], [ring(6.13, 52.2, 6.14, 52.21)]] },
    },
  ]);
  it.each([
    ['inside the hole of the first part: outside the area', [6.107, 52.207], null],
    ['on the edge of that hole: inside', [6.105, 52.207], 'kern'],
    ['around the hole: inside', [6.102, 52.202], 'kern'],
    ['on the outer edge of the second part: inside', [6.14, 52.205], 'kern'],
    ['outside all areas', [6.2, 52.3], null],
  ] as const)('%s', (_label, point, expected) => {
    expect(index.areaOf([...point])).toBe(expected);
  });
});
