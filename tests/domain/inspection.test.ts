import { describe, expect, it } from 'vitest';
import { changeInspection, planInspection, type Inspection } from '../../src/domain/inspection';
import { yearOverview } from '../../src/domain/yearOverview';

const now = new Date('2026-10-01T10:00:00Z');
function planned(): Inspection {
  const r = planInspection(
    { id: '0190f5a0-0000-7000-8000-000000000001', municipality: 'deventer', areaId: 'binnenstad', startsAt: '2026-11-03T19:30', participants: [], notes: '' },
    'device:x',
    now,
  );
  if (!r.ok) throw new Error(r.reason);
  return r.inspection;
}

describe('inspection status: planned → walking → done', () => {
  it.each([
    ['planned', 'start', 'walking'],
    ['walking', 'end', 'done'],
    ['done', 'start', 'walking'],
  ] as const)('%s + %s → %s', (from, kind, to) => {
    const r = changeInspection({ ...planned(), status: from }, { kind }, now);
    expect(r.ok && r.inspection.status).toBe(to);
  });

  it.each([
    ['walking', 'start', 'no_change'],
    ['done', 'end', 'no_change'],
    ['planned', 'end', 'invalid_transition'],
  ] as const)('%s + %s is refused with %s', (from, kind, reason) => {
    expect(changeInspection({ ...planned(), status: from }, { kind }, now)).toEqual({ ok: false, reason });
  });

  it('restarting a walk keeps the moment it first started', () => {
    const started = changeInspection(planned(), { kind: 'start' }, now);
    if (!started.ok) throw new Error();
    const ended = changeInspection(started.inspection, { kind: 'end' }, new Date('2026-10-01T11:00:00Z'));
    if (!ended.ok) throw new Error();
    const again = changeInspection(ended.inspection, { kind: 'start' }, new Date('2026-10-01T12:00:00Z'));
    expect(again.ok && again.inspection.walkStartedAt).toBe(now.toISOString());
  });

  it('an unknown organisation is refused', () => {
    const r = changeInspection(planned(), { kind: 'edit', participants: [{ organisation: 'army' }] }, now);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_input', field: 'participants' });
  });
});

describe('yearly overview of walked areas', () => {
  const areas = ['a', 'b', 'c', 'd'];
  const rows = yearOverview(
    areas,
    [
      { id: '1', areaId: 'a', status: 'done', startsAt: '2026-03-01T19:00' },
      { id: '2', areaId: 'a', status: 'planned', startsAt: '2026-11-01T19:00' },
      { id: '3', areaId: 'b', status: 'planned', startsAt: '2026-12-01T19:00' },
      { id: '4', areaId: 'c', status: 'done', startsAt: '2025-12-31T23:30' },
      { id: '5', areaId: 'd', status: 'walking', startsAt: '2026-01-01T00:15' },
    ],
    2026,
  );
  it('a walk done this year wins over a later planned one', () => expect(rows[0]).toMatchObject({ state: 'walked', inspectionId: '1' }));
  it('a planned walk shows as planned', () => expect(rows[1]).toMatchObject({ state: 'planned', inspectionId: '3' }));
  it('last year’s walk does not count for this year', () => expect(rows[2]).toMatchObject({ state: 'none', inspectionId: null }));
  it('a walk under way shows as walking', () => expect(rows[3]).toMatchObject({ state: 'walking' }));
});
