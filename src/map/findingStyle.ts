import { contrastRatio, MIN_TEXT_CONTRAST, mostReadableOn } from '../domain/contrast';
import type { FindingStatus } from '../domain/finding';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'ring';

export interface FindingMarkerStyle {
  shape: MarkerShape;
  radius: number;
  fillColor: string;
  color: string;
  weight: number;
  dashArray?: string;
  glyph: string;
  glyphColor: string;
  /**
   * Rings drawn around the edge, inside out (overdue, selected). Every colour touches only colours it
   * holds 3:1 against, and the outermost is dark, so the state shows on a light map.
   */
  rings?: readonly MarkerRing[];
}

export interface MarkerRing {
  colour: string;
  width: number;
}

const OVERDUE: readonly MarkerRing[] = [{ colour: '#000000', width: 3 }];
const SELECTED: readonly MarkerRing[] = [
  { colour: '#000000', width: 1.5 },
  { colour: '#ffbf47', width: 4 },
  { colour: '#000000', width: 1.5 },
];
// A hollow shape's edge is its theme colour, which may be dark: a white line keeps it apart from a state ring.
const HOLLOW_GAP: MarkerRing = { colour: '#ffffff', width: 1.5 };

/** The glyph on a filled marker: white or black, whichever reads better on the theme colour. */
export function glyphOn(fill: string): string {
  let glyph = glyphCache.get(fill);
  if (glyph === undefined) glyphCache.set(fill, (glyph = mostReadableOn(fill, ['#ffffff', '#000000'])));
  return glyph;
}
// A handful of theme colours, asked for every marker drawn: computed once each.
const glyphCache = new Map<string, string>();

/** The glyph on a hollow (white) marker: the theme colour where it is readable as text on white, else black. */
function glyphOnWhite(colour: string): string {
  return contrastRatio(colour, '#ffffff') >= MIN_TEXT_CONTRAST ? colour : '#000000';
}

/**
 * Colour says the theme, shape says the status, so neither depends on colour vision alone:
 * open = filled circle, being handled (assigned, in progress) = filled square, fixed or verified =
 * hollow diamond, won't fix / duplicate = dashed grey ring. Overdue gets a thick black ring, the
 * selected one a yellow ring between black lines and a larger size. The white edge keeps a
 * marker readable on both the map and the aerial photo; the glyph is white or black, whichever holds
 * WCAG AA text contrast on the fill (tests/map/mapColours.test.ts checks every colour here).
 */
export function findingMarkerStyle(
  status: FindingStatus,
  theme: { colour: string; glyph: string },
  flags: { overdue?: boolean; selected?: boolean } = {},
): FindingMarkerStyle {
  const base = { radius: flags.selected ? 16 : 12, glyph: theme.glyph, color: '#ffffff', weight: 2.5 };
  let style: FindingMarkerStyle;
  switch (status) {
    case 'open':
      style = { ...base, shape: 'circle', fillColor: theme.colour, glyphColor: glyphOn(theme.colour) };
      break;
    case 'assigned':
    case 'in_progress':
      style = { ...base, shape: 'square', fillColor: theme.colour, glyphColor: glyphOn(theme.colour) };
      break;
    case 'fixed':
    case 'verified':
      style = { ...base, shape: 'diamond', fillColor: '#ffffff', color: theme.colour, weight: 3, glyphColor: glyphOnWhite(theme.colour) };
      break;
    default:
      style = { ...base, shape: 'ring', fillColor: '#ffffff', color: '#555555', weight: 2.5, dashArray: '4 3', glyphColor: '#555555' };
  }
  const rings = flags.selected ? SELECTED : flags.overdue ? OVERDUE : null;
  if (rings) style = { ...style, rings: style.fillColor === '#ffffff' ? [HOLLOW_GAP, ...rings] : rings };
  return style;
}

/**
 * A cluster's fixed colours: a white disc with a dark hairline edge (readable on the aerial photo and
 * on white) and a near-black count. Its ring takes the theme colours.
 */
export const clusterColours = { disc: '#ffffff', edge: '#333333', label: '#1a1a1a' } as const;

export interface ClusterMarkerStyle {
  /** Outer radius in px, growing with the count so a big cluster reads as big. */
  radius: number;
  /** The ring: each theme colour's share of the circle, largest first from 12 o'clock, in radians. */
  arcs: { colour: string; from: number; to: number }[];
  label: string;
}

/**
 * A cluster is a white disc with its count, ringed by the theme colours of the findings in it, each
 * colour as long as its share (a theme with even one finding keeps a visible arc).
 */
export function clusterMarkerStyle(count: number, themes: readonly { colour: string; count: number }[], formatCount: (n: number) => string): ClusterMarkerStyle {
  const radius = Math.round(13 + Math.min(4, Math.log10(Math.max(count, 1))) * 4);
  const total = themes.reduce((s, t) => s + t.count, 0) || 1;
  // At least 8% of the ring: one finding of another theme among hundreds is still seen.
  const minShare = 0.08;
  const shares = themes.map((t) => Math.max(t.count / total, minShare));
  const scale = shares.reduce((s, x) => s + x, 0);
  let at = -Math.PI / 2;
  const arcs = themes.map((t, i) => {
    const from = at;
    at += (shares[i]! / scale) * Math.PI * 2;
    return { colour: t.colour, from, to: at };
  });
  return { radius, arcs, label: formatCount(count) };
}
