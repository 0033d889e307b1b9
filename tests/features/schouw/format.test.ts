import { describe, expect, it } from 'vitest';
import { formatWalkTime } from '../../../src/features/schouw/format';

describe('the time of a walk', () => {
  it('is shown the Dutch way, without passing through the device time zone', () => {
    expect(formatWalkTime('2026-11-03T19:30')).toBe('03-11-2026 19:30');
  });
  it('leaves anything unexpected as it is', () => {
    expect(formatWalkTime('soon')).toBe('soon');
  });
});
