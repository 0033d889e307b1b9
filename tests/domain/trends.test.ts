// Issue 16, Trends: one area year over year, table-driven (src/domain/trends.ts states the readings).
import { describe, expect, it } from 'vitest';
import type { TrendCertification, TrendEvent, TrendFinding } from '../../src/domain/trends';
import { areaTrends, fixedScaleQuestions, MAX_TREND_YEARS, surveyYearScores, trendYears } from '../../src/domain/trends';

let n = 0;
function finding(over: Partial<TrendFinding> & { createdAt: string }): TrendFinding {
  n++;
  return { id: `f${n}`, areaId: 'brink', categoryCode: 'lighting', dueDate: null, status: 'open', removed: false, ...over };
}
const fixedEvent = (findingId: string, at: string, after = 'fixed'): TrendEvent => ({ findingId, kind: 'status_changed', after, at });
const now = new Date('2026-06-15T10:00:00Z');

function frozen(year: number, grade: number, collectiveBan: [number, number]): TrendCertification {
  return {
    areaId: 'brink',
    year,
    frozen: {
      participation: { collectiveBan: { taking: collectiveBan[0], open: collectiveBan[1] } },
      score: { grade, certified: grade >= 6 },
    } as unknown as TrendCertification['frozen'],
  };
}

describe('areaTrends refusals', () => {
  const cases: [string, number[], string][] = [
    ['no years', [], 'no_years'],
    ['too many years', Array.from({ length: MAX_TREND_YEARS + 1 }, (_, i) => 2010 + i), 'too_many_years'],
    ['not ascending', [2026, 2025], 'years_not_ascending'],
    ['a year twice', [2025, 2025], 'years_not_ascending'],
  ];
  it.each(cases)('%s', (_name, years, reason) => {
    expect(areaTrends({ areaId: 'brink', years, findings: [], events: [], certifications: [], now })).toEqual({ ok: false, reason });
  });
});

describe('findings per theme and year', () => {
  const cases: [string, TrendFinding[], Record<number, { findings: number; themes: Record<string, number> }>][] = [
    [
      'counted by the year they were made, per theme',
      [
        finding({ createdAt: '2025-03-01T10:00:00Z', categoryCode: 'lighting' }),
        finding({ createdAt: '2025-03-01T10:00:00Z', categoryCode: 'graffiti_vandalism' }),
        finding({ createdAt: '2026-03-01T10:00:00Z', categoryCode: 'lighting' }),
      ],
      { 2025: { findings: 2, themes: { sociale_veiligheid: 1, overlast: 1 } }, 2026: { findings: 1, themes: { sociale_veiligheid: 1, overlast: 0 } } },
    ],
    [
      'the year is Amsterdam\'s: 31 December 23:30 UTC is already next year',
      [finding({ createdAt: '2025-12-31T23:30:00Z' })],
      { 2025: { findings: 0, themes: { sociale_veiligheid: 0 } }, 2026: { findings: 1, themes: { sociale_veiligheid: 1 } } },
    ],
    [
      'removed findings, duplicates and other areas count nowhere',
      [
        finding({ createdAt: '2026-03-01T10:00:00Z', removed: true }),
        finding({ createdAt: '2026-03-01T10:00:00Z', status: 'duplicate' }),
        finding({ createdAt: '2026-03-01T10:00:00Z', areaId: 'elsewhere' }),
        finding({ createdAt: '2026-03-01T10:00:00Z', areaId: null }),
      ],
      { 2025: { findings: 0, themes: {} }, 2026: { findings: 0, themes: { sociale_veiligheid: 0 } } },
    ],
  ];
  it.each(cases)('%s', (_name, findings, expected) => {
    const r = areaTrends({ areaId: 'brink', years: [2025, 2026], findings, events: [], certifications: [], now });
    if (!r.ok) throw new Error(r.reason);
    expect(r.themes).toContain('sociale_veiligheid');
    for (const y of r.years) {
      expect(y.findings).toBe(expected[y.year]!.findings);
      expect(y.byTheme).toMatchObject(expected[y.year]!.themes);
    }
  });
});

