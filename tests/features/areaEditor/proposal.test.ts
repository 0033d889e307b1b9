/** Issue 14: a save that started from an outline proposal says so in the version history. */
import { describe, expect, it } from 'vitest';
import { isProposalReason, proposalReason } from '../../../src/features/areaEditor/proposal';

describe('proposalReason', () => {
  it('R43: puts the proposal mark, the premises count and the BAG date before the coordinator’s reason', () => {
    const reason = proposalReason({ premisesUsed: 34, clusters: 1, fetchedAt: '2026-12-02T12:00:00.000Z' }, 'grens volgt de winkels');
    expect(reason).toBe('[voorstel uit BAG-winkelpanden] 34 panden, 1 cluster(s), BAG van 2026-12-02: grens volgt de winkels');
    expect(isProposalReason(reason)).toBe(true);
  });
  it('a hand-drawn save keeps the reason as typed and is not marked', () => {
    expect(proposalReason(null, 'hand getekend')).toBe('hand getekend');
    expect(isProposalReason('hand getekend')).toBe(false);
  });
  it('stays within the server’s 500 characters', () => {
    expect(proposalReason({ premisesUsed: 1, clusters: 1, fetchedAt: '2026-12-02' }, 'x'.repeat(600))).toHaveLength(500);
  });
});
