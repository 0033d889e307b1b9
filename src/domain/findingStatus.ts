/**
 * The finding's status machine and every other change to a finding, as pure functions: the same code
 * decides on the tablet (offline) and on the server (when the change is pushed), so both refuse the
 * same things with the same reason code.
 *
 * Who may do what (roles add up; someone who walks and follows up has both roles):
 * - partner: nothing (read only).
 * - schouwer: create findings, and edit their own while it is still open: move, change_category,
 *   change_description, change_severity, add_photo, remove. Once follow-up has started the record
 *   is the wijkbeheerder's, so a walker's late correction cannot rewrite what is being worked on.
 * - wijkbeheerder: follow-up on any finding: assign, set_owner, set_due_date, start, fix, verify,
 *   wont_fix, mark_duplicate, reopen, comment; and add_photo (progress photos), in any status.
 * - coordinator: the admin; everything above, on any finding in any status.
 *
 * Status changes (anything else is `invalid_transition`; asking for the status the finding already
 * has is `no_change`, so a command replayed by sync is harmless):
 * - assign:          open → assigned; in assigned and in_progress it only changes owner and due
 *                    date and keeps the status (work under way does not go back a step).
 * - start:           assigned → in_progress.
 * - fix:             open, assigned, in_progress → fixed. From open too: a lamp is often repaired
 *                    before anyone assigns it, and refusing would make people invent an owner.
 * - verify:          fixed → verified.
 * - wont_fix:        open, assigned, in_progress → wont_fix.
 * - mark_duplicate:  open, assigned, in_progress → duplicate.
 * - reopen:          fixed, verified, wont_fix, duplicate → open.
 * - set_owner, set_due_date: only while open, assigned or in_progress; a closed finding is reopened
 *   first. Neither moves the status.
 * - comment, add_photo, and the edits (move, category, description, severity, remove): any status.
 *
 * Events: one per changed aspect, in this order, and nothing for what stayed the same:
 *   moved, category_changed, description_changed, severity_changed, owner_changed,
 *   due_date_changed, status_changed | reopened, marked_duplicate, photo_added, comment, removed.
 * So an assign that sets owner and due date on an open finding yields owner_changed,
 * due_date_changed, status_changed. A status change back to open is a `reopened` event, not a
 * `status_changed`. The fix note and the won't-fix reason travel as the `note` of their
 * status_changed event, which is where the history shows them.
 * Reopening clears fixNote, wontFixReason and duplicateOf: they describe the exit that was undone,
 * and their values stay in the events that set them. Apart from the changed aspects only
 * `updatedAt` changes.
 */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { areaIdSchema } from './area';
import { defaultCategories, findCategory, type CategoryList } from './categories';
import {
  closedStatuses,
  findingFieldsSchema,
  findingIdSchema,
  findingOwnerSchema,
  findingSchema,
  isoDateSchema,
  MAX_TEXT,
  severitySchema,
  sha256HexSchema,
  toOneLine,
  type Finding,
  type FindingEvent,
  type FindingEventKind,
  type FindingOwner,
  type FindingStatus,
} from './finding';
import { pointSchema } from './geojson';
import { amsterdamDate } from './overdue';
import type { ReasonCode } from './reasons';

export const roles = ['coordinator', 'schouwer', 'wijkbeheerder', 'partner'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export interface Actor {
  id: string;
  roles: readonly Role[];
}

// Values that have their own reason code (a due date, a point, a photo hash, a text) are typed
// loosely here, so a pushed command that is well formed but wrong gets that reason and not a bare
// schema error.
const looseText = z.string();
const loosePoint = z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) });

