import { describe, expect, it } from 'vitest';
import { summariseByTheme } from '../../src/domain/walkSummary';

describe('summary of a walk by theme', () => {
  it('counts per theme, severity and category, in the list order, and leaves removed findings out', () => {
    const s = summariseByTheme([
      { categoryCode: 'lighting', severity: 'high', removed: false },
      { categoryCode: 'lighting', severity: 'low', removed: false },
      { categoryCode: 'graffiti_vandalism', severity: 'medium', removed: false },
      { categoryCode: 'waste', severity: 'medium', removed: true },
    ]);
    expect(s.total).toBe(3);
    expect(s.themes.map((t) => [t.themeCode, t.count])).toEqual([
      ['sociale_veiligheid', 2],
      ['overlast', 1],
      ['brandveiligheid', 0],
      ['verkeersveiligheid', 0],
      ['milieu', 0],
    ]);
    expect(s.themes[0]!.bySeverity).toEqual({ low: 1, medium: 0, high: 1 });
    expect(s.themes[0]!.byCategory).toEqual({ lighting: 2 });
  });
});
