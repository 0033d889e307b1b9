/**
 * Writes to inspections: the domain decides (planInspection/changeInspection), then the record and
 * ONE outbox entry go in ONE transaction. Inspections have no history table of their own; their
 * outbox entries are their trail until the server keeps one.
 */
import { changeInspection, inspectionSchema, planInspection, type Inspection, type InspectionChange, type InspectionRefusal, type PlanInput } from '../domain/inspection';
import type { Actor } from '../domain/findingStatus';
import type { SchouwDb } from './db';
import { changedFields, outboxEntry } from './outbox';
import { guardQuota, type QuotaRefusal } from './quota';

export type InspectionWriteResult = { ok: true; inspection: Inspection } | InspectionRefusal | QuotaRefusal | { ok: false; reason: 'not_found' };

function mayPlan(actor: Actor): boolean {
  return actor.roles.includes('coordinator') || actor.roles.includes('schouwer');
}

export async function savePlannedInspection(db: SchouwDb, input: PlanInput, actor: Actor, now = new Date()): Promise<InspectionWriteResult> {
  if (!mayPlan(actor)) return { ok: false, reason: 'not_allowed_for_role' };
  const made = planInspection(input, actor.id, now);
  if (!made.ok) return made;
  return guardQuota(() =>
    db.transaction('rw', db.inspections, db.outbox, async () => {
      await db.inspections.add(made.inspection);
      await db.outbox.add(outboxEntry('inspections', made.inspection.id, changedFields(null, made.inspection), [], now));
      return made;
    }),
  );
}

export async function saveInspectionChange(
  db: SchouwDb,
  id: string,
  change: InspectionChange,
  actor: Actor,
  now = new Date(),
): Promise<InspectionWriteResult> {
  if (!mayPlan(actor)) return { ok: false, reason: 'not_allowed_for_role' };
  return guardQuota(() =>
    db.transaction('rw', db.inspections, db.outbox, async (): Promise<InspectionWriteResult> => {
      const stored = await db.inspections.get(id);
      const parsed = inspectionSchema.safeParse(stored);
      if (!stored || !parsed.success) return { ok: false, reason: 'not_found' };
      const result = changeInspection(parsed.data, change, now);
      if (!result.ok) return result;
      await db.inspections.put(result.inspection);
      await db.outbox.add(outboxEntry('inspections', id, changedFields(parsed.data, result.inspection), [], now));
      return result;
    }),
  );
}
