import { describe, expect, it } from 'vitest';
import { applyFindingCommand, createFinding, type Actor } from '../../../../src/domain/findingStatus';
import type { Finding } from '../../../../src/domain/finding';
import { isPrevious, previousFindings, reviewCommands } from '../../../../src/features/schouw/walk/previous';
import { entryOf } from '../../../../src/storage/mapIndexColumns';

const actor: Actor = { id: 'device:x', roles: ['coordinator', 'schouwer'] };
let n = 0;
function finding(over: Partial<Finding> = {}): Finding {
  n += 1;
  const r = createFinding(
    { id: `0190f5a0-0000-7000-8000-${String(n).padStart(12, '0')}`, municipality: 'deventer', areaId: 'binnenstad', point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: '', severity: 'low' },
    actor,
    new Date('2025-10-01T18:00:00Z'),
  );
  if (!r.ok) throw new Error(r.reason);
  return { ...r.finding, ...over };
}

const walk = { id: '0190f5a0-0000-7000-8000-aaaaaaaaaaaa', walkStartedAt: '2026-10-01T18:00:00.000Z' };
const now = new Date('2026-10-01T18:30:00Z');

describe('last year’s findings on a new walk', () => {
  it('lists open ones, overdue first, and leaves out closed, removed and this walk’s own', () => {
    const open = finding();
    const overdue = finding({ status: 'assigned', owner: 'municipality', dueDate: '2026-01-01' });
    const closed = finding({ status: 'fixed', fixNote: 'ok' });
    const removed = finding({ removed: true });
    const mine = finding({ inspectionId: walk.id });
    const list = previousFindings([open, overdue, closed, removed, mine], walk, now);
    expect(list.map((p) => [p.finding.id, p.overdue])).toEqual([
      [overdue.id, true],
      [open.id, false],
    ]);
  });

  it('puts the same findings on the walk map (from the map index) as in the list', () => {
    const many = [finding(), finding({ status: 'fixed', fixNote: 'ok' }), finding({ status: 'fixed', fixNote: 'ok', updatedAt: '2026-10-01T18:10:00.000Z' }), finding({ removed: true }), finding({ inspectionId: walk.id })];
    const listed = previousFindings(many, walk, now).map((p) => p.finding.id).sort();
    expect(many.map(entryOf).filter((e) => isPrevious(e, walk)).map((e) => e.id).sort()).toEqual(listed);
    expect(listed).toHaveLength(2);
  });

  it('keeps a finding reviewed on this walk in the list, marked reviewed', () => {
    const verified = finding({ status: 'verified', fixNote: 'ok', updatedAt: '2026-10-01T18:10:00.000Z' });
    expect(previousFindings([verified], walk, now)).toEqual([{ finding: verified, overdue: false, reviewed: true }]);
  });

  it.each([
    ['open', ['fix', 'verify']],
    ['in_progress', ['fix', 'verify']],
    ['fixed', ['verify']],
  ] as const)('"fixed" on a %s finding runs %j and ends verified', (status, kinds) => {
    const base = finding(status === 'in_progress' ? { status, owner: 'police', dueDate: '2026-12-01' } : status === 'fixed' ? { status, fixNote: 'gemaakt' } : {});
    const commands = reviewCommands(base, 'fixed', 'Opgelost gezien bij de schouw');
    expect(commands.map((c) => c.kind)).toEqual(kinds);
    let f = base;
    for (const c of commands) {
      const r = applyFindingCommand(f, c, actor, now);
      if (!r.ok) throw new Error(r.reason);
      f = r.finding;
    }
    expect(f.status).toBe('verified');
  });

  it('"still there" and "changed" are comments that leave the status alone', () => {
    expect(reviewCommands(finding(), 'still_there', 'Nog aanwezig')).toEqual([{ kind: 'comment', text: 'Nog aanwezig' }]);
    expect(reviewCommands(finding(), 'changed', 'Lamp vervangen, paal scheef')).toEqual([{ kind: 'comment', text: 'Lamp vervangen, paal scheef' }]);
  });
});
