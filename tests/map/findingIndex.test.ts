import { describe, expect, it } from 'vitest';
import { buildFindingIndex, toMapPoint, type MapItem, type MapPoint } from '../../src/map/findingIndex';
import { clusterMarkerStyle, findingMarkerStyle } from '../../src/map/findingStyle';
import type { Finding, FindingStatus } from '../../src/domain/finding';

// A seeded generator, so a failure names a reproducible layout.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const colours = ['#0077BB', '#EE7733', '#009988', '#CC3311', '#33BBEE'];
const statuses: FindingStatus[] = ['open', 'assigned', 'in_progress', 'fixed', 'wont_fix'];

function scatter(n: number, seed = 1): MapPoint[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `f${String(i).padStart(5, '0')}`,
    lon: 6.15 + r() * 0.03,
    lat: 52.245 + r() * 0.015,
    colour: colours[i % colours.length]!,
    glyph: 'X',
    status: statuses[i % statuses.length]!,
    overdue: i % 7 === 0,
  }));
}

const deventer: [number, number, number, number] = [6.1, 52.2, 6.25, 52.3];
const count = (items: MapItem[]) => items.reduce((s, it) => s + (it.kind === 'cluster' ? it.count : 1), 0);

describe('finding index: what a map view draws', () => {
  it.each([10, 12, 14, 16, 18, 19])('at zoom %i the clusters and single findings of the whole city add up to every finding, each once', (zoom) => {
    const points = scatter(10_000);
    const index = buildFindingIndex(points);
    const items = index.itemsIn(deventer, zoom);
    expect(count(items)).toBe(10_000);
    const singles = items.filter((i) => i.kind === 'finding').map((i) => i.key);
    expect(new Set(singles).size).toBe(singles.length);
  });

  it('zoomed out, 10,000 findings become a handful of clusters, not 10,000 markers', () => {
    const items = buildFindingIndex(scatter(10_000)).itemsIn(deventer, 12);
    expect(items.length).toBeLessThan(20);
    expect(items.every((i) => i.kind === 'cluster')).toBe(true);
  });

  it('a view draws only what lies in it: nothing from outside its box', () => {
    const points = scatter(2_000, 7);
    const index = buildFindingIndex(points);
    const box: [number, number, number, number] = [6.155, 52.248, 6.165, 52.253];
    const items = index.itemsIn(box, 19);
    const inside = points.filter((p) => p.lon >= box[0] && p.lon <= box[2] && p.lat >= box[1] && p.lat <= box[3]);
    expect(count(items)).toBe(inside.length);
    for (const it of items) {
      expect(it.lon).toBeGreaterThanOrEqual(box[0]);
      expect(it.lon).toBeLessThanOrEqual(box[2]);
    }
    const far = index.itemsIn([5.0, 51.0, 5.1, 51.1], 16);
    expect(far).toEqual([]);
  });

  it("a cluster's theme ring counts add up to its count, and its leaves are exactly its findings", () => {
    const index = buildFindingIndex(scatter(3_000, 3));
    const clusters = index.itemsIn(deventer, 14).filter((i) => i.kind === 'cluster');
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      expect(c.themes.reduce((s, t) => s + t.count, 0)).toBe(c.count);
      const leaves = index.leaves(c.clusterId);
      expect(leaves).toHaveLength(c.count);
      for (const t of c.themes) expect(leaves.filter((l) => l.colour === t.colour)).toHaveLength(t.count);
      // Largest share first, so the ring reads from 12 o'clock by size.
      expect(c.themes.map((t) => t.count)).toEqual([...c.themes.map((t) => t.count)].sort((a, b) => b - a));
    }
  });

  it('a single finding keeps its theme colour, glyph and status, so its marker has its shape', () => {
    const points = scatter(50, 9);
    const items = buildFindingIndex(points).itemsIn(deventer, 19);
    const singles = items.filter((i) => i.kind === 'finding');
    expect(singles.length).toBeGreaterThan(0);
    for (const s of singles) {
      const p = points.find((x) => x.id === s.id)!;
      expect(s).toMatchObject({ colour: p.colour, glyph: p.glyph, status: p.status, overdue: p.overdue });
    }
    const shapes = new Set(singles.map((s) => findingMarkerStyle(s.status, s).shape));
    expect(shapes).toEqual(new Set(['circle', 'square', 'diamond', 'ring']));
  });

  it('findings at one spot stay one cluster at the highest zoom and say they never fall apart', () => {
    const spot = { lon: 6.16, lat: 52.25 };
    const points = scatter(5).map((p) => ({ ...p, ...spot }));
    const index = buildFindingIndex(points, { maxZoom: 19 });
    const items = index.itemsIn(deventer, 19);
    expect(items).toHaveLength(1);
    const c = items[0]!;
    expect(c.kind).toBe('cluster');
    if (c.kind !== 'cluster') return;
    expect(index.expansionZoom(c.clusterId)).toBeGreaterThan(index.maxZoom);
    expect(index.leaves(c.clusterId).map((l) => l.id).sort()).toEqual(points.map((p) => p.id));
  });

  it('a finding becomes a map point with its theme colour and overdue from its due date', () => {
    const f = {
      id: 'a', point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', status: 'assigned', dueDate: '2026-01-01', removed: false,
    } as unknown as Finding;
    expect(toMapPoint(f, new Date('2026-03-01T12:00:00Z'))).toMatchObject({ lon: 6.16, lat: 52.25, colour: '#0077BB', status: 'assigned', overdue: true });
    expect(toMapPoint({ ...f, categoryCode: 'nonsense' } as Finding, new Date('2025-01-01')).colour).toBe('#555555');
  });
});

describe('cluster markers: count and a ring of theme colours', () => {
  it('the ring goes once round, each theme as long as its share, and even one finding shows', () => {
    const s = clusterMarkerStyle(101, [{ colour: '#0077BB', count: 100 }, { colour: '#EE7733', count: 1 }], String);
    expect(s.label).toBe('101');
    expect(s.arcs.map((a) => a.colour)).toEqual(['#0077BB', '#EE7733']);
    expect(s.arcs[0]!.from).toBeCloseTo(-Math.PI / 2);
    expect(s.arcs[1]!.to).toBeCloseTo((3 * Math.PI) / 2);
    expect(s.arcs[1]!.to - s.arcs[1]!.from).toBeGreaterThan(0.2);
  });

  it('a bigger cluster is drawn bigger, within bounds', () => {
    const r = (n: number) => clusterMarkerStyle(n, [{ colour: '#000', count: n }], String).radius;
    expect(r(2)).toBeLessThan(r(200));
    expect(r(200)).toBeLessThan(r(20_000));
    expect(r(1_000_000)).toBeLessThanOrEqual(35);
  });
});
