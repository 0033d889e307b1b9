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
import { closedStatuses, findingIdSchema, findingOwnerSchema, isoDateSchema, sha256HexSchema, type Finding, type FindingOwner, type FindingStatus } from './finding';
import { optionalNote, refuse, type Draft, type FindingCommand, type FindingCommandResult, type FindingOptions, type Refusal } from './findingCommand';
import { addPhoto, applyEdit } from './findingEdits';
import { mayRun, type Actor } from './findingRoles';
import { amsterdamDate } from './overdue';

// The parts: the commands and their answer (findingCommand), roles (findingRoles), the field edits
// (findingEdits), a new finding (findingCreate); the status machine is here.
export {
  findingCommandSchema,
  type FindingCommand,
  type FindingCommandKind,
  type FindingCommandResult,
  type FindingOptions,
  type Refusal,
} from './findingCommand';
export { mayCreateFinding, mayRunCommand, roles, roleSchema, type Actor, type Role } from './findingRoles';
export { createFinding, createFindingInputSchema, type CreateFindingInput, type CreateFindingResult } from './findingCreate';

const activeStatuses: readonly FindingStatus[] = ['open', 'assigned', 'in_progress'];

// A due date before the finding existed is always a slip of the finger. The bound depends only on
// the finding, not on the clock, so device and server (which replays later) agree.
function validDueDate(finding: Finding, dueDate: string): boolean {
  return isoDateSchema.safeParse(dueDate).success && dueDate >= amsterdamDate(new Date(finding.createdAt));
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
    case 'move':
    case 'change_category':
    case 'change_description':
    case 'change_severity':
    case 'add_photo':
    case 'remove': {
      const refused = applyEdit(finding, command, changes, drafts, options);
      if (refused) return refused;
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
