import { describe, expect, it } from 'vitest';
import { fanOut, groupNear, spreadPoints, type ScreenPoint } from '../../src/map/spread';

const pts = (...xy: [number, number][]): ScreenPoint[] => xy.map(([x, y], i) => ({ id: `p${i}`, x, y }));
const minGap = (ps: { x: number; y: number }[]) => {
  let m = Infinity;
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) m = Math.min(m, Math.hypot(ps[i]!.x - ps[j]!.x, ps[i]!.y - ps[j]!.y));
  return m;
};

describe('groupNear: findings at (nearly) one spot form one group', () => {
  it.each([
    ['two at the same pixel', pts([10, 10], [10, 10]), 20, [['p0', 'p1']]],
    ['two 19 px apart within 20', pts([0, 0], [19, 0]), 20, [['p0', 'p1']]],
    ['two 25 px apart are alone', pts([0, 0], [25, 0]), 20, [['p0'], ['p1']]],
    ['a chain joins into one group', pts([0, 0], [15, 0], [30, 0]), 20, [['p0', 'p1', 'p2']]],
    ['two pairs far apart', pts([0, 0], [1, 1], [100, 100], [101, 100]), 20, [['p0', 'p1'], ['p2', 'p3']]],
    ['nothing', [], 20, []],
  ] as const)('%s', (_name, points, radius, groups) => {
    expect(groupNear(points, radius).map((g) => g.map((p) => p.id))).toEqual(groups);
  });
});

describe('spreadPoints: numbered pins never hide each other', () => {
  it.each([
    ['two on one spot', pts([50, 50], [50, 50])],
    ['ten on one spot', pts(...Array.from({ length: 10 }, () => [200, 200] as [number, number]))],
    ['a tight row', pts([0, 0], [5, 0], [10, 0], [15, 0], [20, 0])],
    ['a crowd around a point', pts(...Array.from({ length: 30 }, (_, i) => [100 + (i % 5) * 3, 100 + Math.floor(i / 5) * 3] as [number, number]))],
  ])('%s: every two pins at least the minimum apart', (_name, points) => {
    const out = spreadPoints(points, 24);
    expect(out).toHaveLength(points.length);
    expect(minGap(out)).toBeGreaterThanOrEqual(24 - 1e-6);
  });

  it('a pin that is free stays on its spot; only the covered one moves, next to its place', () => {
    const [a, b, c] = spreadPoints(pts([0, 0], [100, 0], [0, 0]), 24);
    expect([a!.moved, b!.moved, c!.moved]).toEqual([false, false, true]);
    expect([a!.x, a!.y, b!.x, b!.y]).toEqual([0, 0, 100, 0]);
    expect(Math.hypot(c!.x - c!.fromX, c!.y - c!.fromY)).toBeCloseTo(24, 6);
    expect([c!.fromX, c!.fromY]).toEqual([0, 0]);
  });
});

describe('fanOut: a tapped spot opens into a circle of tappable markers', () => {
  it.each([2, 3, 5, 12])('%i findings on one spot are each at least the spacing apart and off the centre', (n) => {
    const out = fanOut(pts(...Array.from({ length: n }, () => [300, 300] as [number, number])), 48);
    expect(minGap(out)).toBeGreaterThanOrEqual(48 - 1e-6);
    for (const p of out) expect(Math.hypot(p.x - 300, p.y - 300)).toBeGreaterThanOrEqual(48 - 1e-6);
    expect(out.map((p) => p.id)).toEqual(Array.from({ length: n }, (_, i) => `p${i}`));
  });

  it('a single finding stays where it is', () => {
    expect(fanOut(pts([5, 6]), 48)).toEqual([{ id: 'p0', x: 5, y: 6, fromX: 5, fromY: 6, moved: false }]);
  });
});
