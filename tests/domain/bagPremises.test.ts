/** Issue 14: BAG premises read from OGC API pages, kept inside the outline and compared with the register. */
import { describe, expect, it } from 'vitest';
import { compareWithRegister, readOgcPage, shopPremisesInside, type BagPremises } from '../../src/domain/bagPremises';
import type { AreaGeometry } from '../../src/domain/geojson';
import { noFlags, type Shop } from '../../src/domain/shop';

const prem = (n: number, point: [number, number], address = `Markt ${n}, 7411AA Deventer`, uses = ['winkelfunctie']): BagPremises => ({ id: `01500100000000${String(n).padStart(2, '0')}`, point, address, gebruiksdoel: uses, status: 'Verblijfsobject in gebruik' });
const shop = (id: string, point: [number, number], over: Partial<Shop> = {}): Shop => ({ id, municipality: 'deventer', name: id, address: '', point: { type: 'Point', coordinates: point }, sector: '', open: true, flags: noFlags(), shopChecks: [], visits: [], courses: [], ...over });

describe('readOgcPage', () => {
  it('reads features, the next link and the counts', () => {
    const page = readOgcPage({
      type: 'FeatureCollection',
      numberMatched: 3,
      numberReturned: 2,
      links: [{ rel: 'self', href: 'a' }, { rel: 'next', href: 'http://x/items?offset=2' }],
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [6.1, 52.2] }, properties: { identificatie: '0150010000000001', gebruiksdoel: 'woonfunctie,winkelfunctie', openbare_ruimte_naam: 'Markt', huisnummer: 1, huisletter: 'A', postcode: '7411AA', woonplaats_naam: 'Deventer', status: 'Verblijfsobject in gebruik' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [6.1, 52.2] }, properties: { identificatie: 'not an id' } },
      ],
    })!;
    expect(page.next).toBe('http://x/items?offset=2');
    expect([page.numberMatched, page.numberReturned, page.read]).toEqual([3, 2, 2]);
    expect(page.premises).toEqual([{ id: '0150010000000001', point: [6.1, 52.2], address: 'Markt 1A, 7411AA Deventer', gebruiksdoel: ['woonfunctie', 'winkelfunctie'], status: 'Verblijfsobject in gebruik' }]);
  });
  it('the last page has no next; a non-collection is null', () => {
    expect(readOgcPage({ type: 'FeatureCollection', features: [], links: [] })!.next).toBeNull();
    expect(readOgcPage({ type: 'Feature' })).toBeNull();
  });
});

describe('shopPremisesInside', () => {
  it('keeps shop premises inside the outline (boundary inside), each once', () => {
    const outline = { type: 'Polygon', coordinates: [[[6, 52], [6.01, 52], [6.01, 52.01], [6, 52.01], [6, 52]]] } as AreaGeometry;
    const list = [prem(1, [6.005, 52.005]), prem(1, [6.005, 52.005]), prem(2, [6.01, 52.005]), prem(3, [6.02, 52.005]), prem(4, [6.005, 52.005], 'x', ['woonfunctie'])];
    expect(shopPremisesInside(list, outline).map((p) => p.id)).toEqual([prem(1, [0, 0]).id, prem(2, [0, 0]).id]);
  });
});

describe('compareWithRegister', () => {
  const premises = [prem(1, [6.0, 52.0]), prem(2, [6.001, 52.0]), prem(3, [6.002, 52.0]), prem(4, [6.003, 52.0]), prem(5, [6.004, 52.0])];
  it.each([
    ['by BAG id', [shop('a', [6.1, 52.1], { bag: { nummeraanduidingId: '0150200000000001', adresseerbaarObjectId: premises[0]!.id } })], [], { matched: 1, without: 4, flagged: [] }],
    ['by address text', [shop('a', [6.1, 52.1], { address: 'markt 2 7411 aa deventer' })], [], { matched: 1, without: 4, flagged: [] }],
    ['by distance (within 8 m)', [shop('a', [6.00201, 52.00001])], [], { matched: 1, without: 4, flagged: [] }],
    ['too far: flagged', [shop('a', [6.0025, 52.0])], [], { matched: 0, without: 5, flagged: ['a'] }],
    ['closed shops count nowhere', [shop('a', [6.002, 52.0], { open: false })], [], { matched: 0, without: 5, flagged: [] }],
    ['a decision takes the premises out of "without"', [], [{ premisesId: premises[4]!.id, kind: 'horeca' as const, decidedBy: 'x', decidedAt: '' }], { matched: 0, without: 4, flagged: [] }],
  ])('%s', (_n, shops, decisions, expected) => {
    const c = compareWithRegister(premises, shops, decisions);
    expect({ matched: c.matched, without: c.withoutShop.length, flagged: c.shopsWithoutPremises.map((s) => s.id) }).toEqual(expected);
    expect(c.premises).toBe(5);
    expect(c.matched + c.withoutShop.length + c.notShopTotal).toBe(5);
  });
});
