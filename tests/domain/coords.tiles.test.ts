import { describe, expect, it } from 'vitest';
import { expandBbox, lonLatToTile, tileBounds, tileRangeForBbox, type LonLatBbox } from '../../src/domain/coords';

// The slippy-map formula written out independently (asinh form), to check the implementation against.
function slippy(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(latRad)) / Math.PI) / 2) * n),
  };
}

const brink = { lon: 6.16, lat: 52.2515 }; // Deventer, de Brink

describe('lonLatToTile', () => {
  it.each([
    [13, 4236, 2696],
    [16, 33889, 21572],
    [19, 271115, 172583],
  ])('Deventer Brink at z%i is tile %i/%i', (z, x, y) => {
    expect(lonLatToTile(brink.lon, brink.lat, z)).toEqual({ x, y });
    expect(slippy(brink.lon, brink.lat, z)).toEqual({ x, y });
  });

  it('matches the formula over the Netherlands', () => {
    for (let lon = 3.3; lon <= 7.2; lon += 0.37) {
      for (let lat = 50.75; lat <= 53.5; lat += 0.29) {
        for (const z of [0, 7, 13, 17, 19]) expect(lonLatToTile(lon, lat, z)).toEqual(slippy(lon, lat, z));
      }
    }
  });

  it('puts the world corners in the corner tiles and clamps outside Web Mercator', () => {
    expect(lonLatToTile(0, 0, 0)).toEqual({ x: 0, y: 0 });
    expect(lonLatToTile(-180, 85.0511, 3)).toEqual({ x: 0, y: 0 });
    expect(lonLatToTile(180, -85.0511, 3)).toEqual({ x: 7, y: 7 });
    expect(lonLatToTile(180, -89.9, 3)).toEqual({ x: 7, y: 7 });
    expect(lonLatToTile(0, 0, 1)).toEqual({ x: 1, y: 1 });
  });

  it('refuses a bad zoom', () => {
    expect(() => lonLatToTile(6, 52, 1.5)).toThrow(RangeError);
    expect(() => lonLatToTile(6, 52, -1)).toThrow(RangeError);
  });
});

describe('tileBounds', () => {
  it('gives the whole Web Mercator world at z0', () => {
    const [w, s, e, n] = tileBounds(0, 0, 0);
    expect(w).toBe(-180);
    expect(e).toBe(180);
    expect(n).toBeCloseTo(85.0511287798, 9);
    expect(s).toBeCloseTo(-85.0511287798, 9);
  });

  it('contains the point it came from, and its centre round-trips', () => {
    for (const z of [13, 16, 19]) {
      const { x, y } = lonLatToTile(brink.lon, brink.lat, z);
      const [w, s, e, n] = tileBounds(z, x, y);
      expect(w).toBeLessThanOrEqual(brink.lon);
      expect(e).toBeGreaterThan(brink.lon);
      expect(s).toBeLessThan(brink.lat);
      expect(n).toBeGreaterThanOrEqual(brink.lat);
      expect(lonLatToTile((w + e) / 2, (s + n) / 2, z)).toEqual({ x, y });
    }
  });

  it('neighbouring tiles share their edges', () => {
    const a = tileBounds(15, 16946, 10786);
    const right = tileBounds(15, 16947, 10786);
    const below = tileBounds(15, 16946, 10787);
    expect(right[0]).toBeCloseTo(a[2], 12);
    expect(below[3]).toBeCloseTo(a[1], 12);
  });
});

describe('tileRangeForBbox', () => {
  it('a tile’s own bounds give exactly that tile', () => {
    for (const [z, x, y] of [
      [13, 4236, 2696],
      [19, 271115, 172583],
      [0, 0, 0],
      [5, 31, 0],
    ] as const) {
      expect(tileRangeForBbox(tileBounds(z, x, y), z)).toEqual({ z, minX: x, maxX: x, minY: y, maxY: y });
    }
  });

  it('covers a bbox with the tiles of its corners (north-west is minX/minY)', () => {
    const bbox: LonLatBbox = [6.15, 52.245, 6.17, 52.258];
    for (const z of [13, 15, 17, 19]) {
      const nw = slippy(bbox[0], bbox[3], z);
      const se = slippy(bbox[2], bbox[1], z);
      expect(tileRangeForBbox(bbox, z)).toEqual({ z, minX: nw.x, maxX: se.x, minY: nw.y, maxY: se.y });
    }
  });

  it('a point is one tile', () => {
    const r = tileRangeForBbox([brink.lon, brink.lat, brink.lon, brink.lat], 17);
    expect(r.maxX - r.minX).toBe(0);
    expect(r.maxY - r.minY).toBe(0);
  });

  it('refuses a bbox with west east of east', () => {
    expect(() => tileRangeForBbox([7, 52, 6, 53], 10)).toThrow(RangeError);
  });
});

describe('expandBbox', () => {
  const bbox: LonLatBbox = [6.155, 52.248, 6.165, 52.255];
  // Haversine distance, to check the margin on the ground.
  function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
    const r = 6_371_008.8;
    const rad = Math.PI / 180;
    const a =
      Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
    return 2 * r * Math.asin(Math.sqrt(a));
  }

  it('grows every side by at least the margin', () => {
    const [w, s, e, n] = expandBbox(bbox, 150);
    expect(metres(bbox[0], bbox[1], bbox[0], s)).toBeCloseTo(150, 3);
    expect(metres(bbox[0], bbox[3], bbox[0], n)).toBeCloseTo(150, 3);
    // East-west at the worst latitude (the new north edge) is the full margin; further south it is more.
    expect(metres(w, n, bbox[0], n)).toBeGreaterThanOrEqual(149.999);
    expect(metres(bbox[2], n, e, n)).toBeGreaterThanOrEqual(149.999);
    expect(metres(w, s, bbox[0], s)).toBeLessThan(151);
  });

  it('zero margin is the same bbox; negative margins are refused', () => {
    expect(expandBbox(bbox, 0)).toEqual(bbox);
    expect(() => expandBbox(bbox, -1)).toThrow(RangeError);
  });

  it('stays inside the Web Mercator world', () => {
    const [w, s, e, n] = expandBbox([-179.9999, -85, 179.9999, 85], 100_000);
    expect([w, e]).toEqual([-180, 180]);
    expect(n).toBeLessThanOrEqual(85.0511287798066);
    expect(s).toBeGreaterThanOrEqual(-85.0511287798066);
  });
});