export const findingCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), owner: findingOwnerSchema, dueDate: looseText }),
  z.object({ kind: z.literal('set_owner'), owner: findingOwnerSchema.nullable() }),
  z.object({ kind: z.literal('set_due_date'), dueDate: looseText.nullable() }),
  z.object({ kind: z.literal('start'), note: looseText.optional() }),
  z.object({ kind: z.literal('fix'), note: looseText.optional(), photoHash: looseText.optional() }),
  z.object({ kind: z.literal('verify'), note: looseText.optional() }),
  z.object({ kind: z.literal('wont_fix'), reason: looseText }),
  z.object({ kind: z.literal('mark_duplicate'), targetId: looseText }),
  z.object({ kind: z.literal('reopen'), note: looseText.optional() }),
  z.object({ kind: z.literal('comment'), text: looseText }),
  // The caller derives areaId from the point (it has the polygons; this module does not), so a
  // moved finding never keeps the area it left.
  z.object({ kind: z.literal('move'), point: loosePoint, areaId: looseText.nullable() }),
  z.object({ kind: z.literal('change_category'), categoryCode: looseText }),
  z.object({ kind: z.literal('change_description'), description: looseText }),
  z.object({ kind: z.literal('change_severity'), severity: severitySchema }),
  z.object({ kind: z.literal('add_photo'), photoHash: looseText }),
  z.object({ kind: z.literal('remove'), note: looseText.optional() }),
]);
export type FindingCommand = z.infer<typeof findingCommandSchema>;
export type FindingCommandKind = FindingCommand['kind'];

export type Refusal = { ok: false; reason: ReasonCode; field?: string };
export type FindingCommandResult = { ok: true; finding: Finding; events: FindingEvent[] } | Refusal;

export interface FindingOptions {
  /** The municipality's category list; the defaults when omitted. */
  categories?: CategoryList;
  /** Makes event ids; UUIDv7 by default. Injected so tests and replays are deterministic. */
  newId?: () => string;
}

const followUpCommands: ReadonlySet<FindingCommandKind> = new Set<FindingCommandKind>([
  'assign',
  'set_owner',
  'set_due_date',
  'start',
  'fix',
  'verify',
  'wont_fix',
  'mark_duplicate',
  'reopen',
  'comment',
]);
const editCommands: ReadonlySet<FindingCommandKind> = new Set<FindingCommandKind>([
  'move',
  'change_category',
  'change_description',
  'change_severity',
  'add_photo',
  'remove',
]);
const activeStatuses: readonly FindingStatus[] = ['open', 'assigned', 'in_progress'];

function mayRun(kind: FindingCommandKind, finding: Finding, actor: Actor): boolean {
  const has = (role: Role) => actor.roles.includes(role);
  if (has('coordinator')) return true;
  if (has('wijkbeheerder') && (followUpCommands.has(kind) || kind === 'add_photo')) return true;
  return has('schouwer') && editCommands.has(kind) && finding.createdBy === actor.id && finding.status === 'open';
}

/**
 * May this actor run this command on this finding at all (roles and ownership; the status rules come
 * after)? The screens ask this to leave out what would be refused, so they and the server agree.
 */
export function mayRunCommand(kind: FindingCommandKind, finding: Finding, actor: Actor): boolean {
  return mayRun(kind, finding, actor);
}

/** May this actor create findings at all? */
export function mayCreateFinding(actor: Actor): boolean {
  return actor.roles.includes('schouwer') || actor.roles.includes('coordinator');
}

const refuse = (reason: ReasonCode, field?: string): Refusal =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field };

type Text = { ok: true; value: string } | Refusal;
function oneLine(raw: string | undefined, field: string): Text {
  const value = toOneLine(raw ?? '');
  return value.length > MAX_TEXT ? refuse('text_too_long', field) : { ok: true, value };
}

/** A note that may be left out: empty text means no note. */
function optionalNote(raw: string | undefined, field = 'note'): { ok: true; value: string | null } | Refusal {
  const text = oneLine(raw, field);
  if (!text.ok) return text;
  return { ok: true, value: text.value === '' ? null : text.value };
}

