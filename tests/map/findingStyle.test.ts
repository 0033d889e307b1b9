import { describe, expect, it } from 'vitest';
import { findingMarkerStyle } from '../../src/map/findingStyle';
import { findingStatuses } from '../../src/domain/finding';

const theme = { colour: '#0077BB', glyph: 'S' };

describe('finding markers: colour by theme, shape by status', () => {
  it.each([
    ['open', 'circle'],
    ['assigned', 'square'],
    ['in_progress', 'square'],
    ['fixed', 'diamond'],
    ['verified', 'diamond'],
    ['wont_fix', 'ring'],
    ['duplicate', 'ring'],
  ] as const)('%s is drawn as a %s', (status, shape) => {
    expect(findingMarkerStyle(status, theme).shape).toBe(shape);
  });

  it('every status has a shape, and the theme shows in fill or edge', () => {
    for (const status of findingStatuses) {
      const s = findingMarkerStyle(status, theme);
      expect(s.glyph).toBe('S');
      if (s.shape !== 'ring') expect([s.fillColor, s.color]).toContain(theme.colour);
    }
  });

  it('overdue gets a thick black ring; the selected one is larger with a yellow ring between black lines', () => {
    expect(findingMarkerStyle('assigned', theme, { overdue: true }).rings).toEqual([{ colour: '#000000', width: 3 }]);
    const selected = findingMarkerStyle('open', theme, { selected: true });
    expect(selected.radius).toBeGreaterThan(findingMarkerStyle('open', theme).radius);
    expect(selected.rings!.map((r) => r.colour)).toEqual(['#000000', '#ffbf47', '#000000']);
    // A hollow marker's coloured edge is kept apart from the ring by a white line.
    expect(findingMarkerStyle('fixed', theme, { overdue: true }).rings![0]).toEqual({ colour: '#ffffff', width: 1.5 });
  });

  it('the glyph is white or black, whichever reads better on the theme colour', () => {
    expect(findingMarkerStyle('open', { colour: '#0077BB', glyph: 'S' }).glyphColor).toBe('#ffffff');
    expect(findingMarkerStyle('open', { colour: '#EE3377', glyph: 'O' }).glyphColor).toBe('#000000');
    // On a hollow marker the theme colour, where it reads as text on white.
    expect(findingMarkerStyle('fixed', { colour: '#0077BB', glyph: 'S' }).glyphColor).toBe('#0077BB');
    expect(findingMarkerStyle('fixed', { colour: '#EE3377', glyph: 'O' }).glyphColor).toBe('#000000');
  });
});
