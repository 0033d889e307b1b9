import { describe, expect, it } from 'vitest';
import { findingStatuses, type FindingStatus } from '../../src/domain/finding';
import { amsterdamDate, isOverdue } from '../../src/domain/overdue';

const due = (dueDate: string | null, status: FindingStatus = 'assigned', removed = false) => ({
  dueDate,
  status,
  removed,
});
const at = (iso: string) => new Date(iso);

describe('isOverdue at the edges of an Amsterdam day', () => {
  it('winter (CET, UTC+1): the day ends at 23:00 UTC', () => {
    expect(isOverdue(due('2026-01-14'), at('2026-01-14T22:59:59.999Z'))).toBe(false);
    expect(isOverdue(due('2026-01-14'), at('2026-01-14T23:00:00.000Z'))).toBe(true);
  });

  it('summer (CEST, UTC+2): the day ends at 22:00 UTC', () => {
    expect(isOverdue(due('2026-07-14'), at('2026-07-14T21:59:59.999Z'))).toBe(false);
    expect(isOverdue(due('2026-07-14'), at('2026-07-14T22:00:00.000Z'))).toBe(true);
  });

  it('the due date itself is not overdue, from its first to its last minute', () => {
    expect(isOverdue(due('2026-01-14'), at('2026-01-13T23:00:00.000Z'))).toBe(false);
    expect(isOverdue(due('2026-01-14'), at('2026-01-14T12:00:00.000Z'))).toBe(false);
  });
});

describe('isOverdue on the days the clocks change', () => {
  it('2026-03-29 (23 hours: from 23:00 UTC the day before to 22:00 UTC)', () => {
    expect(amsterdamDate(at('2026-03-28T23:00:00.000Z'))).toBe('2026-03-29');
    expect(isOverdue(due('2026-03-28'), at('2026-03-28T22:59:59.999Z'))).toBe(false);
    expect(isOverdue(due('2026-03-28'), at('2026-03-28T23:00:00.000Z'))).toBe(true);
    // 01:59 UTC is 03:59 CEST, just after the jump from 02:00 to 03:00.
    expect(isOverdue(due('2026-03-29'), at('2026-03-29T01:59:00.000Z'))).toBe(false);
    expect(isOverdue(due('2026-03-29'), at('2026-03-29T21:59:59.999Z'))).toBe(false);
    expect(isOverdue(due('2026-03-29'), at('2026-03-29T22:00:00.000Z'))).toBe(true);
  });

  it('2026-10-25 (25 hours: from 22:00 UTC the day before to 23:00 UTC)', () => {
    expect(amsterdamDate(at('2026-10-24T22:00:00.000Z'))).toBe('2026-10-25');
    expect(isOverdue(due('2026-10-24'), at('2026-10-24T21:59:59.999Z'))).toBe(false);
    expect(isOverdue(due('2026-10-24'), at('2026-10-24T22:00:00.000Z'))).toBe(true);
    // 02:30 happens twice: 00:30 UTC (CEST) and 01:30 UTC (CET); both are still the due day.
    expect(isOverdue(due('2026-10-25'), at('2026-10-25T00:30:00.000Z'))).toBe(false);
    expect(isOverdue(due('2026-10-25'), at('2026-10-25T01:30:00.000Z'))).toBe(false);
    // A fixed 22:00 UTC cut-off (summer offset) would wrongly call this overdue.
    expect(isOverdue(due('2026-10-25'), at('2026-10-25T22:59:59.999Z'))).toBe(false);
    expect(isOverdue(due('2026-10-25'), at('2026-10-25T23:00:00.000Z'))).toBe(true);
  });
});

describe('isOverdue by status', () => {
  const longAgo = at('2027-01-01T12:00:00.000Z');

  it.each(['open', 'assigned', 'in_progress'] as const)('%s past its due date is overdue', (status) => {
    expect(isOverdue(due('2026-05-01', status), longAgo)).toBe(true);
  });

  it.each(['fixed', 'verified', 'wont_fix', 'duplicate'] as const)('%s is never overdue', (status) => {
    expect(isOverdue(due('2026-05-01', status), longAgo)).toBe(false);
  });

  it('covers every status', () => {
    expect([...findingStatuses].sort()).toEqual(
      ['open', 'assigned', 'in_progress', 'fixed', 'verified', 'wont_fix', 'duplicate'].sort(),
    );
  });

  it('without a due date, or once removed, nothing is overdue', () => {
    expect(isOverdue(due(null, 'open'), longAgo)).toBe(false);
    expect(isOverdue(due('2026-05-01', 'open', true), longAgo)).toBe(false);
  });
});
