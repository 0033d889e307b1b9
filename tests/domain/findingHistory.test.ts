import { describe, expect, it } from 'vitest';
import type { Finding, FindingEvent } from '../../src/domain/finding';
import { createdEventOf, findingHistory } from '../../src/domain/findingHistory';

const finding = { id: '0190a0a0-0000-7000-8000-000000000001', createdAt: '2026-03-01T10:00:00.000Z', createdBy: 'u1' } as Finding;
const event = (kind: FindingEvent['kind'], at: string, id: string): FindingEvent => ({ id, findingId: finding.id, at, by: 'u2', kind, before: null, after: null, note: null });

describe('a finding history (R39)', () => {
  it('derives the creation event from the finding when none is stored, first among events of the same instant', () => {
    const status = event('status_changed', '2026-03-02T10:00:00.000Z', 'e2');
    const same = event('photo_added', finding.createdAt, 'e1');
    expect(findingHistory(finding, [status, same])).toEqual([createdEventOf(finding), same, status]);
    expect(createdEventOf(finding)).toEqual({ id: finding.id, findingId: finding.id, at: finding.createdAt, by: 'u1', kind: 'created', before: null, after: null, note: null });
  });

  it('keeps a stored creation event and adds none; without the finding it adds none', () => {
    const created = { ...event('created', finding.createdAt, 'e0'), by: 'u1' };
    expect(findingHistory(finding, [created])).toEqual([created]);
    expect(findingHistory(undefined, [])).toEqual([]);
  });
});
