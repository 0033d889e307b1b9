/**
 * Checking a shopkeeper's worry on the walk (SPEC.md R48). Confirming writes the new finding (the
 * shopkeeper's text as its description, the worry's photo, a `created` event that names the worry)
 * and the worry's check, each with its outbox entry, in ONE Dexie transaction (R1): the finding's
 * entry comes first, so the server knows the finding before the worry names it. Dismissing writes
 * the worry's check with its reason.
 */
import type { Actor, CreateFindingInput, Refusal } from '../domain/findingStatus';
import { createFinding } from '../domain/findingStatus';
import type { Finding } from '../domain/finding';
import { checkWorry, type Worry, type WorryRefusal } from '../domain/worry';
import type { SchouwDb } from './db';
import { changedFields, outboxEntry } from './outbox';
import { guardQuota, type QuotaRefusal } from './quota';

export type WorryWriteResult =
  | { ok: true; worry: Worry; finding?: Finding }
  | { ok: false; reason: WorryRefusal | 'not_found' }
  | Refusal
  | QuotaRefusal;

/** The note of the finding's `created` event; `after` carries the worry's id (the link). */
export const WORRY_EVENT_NOTE = 'Melding van ondernemer';

export async function confirmWorry(
  db: SchouwDb,
  worryId: string,
  finding: Pick<CreateFindingInput, 'id' | 'severity' | 'inspectionId'> & Partial<Pick<CreateFindingInput, 'categoryCode' | 'description'>>,
  actor: Actor,
  now = new Date(),
): Promise<WorryWriteResult> {
  return guardQuota(() =>
    db.transaction('rw', [db.worries, db.findings, db.findingEvents, db.outbox], async (): Promise<WorryWriteResult> => {
      const worry = await db.worries.get(worryId);
      if (!worry) return { ok: false, reason: 'not_found' };
      const made = createFinding(
        {
          id: finding.id,
          municipality: worry.municipality,
          areaId: worry.areaId,
          ...(finding.inspectionId ? { inspectionId: finding.inspectionId } : {}),
          point: worry.point,
          categoryCode: finding.categoryCode ?? worry.categoryCode,
          // The shopkeeper's words are kept as they were written.
          description: finding.description ?? worry.text,
          severity: finding.severity,
          photoHashes: worry.photoHash ? [worry.photoHash] : [],
        },
        actor,
        now,
      );
      if (!made.ok) return made;
      const checked = checkWorry(worry, { kind: 'confirm', findingId: made.finding.id }, actor, now);
      if (!checked.ok) return checked;
      const events = made.events.map((e) => (e.kind === 'created' ? { ...e, after: { worryId: worry.id }, note: WORRY_EVENT_NOTE } : e));
      await db.findings.add(made.finding);
      await db.findingEvents.bulkAdd(events);
      await db.outbox.add(outboxEntry('findings', made.finding.id, changedFields(null, made.finding), events, now));
      await db.worries.put(checked.worry);
      await db.outbox.add(outboxEntry('worries', worry.id, checked.changes, [], now));
      return { ok: true, worry: checked.worry, finding: made.finding };
    }),
  );
}

export async function dismissWorry(db: SchouwDb, worryId: string, reason: string, actor: Actor, now = new Date()): Promise<WorryWriteResult> {
  return guardQuota(() =>
    db.transaction('rw', [db.worries, db.outbox], async (): Promise<WorryWriteResult> => {
      const worry = await db.worries.get(worryId);
      if (!worry) return { ok: false, reason: 'not_found' };
      const checked = checkWorry(worry, { kind: 'dismiss', reason }, actor, now);
      if (!checked.ok) return checked;
      await db.worries.put(checked.worry);
      await db.outbox.add(outboxEntry('worries', worry.id, changedFields(worry, checked.worry), [], now));
      return { ok: true, worry: checked.worry };
    }),
  );
}
