import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AreaGeometry } from './geojson';
import { checkAddressQuery, type AddressQuery, type BagIds } from './geocode';
import { SHOP_LIMITS, shopSchema, type Shop } from './shop';
import { addressFields, type ShopField } from './shopImportHeaders';

/**
 * Address rows of the register import (issue 14): a row with postcode + huisnummer (+ huisletter,
 * toevoeging) or straat + huisnummer + plaats and no coordinates waits (`ShopDraft`) for a place from
 * the geocoder or the map, and becomes a shop through `placeDraft`.
 */

/** A shop of an address row, still without its place. */
export type ShopDraft = Omit<Shop, 'point'>;

/** The address cells of a row (only the filled ones). */
export function readAddressCells(cell: (f: ShopField) => string | undefined): AddressQuery {
  const lookup: AddressQuery = {};
  for (const f of addressFields) {
    const v = cell(f);
    if (v !== undefined && v !== '') lookup[f] = v;
  }
  return lookup;
}

export interface AddressRowProblem {
  field: ShopField;
  reason: 'invalid_number' | 'missing_address' | 'invalid_postcode';
  message: string;
  value?: string;
}

/** Why an address row cannot be looked up, or null when it can. `hasColumn` says which columns the file has. */
export function addressRowProblem(lookup: AddressQuery, hasColumn: (f: ShopField) => boolean): AddressRowProblem | null {
  const check = checkAddressQuery(lookup);
  if (check.ok) return null;
  const field: ShopField = hasColumn(check.field) ? check.field : 'huisnummer';
  const value = lookup[check.field];
  const message =
    check.reason === 'invalid_postcode'
      ? `"${value ?? ''}" is not a Dutch postcode (1234 AB)`
      : check.reason === 'invalid_number'
        ? `"${value ?? ''}" is not a house number`
        : 'No coordinates and no complete address (postcode + huisnummer, or straat + huisnummer + plaats)';
  return { field, reason: check.reason, message, ...(value ? { value } : {}) };
}

/** The draft of a good address row, checked against the shop schema with a stand-in point. */
export function checkDraft(draft: ShopDraft): { ok: true; draft: ShopDraft } | { ok: false; message: string } {
  const checked = shopSchema.safeParse({ ...draft, point: { type: 'Point', coordinates: [0, 0] } });
  if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? 'invalid shop' };
  const { point: _stand, ...rest } = checked.data;
  return { ok: true, draft: rest };
}

/** "Brink 12 A, 7411 BT Deventer" from the address cells (parts left out when empty). */
export function composeAddress(q: AddressQuery): string {
  const nr = [q.huisnummer, q.huisletter].filter(Boolean).join('') + (q.toevoeging ? `-${q.toevoeging}` : '');
  const street = [q.straat, nr].filter(Boolean).join(' ');
  const pc = (q.postcode ?? '').replace(/\s+/g, '').toUpperCase().replace(/^(\d{4})([A-Z]{2})$/, '$1 $2');
  const town = [pc, q.plaats].filter(Boolean).join(' ');
  return [street, town].filter((x) => x !== '').join(', ').slice(0, SHOP_LIMITS.address);
}

/**
 * The shop of an address row at the place found (or tapped): the point must lie in the municipality.
 * `address` replaces the row's address text when given (the geocoder's "Brink 12, 7411BT Deventer").
 */
export function placeDraft(
  draft: ShopDraft,
  point: [number, number],
  municipalityBoundary: AreaGeometry,
  found?: { bag?: BagIds | null; address?: string },
): { ok: true; shop: Shop } | { ok: false; reason: 'outside_municipality' | 'invalid_shop'; message: string } {
  if (!booleanPointInPolygon(point, municipalityBoundary, { ignoreBoundary: false })) {
    return { ok: false, reason: 'outside_municipality', message: `The point ${point[1].toFixed(5)}, ${point[0].toFixed(5)} lies outside the municipality` };
  }
  const checked = shopSchema.safeParse({
    ...draft,
    ...(found?.address ? { address: found.address.slice(0, SHOP_LIMITS.address) } : {}),
    point: { type: 'Point', coordinates: point },
    ...(found?.bag ? { bag: found.bag } : {}),
  });
  if (!checked.success) return { ok: false, reason: 'invalid_shop', message: checked.error.issues[0]?.message ?? 'invalid shop' };
  return { ok: true, shop: checked.data };
}

