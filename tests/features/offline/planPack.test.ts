import { describe, expect, it } from 'vitest';
import type { Area } from '../../../src/domain/area';
import {
  DEFAULT_BYTES_PER_TILE,
  formatMegabytes,
  packTiles,
  planPack,
} from '../../../src/features/offline/planPack';
import { expandBbox, tileRangeForBbox } from '../../../src/domain/coords';

// A small block around de Brink, Deventer.
const geometry: Area['geometry'] = {
  type: 'Polygon',
  coordinates: [
    [
      [6.158, 52.25],
      [6.162, 52.25],
      [6.162, 52.253],
      [6.158, 52.253],
      [6.158, 52.25],
    ],
  ],
};
const area = { geometry };

// Tile numbers from the slippy-map formula, independent of the code under test.
function tile(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(latRad)) / Math.PI) / 2) * n),
  };
}
function countFor(bbox: [number, number, number, number], z: number) {
  const nw = tile(bbox[0], bbox[3], z);
  const se = tile(bbox[2], bbox[1], z);
  return (se.x - nw.x + 1) * (se.y - nw.y + 1);
}

describe('planPack', () => {
  it('defaults to zoom 13-19 with a 150 m margin', () => {
    const plan = planPack(area);
    expect(plan.minZoom).toBe(13);
    expect(plan.maxZoom).toBe(19);
    expect(plan.marginMetres).toBe(150);
    expect(plan.perZoom.map((p) => p.z)).toEqual([13, 14, 15, 16, 17, 18, 19]);
    expect(plan.bbox).toEqual(expandBbox([6.158, 52.25, 6.162, 52.253], 150));
  });

  it('counts the tiles per zoom level for a known bbox', () => {
    const plan = planPack(area, { marginMetres: 0 });
    const bbox: [number, number, number, number] = [6.158, 52.25, 6.162, 52.253];
    for (const p of plan.perZoom) expect(p.count).toBe(countFor(bbox, p.z));
    // Worked out with the formula: the block is one tile up to z15 and 56 tiles at z19.
    expect(plan.perZoom.map((p) => p.count)).toEqual([1, 1, 1, 2, 4, 16, 56]);
    expect(plan.tileCount).toBe(81);
    expect(plan.estimatedBytes).toBe(81 * DEFAULT_BYTES_PER_TILE);
  });

  it('a margin grows the range', () => {
    const without = planPack(area, { marginMetres: 0 });
    const with150 = planPack(area, { marginMetres: 150 });
    const with500 = planPack(area, { marginMetres: 500 });
    expect(with150.tileCount).toBeGreaterThan(without.tileCount);
    expect(with500.tileCount).toBeGreaterThan(with150.tileCount);
    const z19 = (p: typeof without) => p.perZoom.find((q) => q.z === 19)!;
    expect(z19(with150).minX).toBeLessThan(z19(without).minX);
    expect(z19(with150).maxY).toBeGreaterThan(z19(without).maxY);
    for (const p of with150.perZoom) expect(p).toEqual({ ...tileRangeForBbox(with150.bbox, p.z), count: p.count });
  });

  it('takes a zoom range and a per-zoom size', () => {
    const plan = planPack(area, { minZoom: 15, maxZoom: 17, marginMetres: 0, bytesPerTile: (z) => z * 1000 });
    expect(plan.perZoom.map((p) => p.z)).toEqual([15, 16, 17]);
    expect(plan.estimatedBytes).toBe(plan.perZoom.reduce((sum, p) => sum + p.count * p.z * 1000, 0));
  });

  it('refuses a wrong zoom range', () => {
    expect(() => planPack(area, { minZoom: 18, maxZoom: 14 })).toThrow(RangeError);
    expect(() => planPack(area, { maxZoom: 25 })).toThrow(RangeError);
    expect(() => planPack(area, { minZoom: 12.5 })).toThrow(RangeError);
  });

  it('handles a MultiPolygon by its overall bbox', () => {
    const multi: Area['geometry'] = {
      type: 'MultiPolygon',
      coordinates: [
        geometry.type === 'Polygon' ? geometry.coordinates : [],
        [[[6.17, 52.26], [6.171, 52.26], [6.171, 52.261], [6.17, 52.26]]],
      ],
    };
    expect(planPack({ geometry: multi }, { marginMetres: 0 }).bbox).toEqual([6.158, 52.25, 6.171, 52.261]);
  });
});

describe('packTiles', () => {
  it('yields every tile of the plan exactly once', () => {
    const plan = planPack(area);
    const tiles = [...packTiles(plan)];
    expect(tiles).toHaveLength(plan.tileCount);
    expect(new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(plan.tileCount);
    for (const t of tiles) {
      const r = plan.perZoom.find((p) => p.z === t.z)!;
      expect(t.x).toBeGreaterThanOrEqual(r.minX);
      expect(t.x).toBeLessThanOrEqual(r.maxX);
      expect(t.y).toBeGreaterThanOrEqual(r.minY);
      expect(t.y).toBeLessThanOrEqual(r.maxY);
    }
  });
});

describe('formatMegabytes', () => {
  it('shows MB the Dutch way', () => {
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatMegabytes(0)).toBe('0,0 MB');
    expect(formatMegabytes(123 * 1024 * 1024)).toBe('123 MB');
  });
});
