/**
 * Follow-up writes that touch several findings at once (assign a selection to one owner and due
 * date). Same pattern as findingsRepo: the pure domain function decides per finding, then every
 * finding's record, its events and ONE outbox entry per finding are written in ONE Dexie
 * transaction. All or nothing: if one finding refuses, nothing is stored and the refusal names it.
 * One finding at a time goes through findingsRepo.applyFindingCommandTo.
 */
import type { Actor, FindingCommand, FindingOptions, Refusal } from '../domain/findingStatus';
import { applyFindingCommand } from '../domain/findingStatus';
import type { Finding, FindingEvent, FindingOwner } from '../domain/finding';
import type { SchouwDb } from './db';
import { changedFields, outboxEntry } from './outbox';
import { guardQuota, type QuotaRefusal } from './quota';

export type BulkResult =
  | { ok: true; changed: { finding: Finding; events: FindingEvent[] }[]; unchanged: string[] }
  | (Refusal & { findingId: string })
  | { ok: false; reason: 'not_found'; findingId: string }
  | QuotaRefusal;

export interface BulkOptions extends FindingOptions {
  now?: Date;
}

/**
 * Applies one command to each finding. A finding for which the command changes nothing
 * (`no_change`, e.g. it already has this owner and due date) is skipped and listed as unchanged.
 */
export async function applyToMany(
  db: SchouwDb,
  findingIds: readonly string[],
  command: FindingCommand,
  actor: Actor,
  options: BulkOptions = {},
): Promise<BulkResult> {
  const now = options.now ?? new Date();
  const ids = [...new Set(findingIds)];
  return guardQuota(() =>
    db.transaction('rw', [db.findings, db.findingEvents, db.outbox], async (): Promise<BulkResult> => {
      const records = await db.findings.bulkGet(ids);
      const changed: { finding: Finding; events: FindingEvent[]; before: Finding }[] = [];
      const unchanged: string[] = [];
      for (const [i, before] of records.entries()) {
        const findingId = ids[i]!;
        if (!before) return { ok: false, reason: 'not_found', findingId };
        const result = applyFindingCommand(before, command, actor, now, options);
        if (!result.ok) {
          if (result.reason === 'no_change') {
            unchanged.push(findingId);
            continue;
          }
          return { ...result, findingId };
        }
        changed.push({ finding: result.finding, events: result.events, before });
      }
      if (changed.length === 0) return { ok: true, changed: [], unchanged };
      await db.findings.bulkPut(changed.map((c) => c.finding));
      await db.findingEvents.bulkAdd(changed.flatMap((c) => c.events));
      await db.outbox.bulkAdd(
        changed.map((c) => outboxEntry('findings', c.finding.id, changedFields(c.before, c.finding), c.events, now)),
      );
      return { ok: true, changed: changed.map(({ finding, events }) => ({ finding, events })), unchanged };
    }),
  );
}

/** Several findings to one owner with one due date; each gets its own events and outbox entry. */
export function assignMany(
  db: SchouwDb,
  findingIds: readonly string[],
  owner: FindingOwner,
  dueDate: string,
  actor: Actor,
  options: BulkOptions = {},
): Promise<BulkResult> {
  return applyToMany(db, findingIds, { kind: 'assign', owner, dueDate }, actor, options);
}
