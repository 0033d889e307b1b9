/**
 * Worries before the walk (issue 16): a shopkeeper pins a spot that worries them on the area's map
 * through a public link, the coordinator accepts or rejects it, and an accepted worry is synced to the
 * walking team (SPEC.md R47) to be confirmed on the spot as a finding or dismissed with a reason.
 * Pure: the same rules decide on the device and on the server.
 */
import { z } from 'zod';
import { areaIdSchema, municipalityIdSchema } from './area';
import { categoryCodeSchema } from './categories';
import { findingIdSchema, isoInstantSchema, oneLineTextSchema, sha256HexSchema, userIdSchema } from './finding';
import type { Role } from './findingStatus';
import { lonLatSchema, pointSchema } from './geojson';
import { storableString } from './text';

/** A worry is one line, shorter than a finding's text: it is typed on a phone, in a shop. */
export const WORRY_TEXT_MAX = 280;
/** A photo is downscaled on the phone first; the base64 text of what is left stays under this. */
export const WORRY_PHOTO_MAX_BYTES = 3 * 1024 * 1024;
/** Per public link and per client address, in one hour (README "Worries before the walk"). */
export const WORRY_LIMIT_PER_LINK = 30;
export const WORRY_LIMIT_PER_ADDRESS = 5;
export const WORRY_LIMIT_WINDOW_MS = 60 * 60 * 1000;

export const worryTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be the token of a worry link');
export const worryTextSchema = oneLineTextSchema.min(1).max(WORRY_TEXT_MAX);

/** What the shopkeeper's phone sends (POST /api/public/worries). */
export const worrySubmissionSchema = z.strictObject({
  token: worryTokenSchema,
  point: lonLatSchema,
  categoryCode: categoryCodeSchema,
  text: worryTextSchema,
  /** A JPEG, PNG or WebP as base64 (no data: prefix); checked and re-encoded on the server. */
  photo: storableString()
    .max(Math.ceil((WORRY_PHOTO_MAX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'photo must be base64')
    .optional(),
});
export type WorrySubmission = z.infer<typeof worrySubmissionSchema>;

export const worryStatuses = ['accepted', 'confirmed', 'dismissed'] as const;
export const worryStatusSchema = z.enum(worryStatuses);
export type WorryStatus = z.infer<typeof worryStatusSchema>;

/** The synced record (sync kind `worries`): made by the server when the coordinator accepts one. */
export const worryFieldsSchema = z.object({
  id: z.uuid(),
  municipality: municipalityIdSchema,
  areaId: areaIdSchema,
  point: pointSchema,
  categoryCode: categoryCodeSchema,
  text: worryTextSchema,
  photoHash: sha256HexSchema.nullable(),
  submittedAt: isoInstantSchema,
  status: worryStatusSchema,
  /** The finding it became (confirmed). */
  findingId: findingIdSchema.nullable(),
  dismissReason: oneLineTextSchema.nullable(),
  checkedBy: userIdSchema.nullable(),
  checkedAt: isoInstantSchema.nullable(),
  updatedAt: isoInstantSchema,
});
export const worrySchema = worryFieldsSchema.superRefine((w, ctx) => {
  if (w.status === 'confirmed' && w.findingId === null) ctx.addIssue({ code: 'custom', path: ['findingId'], message: 'a confirmed worry names its finding' });
  if (w.status === 'dismissed' && !w.dismissReason) ctx.addIssue({ code: 'custom', path: ['dismissReason'], message: 'a dismissed worry needs a reason' });
});
export type Worry = z.infer<typeof worryFieldsSchema>;

/** Roles that check worries on the walk: those who walk. */
export const worryCheckRoles: readonly Role[] = ['coordinator', 'schouwer'];

export type WorryCheck = { kind: 'confirm'; findingId: string } | { kind: 'dismiss'; reason: string };
export type WorryRefusal = 'not_allowed_for_role' | 'already_checked' | 'needs_reason';

/** R48: an accepted worry is checked once: confirmed as a finding or dismissed with a reason. */
export function checkWorry(
  worry: Worry,
  check: WorryCheck,
  actor: { id: string; roles: readonly Role[] },
  now: Date,
): { ok: true; worry: Worry; changes: Partial<Worry> } | { ok: false; reason: WorryRefusal } {
  if (!actor.roles.some((r) => worryCheckRoles.includes(r))) return { ok: false, reason: 'not_allowed_for_role' };
  if (worry.status !== 'accepted') return { ok: false, reason: 'already_checked' };
  const at = now.toISOString();
  let changes: Partial<Worry>;
  if (check.kind === 'confirm') {
    changes = { status: 'confirmed', findingId: check.findingId, checkedBy: actor.id, checkedAt: at, updatedAt: at };
  } else {
    const reason = check.reason.replace(/\s+/g, ' ').trim();
    if (reason === '') return { ok: false, reason: 'needs_reason' };
    changes = { status: 'dismissed', dismissReason: reason.slice(0, 500), checkedBy: actor.id, checkedAt: at, updatedAt: at };
  }
  return { ok: true, worry: { ...worry, ...changes }, changes };
}

/** Fields a device may change on a worry: the check, nothing the shopkeeper wrote (R48). */
export const worryCheckFields: readonly (keyof Worry)[] = ['status', 'findingId', 'dismissReason', 'checkedBy', 'checkedAt', 'updatedAt'];
