import { describe, expect, it } from 'vitest';
import { pickLabels, type LabelBox } from '../../src/map/labelPlacement';

const box = (id: string, x: number, y: number, priority: number, width = 100, height = 20): LabelBox => ({ id, x, y, width, height, priority });

describe('pickLabels: area labels never hide each other', () => {
  it.each([
    ['two far apart both show', [box('a', 0, 0, 1), box('b', 300, 0, 2)], ['a', 'b']],
    ['overlapping: the higher priority wins', [box('deltaplein', 0, 0, 1), box('rivierenwijk', 40, 5, 5)], ['rivierenwijk']],
    ['overlapping, lower listed first: still the higher wins', [box('big', 40, 5, 5), box('small', 0, 0, 1)], ['big']],
    ['equal priority: the first id wins, stably', [box('b', 0, 0, 1), box('a', 10, 0, 1)], ['a']],
    ['touching edges within the gap count as overlap', [box('a', 0, 0, 2), box('b', 101, 0, 1)], ['a']],
    ['beside each other with room to spare both show', [box('a', 0, 0, 2), box('b', 105, 0, 1)], ['a', 'b']],
    ['a dropped label does not block a third', [box('a', 0, 0, 3), box('b', 60, 0, 2), box('c', 120, 0, 1)], ['a', 'c']],
    ['no labels', [], []],
  ] as const)('%s', (_name, labels, shown) => {
    expect([...pickLabels(labels)].sort()).toEqual([...shown].sort());
  });

  it('zooming in (boxes further apart) brings the lower-priority label back', () => {
    const at = (scale: number) => pickLabels([box('high', 0, 0, 9), box('low', 80 * scale, 10 * scale, 1)]);
    expect([...at(1)]).toEqual(['high']);
    expect([...at(2)].sort()).toEqual(['high', 'low']);
  });
});
