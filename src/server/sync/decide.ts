/**
 * Deciding one pushed mutation against the server's current record: roles per kind (R16), the domain
 * for findings (R15), per-field merge with later arrival winning and the loser kept as a conflict
 * (R12, R13). Pure: the store runs it inside the transaction that holds the record.
 */
import type { ZodType } from 'zod';
import { findCategory } from '../../domain/categories';
import { findingSchema, type Finding, type FindingEvent } from '../../domain/finding';
import { toPointer } from '../../domain/text';
import { mayCreateFinding, type Actor } from '../../domain/findingStatus';
import { inspectionSchema } from '../../domain/inspection';
import { amsterdamDate } from '../../domain/overdue';
import { shopSchema } from '../../domain/shop';
import { worryCheckFields, worrySchema } from '../../domain/worry';
import type { Conflict, Mutation } from '../../sync/protocol';
import type { Decision, StoredRecord } from '../store/SyncStore';
import { mayWrite } from './access';
import { replayFindingEvents } from './findingReplay';
import type { PlaceBook } from './places';
import { decideRecovery, type RestoredFrom } from './recovery';

const MAX_CONFLICTS = 20;
// Changes on every write; never a conflict worth showing.
const untracked = new Set(['updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function reject(reason: string, field?: string): Decision {
  return field ? { kind: 'reject', reason, field } : { kind: 'reject', reason };
}

/** Fields are named as JSON pointers into the mutation ("/changes/description"). */
export function firstIssue(schema: ZodType, data: unknown): Decision | null {
  const r = schema.safeParse(data);
  if (r.success) return null;
  return reject('invalid_input', toPointer(['changes', ...(r.error.issues[0]?.path ?? [])]));
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

function decideFinding(current: StoredRecord | null, m: Extract<Mutation, { table: 'findings' }>, actor: Actor, revision: number, now: Date, places?: PlaceBook): Decision {
  const events: FindingEvent[] = m.events;
  if (events.some((e) => e.findingId !== m.recordId)) return reject('invalid_input', '/events');
  if (events.some((e) => e.by !== actor.id)) return reject('not_allowed_for_role', '/events');
  const isCreate = events.some((e) => e.kind === 'created');
  let next: Finding;
  if (!current) {
    if (!isCreate) return reject('not_found');
    const bad = firstIssue(findingSchema, m.changes);
    if (bad) return bad;
    const f = findingSchema.parse(m.changes);
    if (f.id !== m.recordId) return reject('invalid_input', '/changes/id');
    if (!mayCreateFinding(actor) || f.createdBy !== actor.id) return reject('not_allowed_for_role');
    if (f.status !== 'open' || f.removed) return reject('invalid_transition', '/changes/status');
    next = f;
  } else {
    if (isCreate) return reject('id_exists');
    const stored = findingSchema.safeParse(current.data);
    if (!stored.success) return reject('invalid_input');
    const replay = replayFindingEvents(stored.data, events, actor, now);
    if (!replay.ok) return reject(replay.reason, replay.field);
    next = replay.finding;
  }
  const placed = place(current?.data as Finding | undefined, next, places);
  if ('kind' in placed) return placed;
  next = placed;
  const data = next as unknown as Record<string, unknown>;
  const merged = mergeFields(current, data, m, actor.id, revision, now);
  if (current && merged.changed.every((f) => untracked.has(f)) && events.length === 0) return { kind: 'noop' };
  return { kind: 'write', write: { data, ...merged, events: events.map((e) => ({ id: e.id, data: e as unknown as Record<string, unknown> })) } };
}

/**
 * A new or moved finding: its category must exist, its point must lie in or near its municipality,
 * and its area is the one its point lies in (issue 12, defect 7); what the device said is not trusted.
 */
export function place(before: Finding | undefined, next: Finding, places?: PlaceBook): Finding | Decision {
  if ((!before || before.categoryCode !== next.categoryCode) && !findCategory(next.categoryCode)) return reject('unknown_category', '/changes/categoryCode');
  if (!places) return next;
  const moved = !before || !same(before.point, next.point) || before.municipality !== next.municipality || before.areaId !== next.areaId;
  if (!moved) return next;
  const at = places.check(next.municipality, next.point.coordinates);
  if (!at.ok) return reject(at.reason, at.field);
  return at.areaId === next.areaId ? next : { ...next, areaId: at.areaId };
}

const schemas: Partial<Record<Mutation['table'], ZodType>> = {
  inspections: inspectionSchema,
  shops: shopSchema,
};

function decidePlain(current: StoredRecord | null, m: Exclude<Mutation, { table: 'findings' }>, actor: Actor, revision: number, now: Date): Decision {
  if (m.table === 'areas') return reject('not_synced');
  if (m.table === 'worries') return decideWorry(current, m, actor, revision, now);
  if (!mayWrite(m.table, actor.roles)) return reject('not_allowed_for_role');
  const data = { ...(current?.data ?? {}), ...(m.changes as Record<string, unknown>) };
  // A walk planned without a planner (an older device) gets the one who pushed it.
  if (m.table === 'inspections' && !current && data.createdBy === undefined) data.createdBy = actor.id;
  if ('id' in data && data.id !== m.recordId) return reject('invalid_input', '/changes/id');
  // R32: a new certification record's id starts with its municipality, so no two municipalities share one.
  if (m.table === 'certifications' && !current && !(typeof data.municipality === 'string' && m.recordId.startsWith(`${data.municipality}/`))) {
    return reject('invalid_input', '/recordId');
  }
  if (m.table === 'inspections') {
    const refused = inspectionOwnership(current, m.changes as Record<string, unknown>, actor);
    if (refused) return refused;
  }
  if (m.table === 'shops') keepSurveyAnswers(current, data, now);
  const schema = schemas[m.table];
  const bad = schema ? firstIssue(schema, data) : null;
  if (bad) return bad;
  const merged = mergeFields(current, data, m, actor.id, revision, now);
  if (current && merged.changed.length === 0) return { kind: 'noop' };
  return { kind: 'write', write: { data, ...merged, events: [] } };
}

/**
 * R50: a survey answer is the server's. `surveyAnsweredYears` keeps the server's value whatever a device
 * sends (an older copy, a removal: ignored, not a conflict), and `flags.surveyAnswered` stays true while
 * this year's survey was answered online, so an offline edit of the flag cannot undo an answer.
 */
function keepSurveyAnswers(current: StoredRecord | null, data: Record<string, unknown>, now: Date): void {
  const answered = current?.data.surveyAnsweredYears;
  if (answered === undefined) delete data.surveyAnsweredYears;
  else data.surveyAnsweredYears = answered;
  const thisYear = Number(amsterdamDate(now).slice(0, 4));
  const flags = data.flags;
  if (Array.isArray(answered) && answered.includes(thisYear) && typeof flags === 'object' && flags !== null && (flags as Record<string, unknown>).surveyAnswered === false) {
    data.flags = { ...flags, surveyAnswered: true };
  }
}

// What anyone of the walking team may change on a walk planned by someone else: walking it.
const walkFields = new Set(['status', 'walkStartedAt', 'walkEndedAt', 'updatedAt']);

/**
 * Issue 12, defect 8: `createdBy` is the actor on creation and never changes after; a schouwer may
 * walk (start, end) any planned walk, but only its planner or a coordinator changes the plan.
 */
function inspectionOwnership(current: StoredRecord | null, changes: Record<string, unknown>, actor: Actor): Decision | null {
  if (!current) {
    return changes.createdBy !== undefined && changes.createdBy !== actor.id ? reject('not_allowed_for_role', '/changes/createdBy') : null;
  }
  const createdBy = current.data.createdBy;
  if ('createdBy' in changes && changes.createdBy !== createdBy) return reject('not_allowed_for_role', '/changes/createdBy');
  if (actor.roles.includes('coordinator') || createdBy === actor.id) return null;
  const planField = Object.keys(changes).find((k) => !walkFields.has(k) && !same(changes[k], current.data[k]));
  return planField ? reject('not_allowed_for_role', toPointer(['changes', planField])) : null;
}

/**
 * R48: a device never makes a worry (the coordinator's acceptance does, R47); it checks one once:
 * `accepted` becomes `confirmed` (naming its finding) or `dismissed` (with a reason), by the one who
 * pushes it. The shopkeeper's text, place and photo never change. The same check again is no change.
 */
function decideWorry(current: StoredRecord | null, m: Extract<Mutation, { table: 'worries' }>, actor: Actor, revision: number, now: Date): Decision {
  if (!current) return reject('not_found');
  if (!mayWrite('worries', actor.roles)) return reject('not_allowed_for_role');
  const changes = m.changes as Record<string, unknown>;
  const outside = Object.keys(changes).find((k) => !(worryCheckFields as readonly string[]).includes(k) && !same(changes[k], current.data[k]));
  if (outside) return reject('not_allowed_for_role', toPointer(['changes', outside]));
  const data = { ...current.data, ...changes };
  const bad = firstIssue(worrySchema, data);
  if (bad) return bad;
  const merged = mergeFields(current, data, m, actor.id, revision, now);
  if (merged.changed.every((f) => untracked.has(f))) return { kind: 'noop' };
  if (current.data.status !== 'accepted') return reject('already_checked', '/changes/status');
  if (data.status === 'accepted') return reject('invalid_transition', '/changes/status');
  if (data.checkedBy !== actor.id) return reject('not_allowed_for_role', '/changes/checkedBy');
  return { kind: 'write', write: { data, ...merged, events: [] } };
}

export function decide(current: StoredRecord | null, m: Mutation, actor: Actor, revision: number, now: Date, places?: PlaceBook, restoredFrom?: RestoredFrom | null): Decision {
  if (m.recovers !== undefined) return decideRecovery(current, m, actor, revision, now, places, restoredFrom ?? null);
  if (m.table === 'findings') return decideFinding(current, m, actor, revision, now, places);
  return decidePlain(current, m, actor, revision, now);
}
