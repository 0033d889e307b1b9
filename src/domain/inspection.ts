/**
 * The yearly walk (schouw) of one area, and its status machine: planned → walking → done.
 * Pure, like findingStatus.ts: a change returns the new record or a refusal with a reason code.
 */
import { z } from 'zod';
import { areaIdSchema, municipalityIdSchema } from './area';
import { MAX_TEXT, isoInstantSchema, oneLineTextSchema, toOneLine, userIdSchema } from './finding';
import type { ReasonCode } from './reasons';
import { storableString } from './text';

export const organisations = ['police', 'safety_coach', 'fire_brigade', 'wijkbeheerder', 'shops', 'other'] as const;
export const organisationSchema = z.enum(organisations);
export type Organisation = z.infer<typeof organisationSchema>;

export const inspectionStatuses = ['planned', 'walking', 'done'] as const;
export const inspectionStatusSchema = z.enum(inspectionStatuses);
export type InspectionStatus = z.infer<typeof inspectionStatusSchema>;

/** Local wall-clock time in Europe/Amsterdam, as an <input type="datetime-local"> gives it. */
export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'YYYY-MM-DDTHH:mm');

export const participantSchema = z.object({
  organisation: organisationSchema,
  /** A name or role; optional, because the organisation is what the report needs. */
  label: oneLineTextSchema.max(100).optional(),
});
export type Participant = z.infer<typeof participantSchema>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  municipality: municipalityIdSchema,
  areaId: areaIdSchema,
  startsAt: localDateTimeSchema,
  participants: z.array(participantSchema).max(30),
  /** Free notes may hold several lines (a route, a meeting point), unlike a finding's one line. */
  notes: storableString().max(MAX_TEXT * 4),
  status: inspectionStatusSchema,
  createdAt: isoInstantSchema,
  createdBy: userIdSchema.optional(),
  updatedAt: isoInstantSchema,
  /** When the walk really started and ended; findings reviewed after walkStartedAt count as seen on it. */
  walkStartedAt: isoInstantSchema.optional(),
  walkEndedAt: isoInstantSchema.optional(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export type InspectionRefusal = { ok: false; reason: ReasonCode; field?: string };
export type InspectionResult = { ok: true; inspection: Inspection } | InspectionRefusal;

export interface PlanInput {
  id: string;
  municipality: string;
  areaId: string;
  startsAt: string;
  participants: { organisation: string; label?: string }[];
  notes: string;
}

function cleanParticipants(list: PlanInput['participants']): Participant[] {
  return list
    .map((p) => ({ organisation: p.organisation, label: toOneLine(p.label ?? '') }))
    .map((p) => (p.label === '' ? { organisation: p.organisation as Organisation } : (p as Participant)));
}

function check(candidate: unknown): InspectionResult {
  const parsed = inspectionSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, inspection: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  return { ok: false, reason: 'invalid_input', ...(field !== undefined ? { field: String(field) } : {}) };
}

export function planInspection(input: PlanInput, by: string, now: Date): InspectionResult {
  const at = now.toISOString();
  return check({
    ...input,
    participants: cleanParticipants(input.participants),
    notes: input.notes.trim(),
    status: 'planned',
    createdAt: at,
    createdBy: by,
    updatedAt: at,
  });
}

export type InspectionChange =
  | { kind: 'edit'; startsAt?: string; participants?: PlanInput['participants']; notes?: string }
  | { kind: 'start' }
  | { kind: 'end' };

/**
 * start: planned → walking (a walk can also be restarted after it was ended by mistake: done → walking).
 * end: walking → done. edit: any status; the record of who walked stays correctable afterwards.
 */
export function changeInspection(inspection: Inspection, change: InspectionChange, now: Date): InspectionResult {
  const at = now.toISOString();
  switch (change.kind) {
    case 'start':
      if (inspection.status === 'walking') return { ok: false, reason: 'no_change' };
      return check({ ...inspection, status: 'walking', walkStartedAt: inspection.walkStartedAt ?? at, updatedAt: at });
    case 'end':
      if (inspection.status === 'done') return { ok: false, reason: 'no_change' };
      if (inspection.status !== 'walking') return { ok: false, reason: 'invalid_transition' };
      return check({ ...inspection, status: 'done', walkEndedAt: at, updatedAt: at });
    case 'edit':
      return check({
        ...inspection,
        ...(change.startsAt !== undefined ? { startsAt: change.startsAt } : {}),
        ...(change.participants !== undefined ? { participants: cleanParticipants(change.participants) } : {}),
        ...(change.notes !== undefined ? { notes: change.notes.trim() } : {}),
        updatedAt: at,
      });
  }
}
