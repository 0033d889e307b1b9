/**
 * R55: a record a device offers again after a restore. The restored server lost what was written after
 * its backup; a device of the backup's epoch still holds those versions (the server's own, as it last
 * pulled or pushed them, with its pending changes) and offers each again, naming the epoch it recovers
 * from. The server takes it back only while that is the epoch it was restored from, only where it has
 * nothing newer (no record, or one not written since the restore), from a person who may write the kind
 * in that municipality (R16, R30), and with the record's schema, category and place checked as for any
 * write. The domain's transitions are not replayed: the version was the server's once; its history
 * events come along and are stored once (R14).
 */
import { findingSchema, type Finding, type FindingEvent } from '../../domain/finding';
import { mayCreateFinding, type Actor } from '../../domain/findingStatus';
import { inspectionSchema } from '../../domain/inspection';
import { shopSchema } from '../../domain/shop';
import { worrySchema } from '../../domain/worry';
import type { ZodType } from 'zod';
import type { Mutation } from '../../sync/protocol';
import type { Decision, StoredRecord } from '../store/SyncStore';
import { mayWrite } from './access';
import { firstIssue, mergeFields, place, reject } from './decide';
import type { PlaceBook } from './places';

/** The backup this server's epoch was restored from (SqlSyncStore.head). */
export interface RestoredFrom {
  epoch: string;
  head: number;
}

const schemas: Partial<Record<Mutation['table'], ZodType>> = { findings: findingSchema, inspections: inspectionSchema, shops: shopSchema, worries: worrySchema };

export function decideRecovery(current: StoredRecord | null, m: Mutation, actor: Actor, revision: number, now: Date, places: PlaceBook | undefined, restoredFrom: RestoredFrom | null): Decision {
  if (m.table === 'areas') return reject('not_synced');
  // Only the epoch the server was restored from; another restore since makes the offer stale.
  if (!restoredFrom || m.recovers !== restoredFrom.epoch) return reject('not_restored_from', '/recovers');
  // Written since the restore (a device recovered it first, or someone changed it): the server's stays.
  if (current && current.revision > restoredFrom.head) return reject('newer_on_server');
  const allowed = m.table === 'findings' ? mayCreateFinding(actor) : mayWrite(m.table, actor.roles);
  if (!allowed) return reject('not_allowed_for_role');
  let data: Record<string, unknown> = { ...(current?.data ?? {}), ...(m.changes as Record<string, unknown>) };
  if (data.id !== undefined && data.id !== m.recordId) return reject('invalid_input', '/changes/id');
  if (m.table === 'certifications' && !current && !(typeof data.municipality === 'string' && m.recordId.startsWith(`${data.municipality}/`))) {
    return reject('invalid_input', '/recordId');
  }
  const schema = schemas[m.table];
  const bad = schema ? firstIssue(schema, data) : null;
  if (bad) return bad;
  let events: FindingEvent[] = [];
  if (m.table === 'findings') {
    if (m.events.some((e) => e.findingId !== m.recordId)) return reject('invalid_input', '/events');
    const placed = place(current?.data as Finding | undefined, findingSchema.parse(data), places);
    if ('kind' in placed) return placed;
    data = placed as unknown as Record<string, unknown>;
    events = m.events;
  }
  // On the server's current version as its base: no conflicts, the offered fields are the newer ones.
  const merged = mergeFields(current, data, { clientId: m.clientId, baseRevision: current?.revision ?? null }, actor.id, revision, now);
  if (current && merged.changed.length === 0 && events.length === 0) return { kind: 'noop' };
  return { kind: 'write', write: { data, ...merged, events: events.map((e) => ({ id: e.id, data: e as unknown as Record<string, unknown> })) } };
}
