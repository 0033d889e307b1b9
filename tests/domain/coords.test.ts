import { describe, expect, it } from 'vitest';
import { isPlausibleRd } from '../../src/domain/coords';
import { rdToWgs84, wgs84ToRd } from '../../src/domain/coordsRd';

describe('RD New ↔ WGS84', () => {
  it('the Amersfoort origin 155000, 463000 is 5.387206, 52.155174', () => {
    const [lon, lat] = rdToWgs84([155_000, 463_000]);
    expect(Math.abs(lon - 5.387206)).toBeLessThan(1e-5);
    expect(Math.abs(lat - 52.155174)).toBeLessThan(1e-5);
    const [x, y] = wgs84ToRd([5.387206, 52.155174]);
    // 1e-5 degree is under a metre here
    expect(Math.abs(x - 155_000)).toBeLessThan(1);
    expect(Math.abs(y - 463_000)).toBeLessThan(1);
  });

  it('central Deventer (RD 208500, 473300) is near lon 6.16, lat 52.25', () => {
    const [lon, lat] = rdToWgs84([208_500, 473_300]);
    expect(Math.abs(lon - 6.16)).toBeLessThan(0.02);
    expect(Math.abs(lat - 52.25)).toBeLessThan(0.01);
  });

  it.each([
    [155_000, 463_000],
    [208_500, 473_300],
    [0, 300_000],
    [280_000, 620_000],
    [121_000, 487_000],
  ])('round trip RD %i, %i within a millimetre', (x, y) => {
    const [x2, y2] = wgs84ToRd(rdToWgs84([x, y]));
    expect(Math.abs(x2 - x)).toBeLessThan(1e-3);
    expect(Math.abs(y2 - y)).toBeLessThan(1e-3);
  });

  it('round trip lon/lat within 1e-7 degree (about a centimetre)', () => {
    const [lon, lat] = rdToWgs84(wgs84ToRd([6.1606, 52.2511]));
    expect(Math.abs(lon - 6.1606)).toBeLessThan(1e-7);
    expect(Math.abs(lat - 52.2511)).toBeLessThan(1e-7);
  });
});

describe('isPlausibleRd', () => {
  it.each([
    [155_000, 463_000, true],
    [208_500, 473_300, true],
    [6.16, 52.25, false], // degrees in RD columns
    [473_300, 208_500, false], // x and y swapped
    [Number.NaN, 463_000, false],
    [155_000, Number.POSITIVE_INFINITY, false],
    [400_000, 463_000, false],
  ])('%d, %d → %s', (x, y, expected) => {
    expect(isPlausibleRd(x, y)).toBe(expected);
  });
});