describe('fixed on time and days to fix', () => {
  // One finding made 2026-03-01, due 2026-03-10.
  const cases: [string, Partial<TrendFinding>, TrendEvent[], { fixedOnTime: number; decided: number; percent: number | null }, number | null][] = [
    ['fixed before the due date', { status: 'fixed' }, [fixedEvent('x', '2026-03-05T09:00:00Z')], { fixedOnTime: 1, decided: 1, percent: 100 }, 4],
    ['fixed on the due date is on time', { status: 'fixed' }, [fixedEvent('x', '2026-03-10T20:00:00Z')], { fixedOnTime: 1, decided: 1, percent: 100 }, 9],
    ['fixed the day after the due date is late', { status: 'verified' }, [fixedEvent('x', '2026-03-11T09:00:00Z'), fixedEvent('x', '2026-04-01T09:00:00Z', 'verified')], { fixedOnTime: 0, decided: 1, percent: 0 }, 10],
    ['verified without a fixed step: the verification counts as the fix', { status: 'verified' }, [fixedEvent('x', '2026-03-03T09:00:00Z', 'verified')], { fixedOnTime: 1, decided: 1, percent: 100 }, 2],
    ['fixed, reopened and fixed again: the last fix counts', { status: 'fixed' }, [fixedEvent('x', '2026-03-02T09:00:00Z'), fixedEvent('x', '2026-03-20T09:00:00Z')], { fixedOnTime: 0, decided: 1, percent: 0 }, 19],
    ['fixed once but open again now: not fixed, past due, late', { status: 'assigned' }, [fixedEvent('x', '2026-03-02T09:00:00Z')], { fixedOnTime: 0, decided: 1, percent: 0 }, null],
    ['still open, past its due date: late', { status: 'in_progress' }, [], { fixedOnTime: 0, decided: 1, percent: 0 }, null],
    ['still open, due date not passed: not counted yet', { status: 'assigned', dueDate: '2026-07-01' }, [], { fixedOnTime: 0, decided: 0, percent: null }, null],
    ['no due date: fixed, but not in the on-time share', { status: 'fixed', dueDate: null }, [fixedEvent('x', '2026-03-05T09:00:00Z')], { fixedOnTime: 0, decided: 0, percent: null }, 4],
    ["won't fix past its due date: not counted", { status: 'wont_fix' }, [], { fixedOnTime: 0, decided: 0, percent: null }, null],
  ];
  it.each(cases)('%s', (_name, over, events, onTime, days) => {
    const f = finding({ id: 'x', createdAt: '2026-03-01T10:00:00Z', dueDate: '2026-03-10', ...over });
    const r = areaTrends({ areaId: 'brink', years: [2026], findings: [f], events, certifications: [], now });
    if (!r.ok) throw new Error(r.reason);
    expect(r.years[0]!.onTime).toEqual(onTime);
    expect(r.years[0]!.medianDaysToFix).toBe(days);
    expect(r.years[0]!.fixed).toBe(days === null ? 0 : 1);
  });

  it('the median of an even count is the mean of the middle two; the share is a whole percent', () => {
    const made = '2026-03-01T10:00:00Z';
    const findings = [1, 2, 4, 9].map((d, i) => finding({ id: `m${i}`, createdAt: made, dueDate: '2026-03-03', status: 'fixed' }));
    const events = [1, 2, 4, 9].map((d, i) => fixedEvent(`m${i}`, `2026-03-${String(1 + d).padStart(2, '0')}T12:00:00Z`));
    const r = areaTrends({ areaId: 'brink', years: [2026], findings, events, certifications: [], now });
    if (!r.ok) throw new Error(r.reason);
    expect(r.years[0]!.medianDaysToFix).toBe(3);
    // Fixed on day 1 and 2 are on time (due 03-03), 4 and 9 late: 2 of 4.
    expect(r.years[0]!.onTime).toEqual({ fixedOnTime: 2, decided: 4, percent: 50 });
  });
});

describe('participation, grade and survey per year', () => {
  it('frozen years from their certification, this year live when not frozen, other years none', () => {
    const r = areaTrends({
      areaId: 'brink',
      years: [2024, 2025, 2026],
      findings: [],
      events: [],
      certifications: [frozen(2025, 7.4, [17, 20]), { areaId: 'brink', year: 2024 }, { ...frozen(2023, 5, [1, 2]) }, { ...frozen(2025, 9, [1, 1]), areaId: 'other' }],
      live: { year: 2026, participation: { collectiveBan: { taking: 18, open: 20 } }, grade: 7.9, certified: true },
      now,
    });
    if (!r.ok) throw new Error(r.reason);
    const [y2024, y2025, y2026] = r.years;
    expect(y2024).toMatchObject({ participation: null, grade: null, certified: null, source: null });
    expect(y2025).toMatchObject({ grade: 7.4, certified: true, source: 'frozen' });
    expect(y2025!.participation?.collectiveBan).toMatchObject({ taking: 17, open: 20, percent: 85 });
    expect(y2026).toMatchObject({ grade: 7.9, certified: true, source: 'live' });
    expect(y2026!.participation?.collectiveBan?.percent).toBe(90);
  });

  it('a frozen year wins over live figures given for it', () => {
    const r = areaTrends({ areaId: 'brink', years: [2026], findings: [], events: [], certifications: [frozen(2026, 5.5, [1, 4])], live: { year: 2026, participation: {}, grade: 9, certified: true }, now });
    if (!r.ok) throw new Error(r.reason);
    expect(r.years[0]).toMatchObject({ grade: 5.5, certified: false, source: 'frozen' });
  });

  it('survey scores come from the survey model when one is given, else null', () => {
    const without = areaTrends({ areaId: 'brink', years: [2026], findings: [], events: [], certifications: [], now });
    const withSurvey = areaTrends({ areaId: 'brink', years: [2025, 2026], findings: [], events: [], certifications: [], now, surveyScores: (y) => (y === 2026 ? { answers: 6, means: { q1: 3.5 } } : null) });
    if (!without.ok || !withSurvey.ok) throw new Error('refused');
    expect(without.years[0]!.survey).toBeNull();
    expect(withSurvey.years.map((y) => y.survey)).toEqual([null, { answers: 6, means: { q1: 3.5 } }]);
  });
});

