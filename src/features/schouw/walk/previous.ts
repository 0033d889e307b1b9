import { closedStatuses, type Finding } from '../../../domain/finding';
import type { FindingCommand } from '../../../domain/findingStatus';
import type { Inspection } from '../../../domain/inspection';
import { isOverdue } from '../../../domain/overdue';

export interface PreviousFinding {
  finding: Finding;
  overdue: boolean;
  /** Changed since this walk started: someone already looked at it on this walk. */
  reviewed: boolean;
}

/**
 * The area's findings from before this walk that still need eyes: every one still open (assigned
 * and in progress too; last year's and older), overdue ones first. Ones reviewed on this walk stay
 * in the list (now closed, perhaps) so the team sees what it has done.
 */
export function previousFindings(areaFindings: readonly Finding[], inspection: Pick<Inspection, 'id' | 'walkStartedAt'>, now: Date): PreviousFinding[] {
  const since = inspection.walkStartedAt ?? null;
  return areaFindings
    .filter((f) => isPrevious(f, inspection))
    .map((f) => ({ finding: f, overdue: isOverdue(f, now), reviewed: since !== null && f.updatedAt >= since }))
    // A plain comparison of ISO timestamps: localeCompare's collation is slow over thousands.
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.finding.createdAt < b.finding.createdAt ? -1 : a.finding.createdAt > b.finding.createdAt ? 1 : 0));
}

/**
 * Whether an area's finding is one of this walk's previous ones (the list above and the walk map):
 * from another walk, not removed, and still open or changed since this walk started. Takes a full
 * finding or a map index entry (storage/mapIndexColumns.ts).
 */
export function isPrevious(
  f: Pick<Finding, 'removed' | 'status' | 'updatedAt'> & { inspectionId?: string | null },
  inspection: Pick<Inspection, 'id' | 'walkStartedAt'>,
): boolean {
  if (f.removed || f.inspectionId === inspection.id) return false;
  const since = inspection.walkStartedAt ?? null;
  return !closedStatuses.includes(f.status) || (since !== null && f.updatedAt >= since);
}

export type ReviewVerdict = 'still_there' | 'fixed' | 'changed';

/**
 * What a verdict on the spot means in domain commands (one write, so all or nothing):
 * - still there: a comment saying so; the status does not move.
 * - fixed: seen fixed on a later walk is `verified` (DOMAIN.md). The status machine only verifies a
 *   fixed finding, so an open/assigned/in-progress one gets `fix` (with the walk's note, which the
 *   fix rule needs) and then `verify`; one already reported fixed gets `verify` alone.
 * - changed: a comment with what changed; the person can then edit or move it like any finding.
 */
export function reviewCommands(finding: Pick<Finding, 'status'>, verdict: ReviewVerdict, note: string): FindingCommand[] {
  switch (verdict) {
    case 'still_there':
    case 'changed':
      return [{ kind: 'comment', text: note }];
    case 'fixed':
      return finding.status === 'fixed' ? [{ kind: 'verify', note }] : [{ kind: 'fix', note }, { kind: 'verify', note }];
  }
}
