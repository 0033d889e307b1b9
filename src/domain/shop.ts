import { z } from 'zod';
import { municipalityIdSchema } from './area';
import { pointSchema } from './geojson';
import { storableString } from './text';
import { bagIdsSchema } from './geocode';

/**
 * A shop in the register (DOMAIN.md "Records"). The register holds shops, never persons: there is no
 * owner, phone or e-mail field, and the object is strict so such fields cannot slip in unnoticed.
 */

/** The seven participation measures, in the order of the per-area certification (questions 2, 4-9). */
export const shopFlagKeys = [
  'partnershipMember',
  'whatsappGroup',
  'collectiveBan',
  'nuisanceFee',
  'surveyAnswered',
  'newsletter',
  'kvoApp',
] as const;
export const shopFlagKeySchema = z.enum(shopFlagKeys);
export type ShopFlagKey = z.infer<typeof shopFlagKeySchema>;

export const shopFlagsSchema = z.strictObject({
  partnershipMember: z.boolean(),
  whatsappGroup: z.boolean(),
  collectiveBan: z.boolean(),
  nuisanceFee: z.boolean(),
  surveyAnswered: z.boolean(),
  newsletter: z.boolean(),
  kvoApp: z.boolean(),
});
export type ShopFlags = z.infer<typeof shopFlagsSchema>;

/** Survey years of a shop, each once, in order. */
export const surveyYearsSchema = z
  .array(z.int().min(2000).max(2100))
  .max(100)
  .refine((ys) => ys.every((y, i) => i === 0 || y > ys[i - 1]!), { message: 'years must be unique and in order' });

/** A calendar date, 'YYYY-MM-DD' (no time, no zone): a real date, so 2023-02-29 is refused. */
export const isoDateSchema = z.iso.date();

/** One shop check, visit or course attendance. The note is about the shop, never about a person. */
export const datedEntrySchema = z.strictObject({
  date: isoDateSchema,
  note: storableString().trim().max(500).optional(),
});
export type DatedEntry = z.infer<typeof datedEntrySchema>;

/** Decades of yearly checks; a longer list is an error or an attack, and every device pulls it. */
export const MAX_DATED_ENTRIES = 200;

export const SHOP_LIMITS = { id: 64, name: 120, address: 200, sector: 80 } as const;

export const shopSchema = z.strictObject({
  /** Made on the device (UUIDv7) or taken from an import. */
  id: storableString().trim().min(1).max(SHOP_LIMITS.id),
  municipality: municipalityIdSchema,
  name: storableString().trim().min(1).max(SHOP_LIMITS.name),
  address: storableString().trim().max(SHOP_LIMITS.address),
  point: pointSchema,
  sector: storableString().trim().max(SHOP_LIMITS.sector),
  /** Closed shops stay in the register but count nowhere in participation. */
  open: z.boolean(),
  flags: shopFlagsSchema,
  shopChecks: z.array(datedEntrySchema).max(MAX_DATED_ENTRIES),
  visits: z.array(datedEntrySchema).max(MAX_DATED_ENTRIES),
  courses: z.array(datedEntrySchema).max(MAX_DATED_ENTRIES),
  /** BAG ids of its address when it was geocoded (issue 14); absent on shops placed by hand or by coordinates. */
  bag: bagIdsSchema.optional(),
  /** Years whose survey the coordinator marked answered (a paper answer, a tick in the form): per year (SPEC.md R50). */
  surveyYears: surveyYearsSchema.optional(),
  /** Years whose survey the shop answered through its link: written by the server only, never by a device (R50). */
  surveyAnsweredYears: surveyYearsSchema.optional(),
});
export type Shop = z.infer<typeof shopSchema>;

/**
 * Whether the shop answered `year`'s survey (question 7 of that year, SPEC.md R50): answered online
 * (`surveyAnsweredYears`, the server's) or marked by the coordinator (`surveyYears`). A record from before
 * the years were kept (neither list) falls back to its one `flags.surveyAnswered` for any year.
 */
export function surveyAnsweredIn(shop: Pick<Shop, 'flags' | 'surveyYears' | 'surveyAnsweredYears'>, year: number): boolean {
  if (shop.surveyYears === undefined && shop.surveyAnsweredYears === undefined) return shop.flags.surveyAnswered;
  return (shop.surveyYears ?? []).includes(year) || (shop.surveyAnsweredYears ?? []).includes(year);
}

/** The coordinator's tick for `year`: the year added to or taken from `surveyYears`, and `flags.surveyAnswered` kept as that year's answer. */
export function markSurveyYear<S extends Pick<Shop, 'flags' | 'surveyYears' | 'surveyAnsweredYears'>>(shop: S, year: number, answered: boolean): S {
  const base = shop.surveyYears ?? (shop.surveyAnsweredYears === undefined && shop.flags.surveyAnswered ? [year] : []);
  const years = [...new Set(answered ? [...base, year] : base.filter((y) => y !== year))].sort((a, b) => a - b);
  const next = { ...shop, surveyYears: years };
  return { ...next, flags: { ...shop.flags, surveyAnswered: surveyAnsweredIn(next, year) } };
}

export function noFlags(): ShopFlags {
  return {
    partnershipMember: false,
    whatsappGroup: false,
    collectiveBan: false,
    nuisanceFee: false,
    surveyAnswered: false,
    newsletter: false,
    kvoApp: false,
  };
}

/** What a new shop needs; the rest starts empty (see `newShop`) unless given. */
export type NewShopFields = Pick<Shop, 'id' | 'municipality' | 'name' | 'address' | 'point'> & Partial<Shop>;

/** A shop as the register starts it: open, no sector, no measures, no checks, visits or courses. */
export function newShop(fields: NewShopFields): Shop {
  const { id, municipality, name, address, point, ...rest } = fields;
  return {
    id,
    municipality,
    name,
    address,
    point,
    sector: '',
    open: true,
    flags: noFlags(),
    shopChecks: [],
    visits: [],
    courses: [],
    ...rest,
  };
}
