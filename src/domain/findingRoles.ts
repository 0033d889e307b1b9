import { z } from 'zod';
import type { Finding } from './finding';
import type { FindingCommandKind } from './findingCommand';

// Who may change a finding, by role (the rules are in findingStatus.ts's header).

export const roles = ['coordinator', 'schouwer', 'wijkbeheerder', 'partner'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export interface Actor {
  id: string;
  roles: readonly Role[];
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

export function mayRun(kind: FindingCommandKind, finding: Finding, actor: Actor): boolean {
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
