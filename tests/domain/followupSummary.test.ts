import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../src/domain/finding';
import { lastFixedAt, summarise, totals } from '../../src/domain/followupSummary';
import { finding } from './followupFixtures';

const now = new Date('2026-06-10T10:00:00Z');

function fixedEvent(findingId: string, at: string): FindingEvent {
  return { id: crypto.randomUUID(), findingId, at, by: 'x', kind: 'status_changed', before: 'assigned', after: 'fixed', note: 'ok' };
}

describe('summary per area and per owner', () => {
  const open = finding({ areaId: 'binnenstad', owner: 'police', status: 'assigned', dueDate: '2026-05-01' });
  const onTime = finding({ areaId: 'binnenstad', owner: 'police', status: 'in_progress', dueDate: '2026-07-01' });
  const fixedNow = finding({ areaId: 'binnenstad', owner: 'municipality', status: 'verified', fixNote: 'ok' });
  const fixedLastYear = finding({ areaId: 'colmschate', owner: 'municipality', status: 'fixed', fixNote: 'ok' });
  const reopened = finding({ areaId: 'colmschate', status: 'open' });
  const events = [
    fixedEvent(fixedNow.id, '2026-02-01T10:00:00.000Z'),
    fixedEvent(fixedLastYear.id, '2025-12-31T22:59:00.000Z'),
    fixedEvent(reopened.id, '2026-03-01T10:00:00.000Z'),
  ];
  const findings = [open, onTime, fixedNow, fixedLastYear, reopened];

  it('counts open (still to handle), overdue and fixed this year per area', () => {
    const rows = summarise(findings, lastFixedAt(events), (f) => f.areaId ?? '-', now);
    expect(rows).toEqual([
      { key: 'binnenstad', open: 2, overdue: 1, fixedThisYear: 1 },
      // Fixed at 23:59 on 31 December in Amsterdam: last year. The reopened one is open again.
      { key: 'colmschate', open: 1, overdue: 0, fixedThisYear: 0 },
    ]);
    expect(totals(rows)).toEqual({ open: 3, overdue: 1, fixedThisYear: 1 });
  });

  it('groups by owner the same way', () => {
    const rows = summarise(findings, lastFixedAt(events), (f) => f.owner ?? '-', now);
    expect(rows.find((r) => r.key === 'police')).toEqual({ key: 'police', open: 2, overdue: 1, fixedThisYear: 0 });
    expect(rows.find((r) => r.key === 'municipality')).toEqual({ key: 'municipality', open: 0, overdue: 0, fixedThisYear: 1 });
  });

  it('takes the latest fix when a finding was fixed twice', () => {
    const f = finding();
    const map = lastFixedAt([fixedEvent(f.id, '2026-01-01T10:00:00.000Z'), fixedEvent(f.id, '2026-05-01T10:00:00.000Z')]);
    expect(map.get(f.id)).toBe('2026-05-01T10:00:00.000Z');
  });
});
