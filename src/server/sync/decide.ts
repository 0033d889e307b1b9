/**
 * Deciding one pushed mutation against the server's current record: roles per kind (R16), the domain
 * for findings (R15), per-field merge with later arrival winning and the loser kept as a conflict
 * (R12, R13). Pure: the store runs it inside the transaction that holds the record.
 */
import type { ZodType } from 'zod';
import { findingSchema, type Finding, type FindingEvent } from '../../domain/finding';
import { mayCreateFinding, type Actor } from '../../domain/findingStatus';
import { inspectionSchema } from '../../domain/inspection';
import { shopSchema } from '../../domain/shop';
import type { Conflict, Mutation } from '../../sync/protocol';
import type { Decision, StoredRecord } from '../store/SyncStore';
import { mayWrite } from './access';
import { replayFindingEvents } from './findingReplay';

const MAX_CONFLICTS = 20;
// Changes on every write; never a conflict worth showing.
const untracked = new Set(['updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function reject(reason: string, field?: string): Decision {
  return field ? { kind: 'reject', reason, field } : { kind: 'reject', reason };
}

function firstIssue(schema: ZodType, data: unknown): Decision | null {
  const r = schema.safeParse(data);
  if (r.success) return null;
  return reject('invalid_input', r.error.issues[0]?.path.join('.') || undefined);
}

/**
 * The fields that differ between `before` and `after`, with R13's conflicts: a field another client
 * changed after the mutation's base loses its value to this one and keeps it as a conflict; a field
 * changed on a base that saw the latest value clears its old conflicts.
 */
export function mergeFields(
  current: StoredRecord | null,
  after: Record<string, unknown>,
  m: Pick<Mutation, 'clientId' | 'baseRevision'>,
  actorId: string,
  revision: number,
  now: Date,
): { changed: string[]; conflicts: Conflict[] } {
  const before = current?.data ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((k) => !same(before[k], after[k]));
  let conflicts = [...(current?.conflicts ?? [])];
  const base = m.baseRevision ?? 0;
  for (const field of changed) {
    if (untracked.has(field) || !current) continue;
    const fieldRevision = current.fieldRevisions[field] ?? 0;
    const writer = current.fieldWriters[field];
    if (fieldRevision > base && writer && writer.c !== m.clientId) {
      conflicts.push({ field, lost: before[field] as never, won: after[field] as never, lostBy: writer.a, wonBy: actorId, at: now.toISOString(), revision });
    } else {
      conflicts = conflicts.filter((c) => c.field !== field);
    }
  }
  return { changed, conflicts: conflicts.slice(-MAX_CONFLICTS) };
}

function decideFinding(current: StoredRecord | null, m: Extract<Mutation, { table: 'findings' }>, actor: Actor, revision: number, now: Date): Decision {
  const events: FindingEvent[] = m.events;
  if (events.some((e) => e.findingId !== m.recordId)) return reject('invalid_input', 'events');
  if (events.some((e) => e.by !== actor.id)) return reject('not_allowed_for_role', 'events');
  const isCreate = events.some((e) => e.kind === 'created');
  let next: Finding;
  if (!current) {
    if (!isCreate) return reject('not_found');
    const bad = firstIssue(findingSchema, m.changes);
    if (bad) return bad;
    const f = findingSchema.parse(m.changes);
    if (f.id !== m.recordId) return reject('invalid_input', 'id');
    if (!mayCreateFinding(actor) || f.createdBy !== actor.id) return reject('not_allowed_for_role');
    if (f.status !== 'open' || f.removed) return reject('invalid_transition', 'status');
    next = f;
  } else {
    if (isCreate) return reject('id_exists');
    const stored = findingSchema.safeParse(current.data);
    if (!stored.success) return reject('invalid_input');
    const replay = replayFindingEvents(stored.data, events, actor, now);
    if (!replay.ok) return reject(replay.reason, replay.field);
    next = replay.finding;
  }
  const data = next as unknown as Record<string, unknown>;
  const merged = mergeFields(current, data, m, actor.id, revision, now);
  if (current && merged.changed.every((f) => untracked.has(f)) && events.length === 0) return { kind: 'noop' };
  return { kind: 'write', write: { data, ...merged, events: events.map((e) => ({ id: e.id, data: e as unknown as Record<string, unknown> })) } };
}

const schemas: Partial<Record<Mutation['table'], ZodType>> = {
  inspections: inspectionSchema,
  shops: shopSchema,
};

function decidePlain(current: StoredRecord | null, m: Exclude<Mutation, { table: 'findings' }>, actor: Actor, revision: number, now: Date): Decision {
  if (m.table === 'areas') return reject('not_synced');
  if (!mayWrite(m.table, actor.roles)) return reject('not_allowed_for_role');
  const data = { ...(current?.data ?? {}), ...(m.changes as Record<string, unknown>) };
  if ('id' in data && data.id !== m.recordId) return reject('invalid_input', 'id');
  const schema = schemas[m.table];
  const bad = schema ? firstIssue(schema, data) : null;
  if (bad) return bad;
  const merged = mergeFields(current, data, m, actor.id, revision, now);
  if (current && merged.changed.length === 0) return { kind: 'noop' };
  return { kind: 'write', write: { data, ...merged, events: [] } };
}

export function decide(current: StoredRecord | null, m: Mutation, actor: Actor, revision: number, now: Date): Decision {
  if (m.table === 'findings') return decideFinding(current, m, actor, revision, now);
  return decidePlain(current, m, actor, revision, now);
}