// A due date before the finding existed is always a slip of the finger. The bound depends only on
// the finding, not on the clock, so device and server (which replays later) agree.
function validDueDate(finding: Finding, dueDate: string): boolean {
  return isoDateSchema.safeParse(dueDate).success && dueDate >= amsterdamDate(new Date(finding.createdAt));
}

interface Draft {
  kind: FindingEventKind;
  before: FindingEvent['before'];
  after: FindingEvent['after'];
  note?: string | null;
}

function samePoint(a: { coordinates: readonly number[] }, b: { coordinates: readonly number[] }): boolean {
  return a.coordinates.length === b.coordinates.length && a.coordinates.every((v, i) => v === b.coordinates[i]);
}

/**
 * Applies one command. Checks run in a fixed order so a refusal is predictable: role, removed,
 * status transition, the command's values, and finally whether anything would change.
 */
export function applyFindingCommand(
  finding: Finding,
  command: FindingCommand,
  actor: Actor,
  now: Date,
  options: FindingOptions = {},
): FindingCommandResult {
  if (!mayRun(command.kind, finding, actor)) return refuse('not_allowed_for_role');
  if (finding.removed) return refuse('finding_removed');

  const status = finding.status;
  const isActive = activeStatuses.includes(status);
  const changes: Partial<Finding> = {};
  const drafts: Draft[] = [];
  const statusTo = (to: FindingStatus, note: string | null = null) => {
    changes.status = to;
    drafts.push({ kind: to === 'open' ? 'reopened' : 'status_changed', before: status, after: to, note });
  };
  // For the status commands: where they may start from, and the status they lead to.
  const transition = (from: readonly FindingStatus[], to: FindingStatus): Refusal | null => {
    if (status === to) return refuse('no_change');
    return from.includes(status) ? null : refuse('invalid_transition');
  };

  switch (command.kind) {
    case 'assign': {
      if (!isActive) return refuse('invalid_transition');
      const owner = findingOwnerSchema.safeParse(command.owner);
      if (!owner.success) return refuse(command.owner == null ? 'needs_owner' : 'invalid_input', 'owner');
      if (!validDueDate(finding, command.dueDate)) return refuse('invalid_due_date', 'dueDate');
      setOwner(finding, owner.data, changes, drafts);
      setDueDate(finding, command.dueDate, changes, drafts);
      if (status === 'open') statusTo('assigned');
      break;
    }
    case 'set_owner': {
      if (!isActive) return refuse('invalid_transition');
      const owner = findingOwnerSchema.nullable().safeParse(command.owner);
      if (!owner.success) return refuse('invalid_input', 'owner');
      // Clearing the owner would break "assigned means owner and due date are known".
      if (owner.data === null && status !== 'open') return refuse('needs_owner', 'owner');
      setOwner(finding, owner.data, changes, drafts);
      break;
    }
    case 'set_due_date': {
      if (!isActive) return refuse('invalid_transition');
      if (command.dueDate === null) {
        if (status !== 'open') return refuse('invalid_due_date', 'dueDate');
      } else if (!validDueDate(finding, command.dueDate)) {
        return refuse('invalid_due_date', 'dueDate');
      }
      setDueDate(finding, command.dueDate, changes, drafts);
      break;
    }
    case 'start': {
      const refused = transition(['assigned'], 'in_progress');
      if (refused) return refused;
      const note = optionalNote(command.note);
      if (!note.ok) return note;
      statusTo('in_progress', note.value);
      break;
    }
    case 'fix': {
      const refused = transition(activeStatuses, 'fixed');
      if (refused) return refused;
      const note = optionalNote(command.note);
      if (!note.ok) return note;
      const photo = command.photoHash === undefined || command.photoHash === '' ? null : command.photoHash;
      if (photo !== null && !sha256HexSchema.safeParse(photo).success) return refuse('invalid_photo', 'photoHash');
      if (note.value === null && photo === null) return refuse('needs_fix_note', 'note');
      changes.fixNote = note.value;
      statusTo('fixed', note.value);
      // The photo may already be on the finding (taken earlier); then it is evidence, not news.
      if (photo !== null) addPhoto(finding, photo, changes, drafts);
      break;
    }
    case 'verify': {
      const refused = transition(['fixed'], 'verified');
      if (refused) return refused;
      const note = optionalNote(command.note);
      if (!note.ok) return note;
      statusTo('verified', note.value);
      break;
    }
    case 'wont_fix': {
      const refused = transition(activeStatuses, 'wont_fix');
      if (refused) return refused;
      const reason = optionalNote(command.reason, 'reason');
      if (!reason.ok) return reason;
      if (reason.value === null) return refuse('needs_reason', 'reason');
      changes.wontFixReason = reason.value;
      statusTo('wont_fix', reason.value);
      break;
    }
    case 'mark_duplicate': {
      const refused = transition(activeStatuses, 'duplicate');
      if (refused) return refused;
      const target = (command.targetId ?? '').trim();
      if (target === '') return refuse('needs_duplicate_target', 'targetId');
      if (target === finding.id) return refuse('duplicate_of_self', 'targetId');
      if (!findingIdSchema.safeParse(target).success) return refuse('invalid_input', 'targetId');
      statusTo('duplicate');
      changes.duplicateOf = target;
      drafts.push({ kind: 'marked_duplicate', before: finding.duplicateOf, after: target });
      break;
    }
    case 'reopen': {
      const refused = transition(closedStatuses, 'open');
      if (refused) return refused;
      const note = optionalNote(command.note);
      if (!note.ok) return note;
      statusTo('open', note.value);
      changes.fixNote = null;
      changes.wontFixReason = null;
      changes.duplicateOf = null;
      break;
    }
    case 'comment': {
      const text = optionalNote(command.text, 'text');
      if (!text.ok) return text;
      if (text.value === null) return refuse('needs_text', 'text');
      drafts.push({ kind: 'comment', before: null, after: null, note: text.value });
      break;
    }
    case 'move': {
      const point = pointSchema.safeParse(command.point);
      if (!point.success) return refuse('invalid_point', 'point');
      const areaId = areaIdSchema.nullable().safeParse(command.areaId);
      if (!areaId.success) return refuse('invalid_input', 'areaId');
      if (samePoint(point.data, finding.point) && areaId.data === finding.areaId) break;
      changes.point = point.data;
      changes.areaId = areaId.data;
      drafts.push({
        kind: 'moved',
        before: { point: finding.point, areaId: finding.areaId },
        after: { point: point.data, areaId: areaId.data },
      });
      break;
    }
    case 'change_category': {
      if (!findCategory(command.categoryCode, options.categories ?? defaultCategories)) {
        return refuse('unknown_category', 'categoryCode');
      }
      if (command.categoryCode === finding.categoryCode) break;
      changes.categoryCode = command.categoryCode;
      drafts.push({ kind: 'category_changed', before: finding.categoryCode, after: command.categoryCode });
      break;
    }
    case 'change_description': {
      const text = oneLine(command.description, 'description');
      if (!text.ok) return text;
      if (text.value === finding.description) break;
      changes.description = text.value;
      drafts.push({ kind: 'description_changed', before: finding.description, after: text.value });
      break;
    }
    case 'change_severity': {
      const severity = severitySchema.safeParse(command.severity);
      if (!severity.success) return refuse('invalid_input', 'severity');
      if (severity.data === finding.severity) break;
      changes.severity = severity.data;
      drafts.push({ kind: 'severity_changed', before: finding.severity, after: severity.data });
      break;
    }
    case 'add_photo': {
      if (!sha256HexSchema.safeParse(command.photoHash).success) return refuse('invalid_photo', 'photoHash');
      addPhoto(finding, command.photoHash, changes, drafts);
      break;
    }
    case 'remove': {
      const note = optionalNote(command.note);
      if (!note.ok) return note;
      changes.removed = true;
      drafts.push({ kind: 'removed', before: false, after: true, note: note.value });
      break;
    }
    default: {
      const unknown: never = command;
      void unknown;
      return refuse('invalid_input', 'kind');
    }
  }

  if (drafts.length === 0) return refuse('no_change');
  const at = now.toISOString();
  const newId = options.newId ?? uuidv7;
  return {
    ok: true,
    finding: { ...finding, ...changes, updatedAt: at },
    events: drafts.map((d) => ({
      id: newId(),
      findingId: finding.id,
      at,
      by: actor.id,
      kind: d.kind,
      before: d.before,
      after: d.after,
      note: d.note ?? null,
    })),
  };
}

