import { describe, it, expect } from 'vitest';
import { nl } from '../../src/services/i18n/nl';
import { en } from '../../src/services/i18n/en';
import { authStrings } from '../../src/features/auth/i18n';
import { offlineStrings } from '../../src/features/offline/i18n';
import { shopsStrings } from '../../src/features/shops/i18n';
import { followupStrings } from '../../src/features/followup/i18n';
import { partnersStrings } from '../../src/features/partners/i18n';
import { areaEditorStrings } from '../../src/features/areaEditor/i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('language catalogues', () => {
  it.each([
    ['app shell', nl, en],
    ['accounts', authStrings.nl, authStrings.en],
    ['offline packs', offlineStrings.nl, offlineStrings.en],
    ['shops', shopsStrings.nl, shopsStrings.en],
    ['follow-up', followupStrings.nl, followupStrings.en],
    ['partners', partnersStrings.nl, partnersStrings.en],
    ['area editor', areaEditorStrings.nl, areaEditorStrings.en],
  ])('%s: Dutch and English have the same keys, so no English screen shows a Dutch hole', (_name, a, b) => {
    expect(keys(b).sort()).toEqual(keys(a).sort());
  });

  it('the Dutch texts are not the English ones copied', () => {
    expect(nl.areas.listTitle).toBe('Winkelgebieden');
    expect(en.areas.listTitle).toBe('Shopping areas');
    const same = keys(nl).filter((k) => {
      const get = (o: object) => k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o);
      return get(nl) === get(en);
    });
    // Only words that are the same in both languages may be equal.
    const sameInBoth = ['app.title', 'status.offline', 'status.online', 'update.later', 'app.navPartners'];
    expect(same.filter((k) => !sameInBoth.includes(k))).toEqual([]);
  });
});
