import { describe, expect, it } from 'vitest';
import { shopFlagKeys, type ShopFlagKey } from '../../../src/domain/shop';
import {
  AREA_CERTIFICATION_TABLE,
  scoreArea,
  type AreaParticipationInput,
  type AreaScore,
  type AreaScoringTable,
} from '../../../src/domain/scoring/areaCertification';

// Question ↔ measure of the default table: q2 member, q4 WhatsApp, q5 CWV, q6 nuisance fee,
// q7 survey, q8 newsletter, q9 KVO app. Yes/no: q1, q3, q10.
const all = (taking: number, open: number): AreaParticipationInput =>
  Object.fromEntries(shopFlagKeys.map((m) => [m, { taking, open }])) as AreaParticipationInput;
const figures = (f: Record<ShopFlagKey, readonly [number, number]>): AreaParticipationInput =>
  Object.fromEntries(Object.entries(f).map(([m, [taking, open]]) => [m, { taking, open }])) as AreaParticipationInput;

function ok(result: ReturnType<typeof scoreArea>): AreaScore {
  if (!result.ok) throw new Error(`refused: ${result.reason} ${result.message}`);
  return result;
}
const points = (s: AreaScore) => Object.fromEntries(s.questions.map((q) => [q.id, q.points]));

describe('scoreArea, default table', () => {
  it('all yes and 100%: 100 points, grade 10.0, certified', () => {
    const s = ok(scoreArea(AREA_CERTIFICATION_TABLE, { q1: true, q3: true, q10: true }, all(20, 20)));
    expect(s.total).toBe(100);
    expect(s.maxTotal).toBe(100);
    expect(s.grade).toBe(10);
    expect(s.certified).toBe(true);
    expect(s.warnings).toEqual([]);
    expect(s.tableVersion).toBe(AREA_CERTIFICATION_TABLE.version);
  });

  it('all no and 0%: 0 points, grade 0.0, not certified', () => {
    const s = ok(scoreArea(AREA_CERTIFICATION_TABLE, { q1: false, q3: false, q10: false }, all(0, 20)));
    expect(s.total).toBe(0);
    expect(s.grade).toBe(0);
    expect(s.certified).toBe(false);
    expect(s.warnings).toEqual([]);
  });

  it('mixed: percent ÷ 10 per question, one rounding of the grade', () => {
    const s = ok(
      scoreArea(
        AREA_CERTIFICATION_TABLE,
        { q1: true, q3: false, q10: true },
        figures({
          partnershipMember: [17, 20], // 85% → 8.5 (q2)
          whatsappGroup: [43, 50], // 86% → 8.6 (q4)
          collectiveBan: [1, 3], // 33.3% → 33% → 3.3 (q5)
          nuisanceFee: [2, 3], // 66.7% → 67% → 6.7 (q6)
          surveyAnswered: [0, 10], // 0% → 0 (q7)
          newsletter: [199, 200], // 99.5% → 99% (not everyone) → 9.9 (q8)
          kvoApp: [1, 8], // 12.5% → 13% → 1.3 (q9)
        }),
      ),
    );
    expect(points(s)).toEqual({
      q1: 10,
      q2: 8.5,
      q3: 0,
      q4: 8.6,
      q5: 3.3,
      q6: 6.7,
      q7: 0,
      q8: 9.9,
      q9: 1.3,
      q10: 10,
    });
    // 10 + 8.5 + 0 + 8.6 + 3.3 + 6.7 + 0 + 9.9 + 1.3 + 10 = 58.3 → grade 5.83 → 5.8.
    expect(s.total).toBe(58.3);
    expect(s.totalTenths).toBe(583);
    expect(s.grade).toBe(5.8);
    expect(s.certified).toBe(false);
    expect(s.questions.find((q) => q.id === 'q5')!.figure).toEqual({ taking: 1, open: 3, percent: 33 });
  });

  it('certified is decided on the shown grade: 59.5 points is 6.0, 59.4 is 5.9', () => {
    const base = { partnershipMember: [20, 20], whatsappGroup: [20, 20], collectiveBan: [20, 20] } as const;
    const rest = { surveyAnswered: [0, 20], newsletter: [0, 20], kvoApp: [0, 20] } as const;
    // 10 + 10 (q1, q3) + 10 + 10 + 10 (q2, q4, q5) + q6 + 0 + 0 + 0 + 0 (q10)
    const at95 = ok(
      scoreArea(
        AREA_CERTIFICATION_TABLE,
        { q1: true, q3: true, q10: false },
        figures({ ...base, ...rest, nuisanceFee: [19, 20] }), // 95% → 9.5
      ),
    );
    expect(at95.total).toBe(59.5);
    expect(at95.grade).toBe(6);
    expect(at95.certified).toBe(true);
    const at94 = ok(
      scoreArea(
        AREA_CERTIFICATION_TABLE,
        { q1: true, q3: true, q10: false },
        figures({ ...base, ...rest, nuisanceFee: [47, 50] }), // 94% → 9.4
      ),
    );
    expect(at94.total).toBe(59.4);
    expect(at94.grade).toBe(5.9);
    expect(at94.certified).toBe(false);
  });

  it('an area with no open shops scores 0 on every percentage question, with a warning', () => {
    const s = ok(scoreArea(AREA_CERTIFICATION_TABLE, { q1: true, q3: true, q10: true }, all(0, 0)));
    expect(s.total).toBe(30);
    expect(s.grade).toBe(3);
    expect(s.certified).toBe(false);
    expect(s.warnings).toEqual(
      ['q2', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'].map((question) => ({ question, warning: 'no_open_shops' })),
    );
    for (const q of s.questions.filter((x) => x.kind === 'percent')) {
      expect(q.points).toBe(0);
      expect(q.figure?.percent).toBeNull();
    }
  });

  it('an unanswered yes/no question scores 0 with a warning', () => {
    const s = ok(scoreArea(AREA_CERTIFICATION_TABLE, { q1: true, q3: null }, all(20, 20)));
    // q1 10, q3 0, q10 0, seven times 10
    expect(s.total).toBe(80);
    expect(s.grade).toBe(8);
    expect(s.warnings).toEqual([
      { question: 'q3', warning: 'unanswered' },
      { question: 'q10', warning: 'unanswered' },
    ]);
  });

  it('shows the reading "86% = 8,6 punten" next to the score', () => {
    const s = ok(scoreArea(AREA_CERTIFICATION_TABLE, {}, all(1, 1)));
    expect(s.notes.map((n) => n.nl).join(' ')).toContain('86% = 8,6 punten');
    expect(s.notes.map((n) => n.en).join(' ')).toContain('86% = 8.6 points');
  });

  it('refuses a figure that is not a count of shops', () => {
    const r = scoreArea(AREA_CERTIFICATION_TABLE, {}, { ...all(1, 1), collectiveBan: { taking: 5, open: 3 } });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_participation', question: 'q5' });
  });

  it('a missing measure scores 0 with not_computed', () => {
    const input = all(10, 10);
    delete input.kvoApp;
    const s = ok(scoreArea(AREA_CERTIFICATION_TABLE, { q1: true, q3: true, q10: true }, input));
    expect(s.total).toBe(90);
    expect(s.warnings).toEqual([{ question: 'q9', warning: 'not_computed' }]);
  });
});

describe('the table is data', () => {
  it('a corrected table changes the score and reports its version', () => {
    const corrected: AreaScoringTable = {
      ...AREA_CERTIFICATION_TABLE,
      version: 'test/2',
      passGrade: 5.5,
      questions: AREA_CERTIFICATION_TABLE.questions.map((q) =>
        q.id === 'q1' && q.kind === 'yes_no' ? { ...q, points: { yes: 5, no: 0 } } : q,
      ),
    };
    // Max 95: q1 yes 5 + q3 yes 10 + q10 no 0 + 7 × 50% = 35 → 50 of 95 → grade 5.26 → 5.3.
    const s = ok(scoreArea(corrected, { q1: true, q3: true, q10: false }, all(10, 20)));
    expect(s.tableVersion).toBe('test/2');
    expect(s.maxTotal).toBe(95);
    expect(s.total).toBe(50);
    expect(s.grade).toBe(5.3);
    expect(s.certified).toBe(false);
  });

  it('refuses an invalid table', () => {
    const broken = { ...AREA_CERTIFICATION_TABLE, version: '' };
    expect(scoreArea(broken, {}, all(1, 1))).toMatchObject({ ok: false, reason: 'invalid_table' });
    const dupes = { ...AREA_CERTIFICATION_TABLE, questions: [...AREA_CERTIFICATION_TABLE.questions, AREA_CERTIFICATION_TABLE.questions[0]!] };
    expect(scoreArea(dupes, {}, all(1, 1))).toMatchObject({ ok: false, reason: 'invalid_table' });
  });
});