function setOwner(finding: Finding, owner: FindingOwner | null, changes: Partial<Finding>, drafts: Draft[]) {
  if (owner === finding.owner) return;
  changes.owner = owner;
  drafts.push({ kind: 'owner_changed', before: finding.owner, after: owner });
}

function setDueDate(finding: Finding, dueDate: string | null, changes: Partial<Finding>, drafts: Draft[]) {
  if (dueDate === finding.dueDate) return;
  changes.dueDate = dueDate;
  drafts.push({ kind: 'due_date_changed', before: finding.dueDate, after: dueDate });
}

function addPhoto(finding: Finding, hash: string, changes: Partial<Finding>, drafts: Draft[]) {
  if (finding.photoHashes.includes(hash)) return;
  changes.photoHashes = [...finding.photoHashes, hash];
  drafts.push({ kind: 'photo_added', before: null, after: hash });
}

export const createFindingInputSchema = findingFieldsSchema.pick({
  id: true,
  municipality: true,
  areaId: true,
  inspectionId: true,
  point: true,
  categoryCode: true,
  description: true,
  severity: true,
  photoHashes: true,
});
// Point and photos are typed loosely like the commands' values: they have their own reason codes.
export type CreateFindingInput = Omit<z.input<typeof createFindingInputSchema>, 'point' | 'photoHashes'> & {
  point: z.infer<typeof loosePoint>;
  photoHashes?: string[];
};

