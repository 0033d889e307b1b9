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
