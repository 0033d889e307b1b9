/**
 * The push side of the mail outbox: an accepted mutation that gives a finding an owner organisation
 * queues that finding in its organisation's assignment mail for this push request, in the same
 * transaction (the decision carries the mail; the store writes both or neither).
 */
import type { Mutation } from '../../sync/protocol';
import type { Decision, StoredRecord } from '../store/SyncStore';

/** How long an assignment mail waits for its push to finish; a push that dies mid-way still mails after this. */
export const BATCH_HOLD_MS = 2 * 60_000;

export const assignmentKey = (batch: string, municipality: string, organisationId: string): string =>
  `assignment:${batch}:${municipality}:${organisationId}`;

export interface AssignmentContext {
  batch: string;
  now: Date;
  /** Per municipality, the organisations a finding may be given to. */
  assignable: (municipality: string) => ReadonlySet<string>;
}

/**
 * Wraps a decision for a finding: an owner that is not one of the municipality's organisations is
 * refused (`unknown_owner`); a newly set owner adds the finding to its organisation's mail.
 */
export function withAssignmentMail(decision: Decision, current: StoredRecord | null, m: Mutation, ctx: AssignmentContext): Decision {
  if (m.table !== 'findings' || decision.kind !== 'write') return decision;
  const data = decision.write.data;
  const owner = typeof data.owner === 'string' ? data.owner : null;
  const before = current?.data.owner ?? null;
  if (owner === null || owner === before) return decision;
  const municipality = String(data.municipality);
  if (!ctx.assignable(municipality).has(owner)) return { kind: 'reject', reason: 'unknown_owner', field: 'owner' };
  const mail = {
    key: assignmentKey(ctx.batch, municipality, owner),
    municipality,
    organisationId: owner,
    kind: 'assignment' as const,
    batch: ctx.batch,
    items: [{ findingId: m.recordId }],
    createdAt: ctx.now,
    notBefore: new Date(ctx.now.getTime() + BATCH_HOLD_MS),
  };
  return { kind: 'write', write: { ...decision.write, mails: [...(decision.write.mails ?? []), mail] } };
}