export type CreateFindingResult = { ok: true; finding: Finding; events: FindingEvent[] } | Refusal;

/**
 * Makes a new open finding and its `created` event. The event carries no values: the record's first
 * state is in the finding, and every later change records what it replaced. Photos taken while
 * capturing are part of the creation, so they get no photo_added events.
 */
export function createFinding(
  input: CreateFindingInput,
  actor: Actor,
  now: Date,
  options: FindingOptions = {},
): CreateFindingResult {
  if (!mayCreateFinding(actor)) return refuse('not_allowed_for_role');
  if (!pointSchema.safeParse(input.point).success) return refuse('invalid_point', 'point');
  if (!findCategory(input.categoryCode, options.categories ?? defaultCategories)) {
    return refuse('unknown_category', 'categoryCode');
  }
  const description = oneLine(input.description, 'description');
  if (!description.ok) return description;
  const photoHashes = [...new Set(input.photoHashes ?? [])];
  if (!photoHashes.every((h) => sha256HexSchema.safeParse(h).success)) return refuse('invalid_photo', 'photoHashes');

  const at = now.toISOString();
  const parsed = findingSchema.safeParse({
    ...input,
    description: description.value,
    photoHashes,
    owner: null,
    dueDate: null,
    status: 'open',
    fixNote: null,
    wontFixReason: null,
    duplicateOf: null,
    createdAt: at,
    createdBy: actor.id,
    updatedAt: at,
    removed: false,
  });
  if (!parsed.success) return refuse('invalid_input', parsed.error.issues[0]?.path.join('.') || undefined);
  const finding = parsed.data;
  const newId = options.newId ?? uuidv7;
  return {
    ok: true,
    finding,
    events: [
      { id: newId(), findingId: finding.id, at, by: actor.id, kind: 'created', before: null, after: null, note: null },
    ],
  };
}
