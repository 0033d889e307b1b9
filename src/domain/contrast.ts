/**
 * WCAG 2.x colour contrast, pure: relative luminance, the contrast ratio of two colours, and the
 * thresholds the app holds its colours to (1.4.3 text, 1.4.11 graphical objects and states).
 * Colours are `#rgb` or `#rrggbb`.
 */

/** Normal text (WCAG 1.4.3, AA). */
export const MIN_TEXT_CONTRAST = 4.5;
/** Large text, graphical objects and the states of controls (WCAG 1.4.3 large, 1.4.11). */
export const MIN_GRAPHIC_CONTRAST = 3;

export type Rgb = readonly [number, number, number];

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The colour's 0–255 channels; throws on anything but `#rgb`/`#rrggbb` (a programming error). */
export function parseHex(hex: string): Rgb {
  if (!HEX.test(hex)) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`);
  const h = hex.length === 4 ? hex.slice(1).replace(/./g, (c) => c + c) : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21, the same whichever comes first. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Of the candidates, the one with the highest contrast on `background` (the first wins a tie). */
export function mostReadableOn(background: string, candidates: readonly string[]): string {
  let best = candidates[0]!;
  for (const c of candidates) if (contrastRatio(c, background) > contrastRatio(best, background)) best = c;
  return best;
}
