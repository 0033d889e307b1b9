import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  digestWeekDue,
  isoWeek,
  reminderMarker,
  retryDelayMs,
  selectDigest,
  selectReminders,
  type MailFinding,
} from '../../src/domain/mailSchedule';

const f = (id: string, patch: Partial<MailFinding> = {}): MailFinding => ({
  id,
  municipality: 'deventer',
  owner: 'police',
  dueDate: '2026-03-10',
  status: 'assigned',
  removed: false,
  ...patch,
});
// 09:00 in Deventer on the given day (CET, UTC+1, in March before the clock change).
const at = (day: string) => new Date(`${day}T08:00:00Z`);

describe('reminders: a few days before the due date, once per due date', () => {
  const cases: { name: string; finding: MailFinding; today: string; days?: number; reminded?: string[]; expected: boolean }[] = [
    { name: 'exactly N days before', finding: f('a'), today: '2026-03-07', expected: true },
    { name: 'N+1 days before: not yet', finding: f('a'), today: '2026-03-06', expected: false },
    { name: 'on the due day itself', finding: f('a'), today: '2026-03-10', expected: true },
    { name: 'the day after (overdue): left to the digest', finding: f('a'), today: '2026-03-11', expected: false },
    { name: 'already reminded for this due date', finding: f('a'), today: '2026-03-08', reminded: ['a@2026-03-10'], expected: false },
    { name: 'reminded for an earlier due date: reminded again', finding: f('a'), today: '2026-03-08', reminded: ['a@2026-03-01'], expected: true },
    { name: 'in progress counts', finding: f('a', { status: 'in_progress' }), today: '2026-03-09', expected: true },
    { name: 'fixed: nothing to remind', finding: f('a', { status: 'fixed' }), today: '2026-03-09', expected: false },
    { name: 'wont_fix: nothing to remind', finding: f('a', { status: 'wont_fix' }), today: '2026-03-09', expected: false },
    { name: 'removed: nothing to remind', finding: f('a', { removed: true }), today: '2026-03-09', expected: false },
    { name: 'no owner', finding: f('a', { owner: null }), today: '2026-03-09', expected: false },
    { name: 'no due date', finding: f('a', { dueDate: null }), today: '2026-03-09', expected: false },
    { name: 'reminder days 0: only on the due day', finding: f('a'), today: '2026-03-09', days: 0, expected: false },
    { name: 'reminder days 0, due today', finding: f('a'), today: '2026-03-10', days: 0, expected: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = selectReminders([c.finding], new Set(c.reminded ?? []), at(c.today), c.days ?? 3);
      expect([...out.values()].flat().map((x) => x.id)).toEqual(c.expected ? ['a'] : []);
    });
  }

  it('groups per organisation', () => {
    const out = selectReminders([f('a'), f('b', { owner: 'fire_brigade' }), f('c')], new Set(), at('2026-03-09'), 3);
    expect(Object.fromEntries([...out].map(([org, list]) => [org, list.map((x) => x.id)]))).toEqual({ police: ['a', 'c'], fire_brigade: ['b'] });
  });

  it('uses the day in Amsterdam, not in UTC: 23:30 UTC on the 6th is already the 7th in Deventer', () => {
    const out = selectReminders([f('a')], new Set(), new Date('2026-03-06T23:30:00Z'), 3);
    expect(out.size).toBe(1);
    expect(reminderMarker(f('a'))).toBe('a@2026-03-10');
  });
});

describe('weekly digest: open and overdue per organisation', () => {
  it('splits open from overdue and leaves out closed, removed and unowned findings', () => {
    const findings = [
      f('late', { dueDate: '2026-03-01' }),
      f('soon', { dueDate: '2026-03-20' }),
      f('none', { dueDate: null }),
      f('done', { status: 'verified', dueDate: '2026-03-01' }),
      f('gone', { removed: true }),
      f('nobody', { owner: null }),
      f('fire', { owner: 'fire_brigade', dueDate: '2026-03-08' }),
    ];
    const out = selectDigest(findings, at('2026-03-09'));
    const ids = (org: string) => ({ open: out.get(org)?.open.map((x) => x.id), overdue: out.get(org)?.overdue.map((x) => x.id) });
    expect(ids('police')).toEqual({ open: ['soon', 'none'], overdue: ['late'] });
    expect(ids('fire_brigade')).toEqual({ open: [], overdue: ['fire'] });
    expect([...out.keys()].sort()).toEqual(['fire_brigade', 'police']);
  });

  const weeks: { day: string; digestDay: number; expected: string | null }[] = [
    { day: '2026-03-09', digestDay: 1, expected: '2026-W11' }, // Monday, digest on Monday
    { day: '2026-03-15', digestDay: 1, expected: '2026-W11' }, // Sunday of the same week: still that week's
    { day: '2026-03-09', digestDay: 3, expected: null }, // Monday, digest on Wednesday: not yet
    { day: '2026-03-11', digestDay: 3, expected: '2026-W11' },
    { day: '2026-01-01', digestDay: 1, expected: '2026-W01' }, // Thursday
    { day: '2027-01-01', digestDay: 1, expected: '2026-W53' }, // Friday: ISO week of the old year
  ];
  for (const w of weeks) {
    it(`on ${w.day} with digest day ${w.digestDay}: ${w.expected ?? 'none'}`, () => {
      expect(digestWeekDue(at(w.day), w.digestDay)).toBe(w.expected);
    });
  }
  it('ISO weeks', () => {
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(daysBetween('2026-03-07', '2026-03-10')).toBe(3);
  });
});

describe('retry back-off', () => {
  it('doubles from one minute up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });
});
