import { describe, expect, it } from 'vitest';
import { noFlags, type Shop } from '../../../src/domain/shop';
import { emptyFilter, filterShops } from '../../../src/features/shops/filterShops';

const shop = (id: string, name: string, extra: Partial<Shop> = {}): Shop => ({
  id,
  municipality: 'deventer',
  name,
  address: 'Brink 1',
  point: { type: 'Point', coordinates: [6.16, 52.25] },
  sector: 'food',
  open: true,
  flags: noFlags(),
  shopChecks: [],
  visits: [],
  courses: [],
  ...extra,
});
const shops = [
  shop('a', 'Zeeman', { sector: 'kleding' }),
  shop('b', 'Bakkerij Één', { flags: { ...noFlags(), collectiveBan: true } }),
  shop('c', 'Café Gesloten', { open: false }),
];
const assignment = new Map<string, string | null>([
  ['a', 'brink'],
  ['b', 'brink'],
  ['c', null],
]);
const names = (list: Shop[]) => list.map((s) => s.name);

describe('filtering the shop register', () => {
  it('lists every shop by name when no filter is set', () => {
    expect(names(filterShops(shops, assignment, emptyFilter))).toEqual(['Bakkerij Één', 'Café Gesloten', 'Zeeman']);
  });
  it('searches name, address and sector, ignoring case and accents', () => {
    expect(names(filterShops(shops, assignment, { ...emptyFilter, text: 'een' }))).toEqual(['Bakkerij Één']);
    expect(names(filterShops(shops, assignment, { ...emptyFilter, text: 'KLEDING' }))).toEqual(['Zeeman']);
  });
  it('filters by area, with "outside" for shops in no area', () => {
    expect(names(filterShops(shops, assignment, { ...emptyFilter, area: 'outside' }))).toEqual(['Café Gesloten']);
    expect(names(filterShops(shops, assignment, { ...emptyFilter, area: 'brink' }))).toEqual(['Bakkerij Één', 'Zeeman']);
  });
  it('filters by open or closed and by a participation flag', () => {
    expect(names(filterShops(shops, assignment, { ...emptyFilter, status: 'closed' }))).toEqual(['Café Gesloten']);
    expect(names(filterShops(shops, assignment, { ...emptyFilter, flag: 'collectiveBan' }))).toEqual(['Bakkerij Één']);
  });
});
