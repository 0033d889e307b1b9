import { describe, expect, it } from 'vitest';
import { toWebMercator } from '../../src/domain/coords';

describe('GeoJSON to Web Mercator metres', () => {
  it('puts 0,0 at the origin and matches EPSG:3857 for Deventer', () => {
    const [x0, y0] = toWebMercator([0, 0]);
    expect(x0).toBe(0);
    expect(y0).toBeCloseTo(0, 6);
    const [x, y] = toWebMercator([6.16, 52.25]);
    // R·λ and R·ln(tan(π/4 + φ/2)) with R = 6378137 m, as EPSG:3857 defines it.
    expect(x).toBeCloseTo(685728.06, 1);
    expect(y).toBeCloseTo(6845455.5, 1);
  });

  it('grows y to the north, so a drawing must flip it', () => {
    expect(toWebMercator([6.16, 52.26])[1]).toBeGreaterThan(toWebMercator([6.16, 52.25])[1]);
  });
});
