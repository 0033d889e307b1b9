import type { Proposal } from '../../domain/outlineProposal';

/** Where an accepted proposal came from; kept with the drawing until it is saved or redrawn. */
export interface ProposalNote {
  premisesUsed: number;
  clusters: number;
  fetchedAt: string;
}

export interface ShownProposal extends Proposal {
  fetchedAt: string;
}

/** The version history's mark of a save that started from a proposal (Dutch: the history is read in Dutch). */
export const PROPOSAL_MARK = '[voorstel uit BAG-winkelpanden]';

/** The reason as saved: the mark, how many premises, then the coordinator's words. */
export function proposalReason(note: ProposalNote | null, reason: string): string {
  if (!note) return reason;
  return `${PROPOSAL_MARK} ${note.premisesUsed} panden, ${note.clusters} cluster(s), BAG van ${note.fetchedAt.slice(0, 10)}: ${reason}`.slice(0, 500);
}

export function isProposalReason(reason: string): boolean {
  return reason.startsWith(PROPOSAL_MARK);
}