describe('trendYears', () => {
  const cases: [string, TrendFinding[], TrendCertification[], number[]][] = [
    ['nothing yet: this year only', [], [], [2026]],
    ['from the first finding of the area', [finding({ createdAt: '2024-05-01T10:00:00Z' }), finding({ createdAt: '2019-05-01T10:00:00Z', areaId: 'other' })], [], [2024, 2025, 2026]],
    ['from the first certification', [], [frozen(2023, 6, [1, 2])], [2023, 2024, 2025, 2026]],
    ['at most the last ten years', [finding({ createdAt: '2001-05-01T10:00:00Z' })], [], [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]],
  ];
  it.each(cases)('%s', (_name, findings, certs, years) => {
    expect(trendYears('brink', findings, certs, now)).toEqual(years);
  });
});

describe('survey scores of a year (from the survey results)', () => {
  const fixed = fixedScaleQuestions();
  const q = (id: string, kind: 'scale' | 'yesNo' | 'text', mean?: number | null) => ({ id, kind, text: { nl: id, en: id }, answered: 1, counts: {}, ...(mean !== undefined ? { mean } : {}) });
  const cases: [string, Parameters<typeof surveyYearScores>[0], ReturnType<typeof surveyYearScores>][] = [
    ['no survey that year', undefined, null],
    ['a survey without answers', { answers: 0, questions: [q('safeDay', 'scale', null)] }, null],
    [
      'the fixed scale questions with a mean; topical, yes/no and unanswered ones left out',
      { answers: 6, questions: [q('safeDay', 'scale', 3.5), q('safeEvening', 'scale', null), q('shoplifting', 'yesNo'), q('topical-1', 'scale', 4.2)] },
      { answers: 6, means: { safeDay: 3.5 } },
    ],
  ];
  it.each(cases)('%s', (_name, group, expected) => {
    expect(surveyYearScores(group)).toEqual(expected);
  });

  it('the fixed scale questions are those of the fixed set, by id', () => {
    expect([...fixed.keys()]).toContain('safeDay');
    expect([...fixed.keys()]).toContain('safeEvening');
    expect([...fixed.keys()]).not.toContain('shoplifting');
  });
});

describe('the whole municipality (areaId null)', () => {
  const other = (year: number, grade: number, ban: [number, number]): TrendCertification => ({ ...frozen(year, grade, ban), areaId: 'keizerslanden' });
  it('counts every area\'s findings, never one without an area; adds up the frozen participation counts; has no grade', () => {
    const findings = [
      finding({ createdAt: '2026-03-01T10:00:00Z', areaId: 'brink' }),
      finding({ createdAt: '2026-03-01T10:00:00Z', areaId: 'keizerslanden', categoryCode: 'graffiti_vandalism' }),
      finding({ createdAt: '2026-03-01T10:00:00Z', areaId: null }),
    ];
    const r = areaTrends({ areaId: null, years: [2025, 2026], findings, events: [], certifications: [frozen(2025, 7, [3, 4]), other(2025, 5, [1, 6])], now });
    if (!r.ok) throw new Error(r.reason);
    const [y2025, y2026] = r.years;
    expect(y2026).toMatchObject({ findings: 2, byTheme: { sociale_veiligheid: 1, overlast: 1 } });
    expect(y2025!.participation?.collectiveBan).toMatchObject({ taking: 4, open: 10, percent: 40 });
    expect(y2025).toMatchObject({ grade: null, certified: null, source: 'frozen' });
    expect(y2026).toMatchObject({ participation: null, grade: null, source: null });
  });
  it('trendYears starts at the first year of any area', () => {
    expect(trendYears(null, [finding({ createdAt: '2023-03-01T10:00:00Z', areaId: 'keizerslanden' })], [], now)).toEqual([2023, 2024, 2025, 2026]);
    expect(trendYears(null, [finding({ createdAt: '2021-03-01T10:00:00Z', areaId: null })], [], now)).toEqual([2026]);
  });
});
