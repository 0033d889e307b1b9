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
}

/**
 * Colour says the theme, shape says the status, so neither depends on colour vision alone:
 * open = filled circle, being handled (assigned, in progress) = filled square, fixed or verified =
 * hollow diamond, won't fix / duplicate = dashed grey ring. Overdue gets a thick black edge, the
 * selected one a thick yellow edge and a larger size. The white edge keeps a marker readable on
 * both the map and the aerial photo.
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
      style = { ...base, shape: 'circle', fillColor: theme.colour, glyphColor: '#ffffff' };
      break;
    case 'assigned':
    case 'in_progress':
      style = { ...base, shape: 'square', fillColor: theme.colour, glyphColor: '#ffffff' };
      break;
    case 'fixed':
    case 'verified':
      style = { ...base, shape: 'diamond', fillColor: '#ffffff', color: theme.colour, weight: 3, glyphColor: theme.colour };
      break;
    default:
      style = { ...base, shape: 'ring', fillColor: '#ffffff', color: '#555555', weight: 2.5, dashArray: '4 3', glyphColor: '#555555' };
  }
  if (flags.overdue) style = { ...style, color: '#000000', weight: 4 };
  if (flags.selected) style = { ...style, color: '#ffbf47', weight: 5 };
  return style;
}

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
