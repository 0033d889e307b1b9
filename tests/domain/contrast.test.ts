import { describe, expect, it } from 'vitest';
import { contrastRatio, mostReadableOn, parseHex, relativeLuminance, toHex } from '../../src/domain/contrast';

describe('WCAG contrast ratio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#0077bb', '#ffffff', 4.82],
    ['#ee3377', '#dddddd', 2.88],
    ['#fff', '#000', 21],
  ])('%s on %s is %s:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });

  it('luminance runs from black (0) to white (1), green weighing most', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#00ff00')).toBeGreaterThan(relativeLuminance('#ff0000'));
    expect(relativeLuminance('#ff0000')).toBeGreaterThan(relativeLuminance('#0000ff'));
  });

  it('reads #rgb and #rrggbb, in either case, and refuses anything else', () => {
    expect(parseHex('#AbC')).toEqual([0xaa, 0xbb, 0xcc]);
    expect(parseHex('#0077BB')).toEqual([0, 0x77, 0xbb]);
    expect(toHex([0, 119, 187])).toBe('#0077bb');
    expect(toHex([300, -4, 12.4])).toBe('#ff000c');
    for (const bad of ['0077bb', '#0077b', 'red', '#gg0000']) expect(() => parseHex(bad)).toThrow();
  });

  it('picks the candidate that reads best on a background', () => {
    expect(mostReadableOn('#0077bb', ['#ffffff', '#000000'])).toBe('#ffffff');
    expect(mostReadableOn('#ee3377', ['#ffffff', '#000000'])).toBe('#000000');
    expect(mostReadableOn('#ffffff', ['#ffffff', '#ffffff'])).toBe('#ffffff');
  });
});
