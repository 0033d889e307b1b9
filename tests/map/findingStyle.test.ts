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

  it('overdue gets a thick black edge; the selected one is larger with a yellow edge', () => {
    expect(findingMarkerStyle('assigned', theme, { overdue: true })).toMatchObject({ color: '#000000', weight: 4 });
    const selected = findingMarkerStyle('open', theme, { selected: true });
    expect(selected.radius).toBeGreaterThan(findingMarkerStyle('open', theme).radius);
    expect(selected.color).toBe('#ffbf47');
  });
});
