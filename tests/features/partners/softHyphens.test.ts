import { describe, expect, it } from 'vitest';
import { softHyphens } from '../../../src/features/partners/softHyphens';

const shown = (s: string) => s.replaceAll('\u00AD', '-');

describe('soft hyphens in the partners’ table headers', () => {
  it('lets long compounds break before their head, and only there', () => {
    expect(shown(softHyphens('Verkeersveiligheid'))).toBe('Verkeers-veiligheid');
    expect(shown(softHyphens('Brandveiligheid'))).toBe('Brand-veiligheid');
    expect(shown(softHyphens('Lid samenwerkingsverband'))).toBe('Lid samen-werkings-verband');
    expect(shown(softHyphens('Collectief Winkelverbod'))).toBe('Collectief Winkel-verbod');
    expect(shown(softHyphens('Overlastdonatie'))).toBe('Overlast-donatie');
  });

  it('leaves short words, words that are only the head, and English labels as they are', () => {
    for (const s of ['Sociale veiligheid', 'Overlast', 'Milieu', 'Cijfer', 'WhatsApp-groep', 'Environment', 'Fire safety', 'veiligheid']) {
      expect(softHyphens(s)).toBe(s);
    }
  });

  it('changes nothing a reader sees but the break points', () => {
    const label = 'Lid samenwerkingsverband';
    expect(softHyphens(label).replaceAll('\u00AD', '')).toBe(label);
  });
});
