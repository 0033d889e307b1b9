/**
 * Writes to findings. Each write runs the pure domain function first (so a refusal comes back with
 * its reason code and nothing is stored), then puts the record, its history events, any new photos
 * and ONE outbox entry in ONE Dexie transaction: either all of it is on the device or none of it.
 */
import type { Actor, CreateFindingInput, FindingCommand, FindingOptions, Refusal } from '../domain/findingStatus';
import { applyFindingCommand, createFinding } from '../domain/findingStatus';
import type { Finding, FindingEvent } from '../domain/finding';
import type { PhotoRecord, SchouwDb } from './db';
import { changedFields, outboxEntry } from './outbox';
import { guardQuota, type QuotaRefusal } from './quota';

export type NotFound = { ok: false; reason: 'not_found' };
export type FindingWriteResult = { ok: true; finding: Finding; events: FindingEvent[] } | Refusal | QuotaRefusal | NotFound;

export interface WriteOptions extends FindingOptions {
  now?: Date;
  /** Photos (already re-encoded and hashed) to store with this write; keyed by hash, so a re-put is harmless. */
  photos?: PhotoRecord[];
}

export async function saveNewFinding(
  db: SchouwDb,
  input: CreateFindingInput,
  actor: Actor,
  options: WriteOptions = {},
): Promise<FindingWriteResult> {
  const now = options.now ?? new Date();
  const hashes = (options.photos ?? []).map((p) => p.hash);
  const made = createFinding({ ...input, photoHashes: [...(input.photoHashes ?? []), ...hashes] }, actor, now, options);
  if (!made.ok) return made;
  return guardQuota(() =>
    db.transaction('rw', [db.findings, db.findingEvents, db.photos, db.outbox], async () => {
      if (options.photos?.length) await db.photos.bulkPut(options.photos);
      await db.findings.add(made.finding);
      await db.findingEvents.bulkAdd(made.events);
      await db.outbox.add(outboxEntry('findings', made.finding.id, changedFields(null, made.finding), made.events, now));
      return made;
    }),
  );
}

/**
 * Applies several commands to one finding as one write (e.g. a fix and a verify, or an edit form that
 * changed category and severity): all succeed or none is stored. The finding is read inside the
 * transaction, so a concurrent write in another tab cannot be overwritten unseen.
 */
export async function applyFindingCommands(
  db: SchouwDb,
  findingId: string,
  commands: readonly FindingCommand[],
  actor: Actor,
  options: WriteOptions = {},
): Promise<FindingWriteResult> {
  const now = options.now ?? new Date();
  return guardQuota(() =>
    db.transaction('rw', [db.findings, db.findingEvents, db.photos, db.outbox], async (): Promise<FindingWriteResult> => {
      const before = await db.findings.get(findingId);
      if (!before) return { ok: false, reason: 'not_found' };
      let finding = before;
      const events: FindingEvent[] = [];
      for (const command of commands) {
        const result = applyFindingCommand(finding, command, actor, now, options);
        if (!result.ok) return result;
        finding = result.finding;
        events.push(...result.events);
      }
      if (events.length === 0) return { ok: false, reason: 'no_change' };
      if (options.photos?.length) await db.photos.bulkPut(options.photos);
      await db.findings.put(finding);
      await db.findingEvents.bulkAdd(events);
      await db.outbox.add(outboxEntry('findings', finding.id, changedFields(before, finding), events, now));
      return { ok: true, finding, events };
    }),
  );
}

export function applyFindingCommandTo(
  db: SchouwDb,
  findingId: string,
  command: FindingCommand,
  actor: Actor,
  options: WriteOptions = {},
): Promise<FindingWriteResult> {
  return applyFindingCommands(db, findingId, [command], actor, options);
}
