import type { BagIds } from '../../domain/geocode';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { v7 as uuidv7 } from 'uuid';
import type { AreaGeometry } from '../../domain/geojson';
import { isoDateSchema, noFlags, SHOP_LIMITS, type DatedEntry, type Shop, type ShopFlags } from '../../domain/shop';

export type EntryKind = 'shopChecks' | 'visits' | 'courses';
export const entryKinds: EntryKind[] = ['shopChecks', 'visits', 'courses'];

/** The form's state: a shop that may not have a place yet. */
export interface ShopDraft {
  id: string;
  name: string;
  address: string;
  sector: string;
  open: boolean;
  flags: ShopFlags;
  point: [number, number] | null;
  shopChecks: DatedEntry[];
  visits: DatedEntry[];
  courses: DatedEntry[];
  /** BAG ids of a geocoded shop (issue 14): kept through an edit. */
  bag?: BagIds;
  /** Survey years (R50): ticked in the form; answered online (the server's, kept as it is). */
  surveyYears?: number[];
  surveyAnsweredYears?: number[];
}

export type DraftErrorKey = 'name' | 'point' | 'outside' | 'date' | 'tooLong';
/** Field → error key; entry fields are `shopChecks.0`. */
export type DraftErrors = Partial<Record<string, DraftErrorKey>>;

export function newDraft(): ShopDraft {
  return { id: uuidv7(), name: '', address: '', sector: '', open: true, flags: noFlags(), point: null, shopChecks: [], visits: [], courses: [] };
}

export function draftOf(shop: Shop): ShopDraft {
  const [lon, lat] = shop.point.coordinates;
  return { ...shop, point: [lon, lat] };
}

/** Checks the draft; returns the shop to save, or the errors per field. */
export function validateDraft(
  d: ShopDraft,
  municipality: string,
  boundary: AreaGeometry | undefined,
): { ok: true; shop: Shop } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (d.name.trim() === '') errors.name = 'name';
  else if (d.name.trim().length > SHOP_LIMITS.name) errors.name = 'tooLong';
  if (d.address.trim().length > SHOP_LIMITS.address) errors.address = 'tooLong';
  if (d.sector.trim().length > SHOP_LIMITS.sector) errors.sector = 'tooLong';
  if (!d.point) errors.point = 'point';
  else if (boundary && !booleanPointInPolygon(d.point, boundary, { ignoreBoundary: false })) errors.point = 'outside';
  for (const kind of entryKinds) {
    d[kind].forEach((e, i) => {
      if (!isoDateSchema.safeParse(e.date).success) errors[`${kind}.${i}`] = 'date';
    });
  }
  if (Object.keys(errors).length > 0 || !d.point) return { ok: false, errors };
  const clean = (list: DatedEntry[]) =>
    list.map((e) => (e.note?.trim() ? { date: e.date, note: e.note.trim() } : { date: e.date })).sort((a, b) => a.date.localeCompare(b.date));
  return {
    ok: true,
    shop: {
      id: d.id,
      municipality,
      name: d.name.trim(),
      address: d.address.trim(),
      sector: d.sector.trim(),
      open: d.open,
      flags: d.flags,
      point: { type: 'Point', coordinates: d.point },
      shopChecks: clean(d.shopChecks),
      visits: clean(d.visits),
      courses: clean(d.courses),
      ...(d.bag ? { bag: d.bag } : {}),
      ...(d.surveyYears ? { surveyYears: d.surveyYears } : {}),
      ...(d.surveyAnsweredYears ? { surveyAnsweredYears: d.surveyAnsweredYears } : {}),
    },
  };
}
