import { z } from 'zod';
import { areaIdSchema } from './area';
import { categoryCodeSchema } from './categories';
import { pointSchema } from './geojson';
import { municipalityIdSchema } from './area';
import { storableString } from './text';

export const findingStatuses = [
  'open',
  'assigned',
  'in_progress',
  'fixed',
  'verified',
  'wont_fix',
  'duplicate',
] as const;
export const findingStatusSchema = z.enum(findingStatuses);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

/** Statuses in which nobody is expected to act any more; only `reopen` leaves them. */
export const closedStatuses: readonly FindingStatus[] = ['fixed', 'verified', 'wont_fix', 'duplicate'];

/**
 * The owner of a finding is an owner organisation of its municipality (ownerOrganisation.ts), by id.
 * The six default organisations keep the ids the owner had when it was a fixed list, so findings
 * assigned before organisations existed point at the matching default organisation unchanged.
 */
export const findingOwners = [
  'municipality',
  'police',
  'fire_brigade',
  'shops',
  'housing_corporation',
  'other',
] as const;
/** An organisation id: a default id above or a UUID made when the coordinator adds one. */
export const findingOwnerSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be an owner organisation id');
export type FindingOwner = z.infer<typeof findingOwnerSchema>;

export const severities = ['low', 'medium', 'high'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

export const MAX_TEXT = 500;

/**
 * Free text is one line: it is typed with gloves, shown in lists and printed in the report, where a
 * pasted paragraph breaks the layout. Line breaks are folded to spaces by `toOneLine` before a
 * value reaches the record; the schema only checks.
 */
export const oneLineTextSchema = storableString()
  .trim()
  .max(MAX_TEXT)
  .regex(/^[^\r\n\u2028\u2029]*$/, 'text must be one line');

export function toOneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/** Lower-case hex, so the same photo bytes always give the same key on every device. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case SHA-256 hex digest');

export const findingIdSchema = z.uuid();
export const userIdSchema = storableString().trim().min(1).max(100);
/** A calendar day, 'YYYY-MM-DD'; the regex behind z.iso.date() refuses 2026-02-30. */
export const isoDateSchema = z.iso.date();
/** An instant in UTC ('Z'), as `Date.toISOString()` writes it. */
export const isoInstantSchema = z.iso.datetime();

// The fields without the cross-field rules, for code that needs to pick or extend them.
export const findingFieldsSchema = z.object({
  id: findingIdSchema,
  municipality: municipalityIdSchema,
  /** Derived from `point` by whoever has the areas (on the server, always); null means outside every area. */
  areaId: areaIdSchema.nullable(),
  inspectionId: z.uuid().optional(),
  point: pointSchema,
  categoryCode: categoryCodeSchema,
  description: oneLineTextSchema,
  severity: severitySchema,
  photoHashes: z.array(sha256HexSchema),
  owner: findingOwnerSchema.nullable(),
  dueDate: isoDateSchema.nullable(),
  status: findingStatusSchema,
  fixNote: oneLineTextSchema.nullable(),
  wontFixReason: oneLineTextSchema.nullable(),
  duplicateOf: findingIdSchema.nullable(),
  createdAt: isoInstantSchema,
  createdBy: userIdSchema,
  updatedAt: isoInstantSchema,
  /** Soft delete: the finding and its history stay, so removal is traceable and syncable. */
  removed: z.boolean(),
});

export const findingSchema = findingFieldsSchema.superRefine((f, ctx) => {
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  // DOMAIN.md: "assigned" means owner and due date are known; that stays true while in progress.
  if (f.status === 'assigned' || f.status === 'in_progress') {
    need(f.owner !== null, 'owner', `status ${f.status} needs an owner`);
    need(f.dueDate !== null, 'dueDate', `status ${f.status} needs a due date`);
  }
  if (f.status === 'fixed' || f.status === 'verified') {
    need(f.fixNote !== null || f.photoHashes.length > 0, 'fixNote', 'a fix needs a note or a photo');
  }
  if (f.status === 'wont_fix') need(!!f.wontFixReason, 'wontFixReason', 'wont_fix needs a reason');
  if (f.status === 'duplicate') need(f.duplicateOf !== null, 'duplicateOf', 'duplicate needs a target');
  need(f.duplicateOf !== f.id, 'duplicateOf', 'a finding cannot duplicate itself');
  need(new Set(f.photoHashes).size === f.photoHashes.length, 'photoHashes', 'photo listed twice');
});
export type Finding = z.infer<typeof findingSchema>;

export const findingEventKinds = [
  'created',
  'moved',
  'category_changed',
  'status_changed',
  'owner_changed',
  'due_date_changed',
  'comment',
  'photo_added',
  'marked_duplicate',
  'reopened',
  'description_changed',
  'severity_changed',
  'removed',
] as const;
export const findingEventKindSchema = z.enum(findingEventKinds);
export type FindingEventKind = z.infer<typeof findingEventKindSchema>;

/**
 * One entry of a finding's history. Events are only ever added (never edited), so they never
 * conflict in sync. `before`/`after` hold the value of the one aspect the event is about, in the
 * record's own shape (a status string, an owner, a point...); see findingStatus.ts for each kind.
 */
export const findingEventSchema = z.object({
  id: z.uuid(),
  findingId: findingIdSchema,
  at: isoInstantSchema,
  by: userIdSchema,
  kind: findingEventKindSchema,
  before: z.json(),
  after: z.json(),
  note: oneLineTextSchema.nullable(),
});
export type FindingEvent = z.infer<typeof findingEventSchema>;
