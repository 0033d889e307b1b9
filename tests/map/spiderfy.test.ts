import { describe, expect, it } from 'vitest';
import { spiderfy } from '../../src/map/spiderfy';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('findings at one spot spread out when tapped', () => {
  it.each([2, 3, 5, 9, 10, 25, 200])('%i findings each get their own place, no two closer than the gap, none on the spot', (n) => {
    const gap = 30;
    const offsets = spiderfy(n, { gap });
    expect(offsets).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      expect(dist(offsets[i]!, { x: 0, y: 0 })).toBeGreaterThanOrEqual(gap - 0.5);
      for (let j = i + 1; j < n; j++) expect(dist(offsets[i]!, offsets[j]!)).toBeGreaterThanOrEqual(gap * 0.9);
    }
  });

  it('one finding stays where it is, none gives nothing', () => {
    expect(spiderfy(1)).toEqual([{ x: 0, y: 0 }]);
    expect(spiderfy(0)).toEqual([]);
  });

  it('the same number gives the same places (a tap twice shows the same spread)', () => {
    expect(spiderfy(12)).toEqual(spiderfy(12));
  });
});
