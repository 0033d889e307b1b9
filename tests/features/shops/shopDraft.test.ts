import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../../src/domain/geojson';
import { newDraft, validateDraft } from '../../../src/features/shops/shopDraft';

const boundary: AreaGeometry = { type: 'Polygon', coordinates: [[[6.0, 52.15], [6.35, 52.15], [6.35, 52.35], [6.0, 52.35], [6.0, 52.15]]] };

describe('the shop form', () => {
  it('asks for a name and a place before saving', () => {
    const r = validateDraft({ ...newDraft(), name: '  ' }, 'deventer', boundary);
    expect(r).toEqual({ ok: false, errors: { name: 'name', point: 'point' } });
  });
  it('refuses a place outside the municipality and an invalid date, naming the entry', () => {
    const r = validateDraft({ ...newDraft(), name: 'X', point: [4.9, 52.37], visits: [{ date: '2024-02-30' }] }, 'deventer', boundary);
    expect(r).toEqual({ ok: false, errors: { point: 'outside', 'visits.0': 'date' } });
  });
  it('makes a valid shop: trimmed texts, entries sorted by date, empty notes dropped', () => {
    const r = validateDraft(
      { ...newDraft(), name: ' Bakker ', point: [6.16, 52.25], shopChecks: [{ date: '2024-05-01', note: ' ' }, { date: '2024-01-10', note: 'slot' }] },
      'deventer',
      boundary,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.shop.name).toBe('Bakker');
    expect(r.shop.point).toEqual({ type: 'Point', coordinates: [6.16, 52.25] });
    expect(r.shop.shopChecks).toEqual([{ date: '2024-01-10', note: 'slot' }, { date: '2024-05-01' }]);
  });
});

describe('BAG ids (issue 14)', () => {
  it('an edit keeps the BAG ids of a geocoded shop', () => {
    const bag = { nummeraanduidingId: '0150200000000001', adresseerbaarObjectId: '0150010000000001' };
    const d = { ...newDraft(), name: 'Bakker', point: [6.16, 52.25] as [number, number], bag };
    const v = validateDraft(d, 'deventer', undefined);
    expect(v.ok && v.shop.bag).toEqual(bag);
  });
});
