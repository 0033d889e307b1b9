import { describe, expect, it } from 'vitest';
import type { Shop } from '../../../src/domain/shop';
import {
  buildComputedInput,
  countShopsChecked,
  mergeRespondents,
  PROGRAMME_CHECKLIST_TABLE as TABLE,
  scoreRespondent,
  type ComputedInput,
  type ProgrammeScore,
  type RespondentAnswers,
  type RespondentScore,
} from '../../../src/domain/scoring/programmeChecklist';

function okR(r: ReturnType<typeof scoreRespondent>): RespondentScore {
  if (!r.ok) throw new Error(`refused: ${r.reason} ${r.message}`);
  return r;
}
function okM(r: ReturnType<typeof mergeRespondents>): ProgrammeScore {
  if (!r.ok) throw new Error(`refused: ${r.reason} ${r.message}`);
  return r;
}
const pointsOf = (s: { questions: { id: string; points: number }[] }, id: string) =>
  s.questions.find((q) => q.id === id)!.points;

const allYes: RespondentAnswers = {
  q1: { municipality: 100, police: 100, fireBrigade: 100, shops: 100 },
  q2: true,
  q3: true,
  q4: true,
  q5: 100,
  q7: 'yes',
  q8: 'yes',
  q9: 50,
  q10: 100,
  q11: 100,
  q12: true,
  q15: true,
  q16: true,
  q18: true,
  q20: true,
};
const computedFull: ComputedInput = {
  q6: { count: 16, of: 16 },
  q13: { count: 300, of: 300 },
  q14: { count: 300, of: 300 },
  q17: { count: 300, of: 300 },
  q19: 30,
};
const allNo: RespondentAnswers = {
  q1: { municipality: 0, police: 0, fireBrigade: 0, shops: 0 },
  q2: false,
  q3: false,
  q4: false,
  q5: 0,
  q7: 'no',
  q8: 'no',
  q9: 0,
  q10: 0,
  q11: 0,
  q12: false,
  q15: false,
  q16: false,
  q18: false,
  q20: false,
};
const computedNone: ComputedInput = {
  q6: { count: 0, of: 16 },
  q13: { count: 0, of: 300 },
  q14: { count: 0, of: 300 },
  q17: { count: 0, of: 300 },
  q19: 0,
};

// A realistic list; points in the comments.
const base: RespondentAnswers = {
  q1: { municipality: 80, police: 70, fireBrigade: 60, shops: 90 }, // mean 75 → 7.5
  q2: true, // 10
  q3: true, // 10
  q4: true, // 10
  q5: 47, // 4 tens × 2 → 8
  q7: { partly: 50 }, // 5
  q8: 'no', // 0
  q9: 25, // 20-40 → 5
  q10: 12, // 1.2
  q11: 24, // 2.4
  q12: true, // 10
  q15: false, // 0
  q16: true, // 10
  q18: true, // 10
  q20: false, // 0
}; // respondent questions: 89.1
const computedMixed: ComputedInput = {
  q6: { count: 12, of: 16 }, // 75% → 7.5
  q13: { count: 255, of: 300 }, // 85% → 8.5
  q14: { count: 90, of: 300 }, // 30% → 3.0
  q17: { count: 100, of: 300 }, // 33.3% → 33% → 3.3
  q19: 18, // 10-25 → 5
}; // computed: 27.3

describe('scoreRespondent', () => {
  it('all yes: 200 points, grade 10.0', () => {
    const s = okR(scoreRespondent(TABLE, allYes, computedFull));
    expect(s.total).toBe(200);
    expect(s.maxTotal).toBe(200);
    expect(s.grade).toBe(10);
    expect(s.passed).toBe(true);
    expect(s.warnings).toEqual([]);
    expect(s.tableVersion).toBe(TABLE.version);
  });

  it('all no: 0 points, grade 0.0', () => {
    const s = okR(scoreRespondent(TABLE, allNo, computedNone));
    expect(s.total).toBe(0);
    expect(s.grade).toBe(0);
    expect(s.passed).toBe(false);
    expect(s.warnings).toEqual([]);
  });

  it('mixed: 89.1 + 27.3 = 116.4 points, grade 5.82 → 5.8', () => {
    const s = okR(scoreRespondent(TABLE, base, computedMixed));
    const expected: Record<string, number> = {
      q1: 7.5,
      q2: 10,
      q3: 10,
      q4: 10,
      q5: 8,
      q6: 7.5,
      q7: 5,
      q8: 0,
      q9: 5,
      q10: 1.2,
      q11: 2.4,
      q12: 10,
      q13: 8.5,
      q14: 3,
      q15: 0,
      q16: 10,
      q17: 3.3,
      q18: 10,
      q19: 5,
      q20: 0,
    };
    expect(Object.fromEntries(s.questions.map((q) => [q.id, q.points]))).toEqual(expected);
    expect(s.total).toBe(116.4);
    expect(s.grade).toBe(5.8);
    expect(s.passed).toBe(false);
  });

  it.each([
    [0, 0],
    [9, 0],
    [10, 2],
    [19, 2],
    [47, 8],
    [49, 8],
    [50, 10],
    [120, 10],
  ])('q5: %i attendees → %d points (whole tens × 2, max 10)', (count, pts) => {
    expect(pointsOf(okR(scoreRespondent(TABLE, { q5: count })), 'q5')).toBe(pts);
  });

  it.each([
    [0, 0],
    [19, 0],
    [20, 5],
    [25, 5], // the gap 20-29, read as 5
    [29, 5],
    [30, 5],
    [40, 5],
    [41, 10],
  ])('q9: %i shops → %d points', (count, pts) => {
    expect(pointsOf(okR(scoreRespondent(TABLE, { q9: count })), 'q9')).toBe(pts);
  });

  it.each([
    [9, 0],
    [10, 5],
    [25, 5],
    [26, 10],
  ])('q19 (computed): %i shops checked → %d points', (count, pts) => {
    expect(pointsOf(okR(scoreRespondent(TABLE, {}, { q19: count })), 'q19')).toBe(pts);
  });

  it.each([
    [0, 0],
    [7, 0.7],
    [99, 9.9],
    [100, 10],
    [250, 10],
  ])('q10/q11: %i times → %d points (0.1 each, max 10)', (count, pts) => {
    const s = okR(scoreRespondent(TABLE, { q10: count, q11: count }));
    expect(pointsOf(s, 'q10')).toBe(pts);
    expect(pointsOf(s, 'q11')).toBe(pts);
  });

  it.each([
    ['yes', 10],
    ['no', 0],
    [{ partly: 60 }, 6],
    [{ partly: 45 }, 4.5],
    [{ partly: 0 }, 0],
    [true, 10],
  ] as const)('q7 yes/no/partly: %j → %d', (answer, pts) => {
    expect(pointsOf(okR(scoreRespondent(TABLE, { q7: answer })), 'q7')).toBe(pts);
  });

  it('q6 partly is computed from the areas walked: 3 of 16 = 18.75% → 19% → 1.9', () => {
    const s = okR(scoreRespondent(TABLE, {}, { q6: { count: 3, of: 16 } }));
    expect(pointsOf(s, 'q6')).toBe(1.9);
    expect(s.questions.find((q) => q.id === 'q6')!.figure).toEqual({ count: 3, of: 16, percent: 19 });
  });

  it('q1: the mean of the four ratings ÷ 10; blanks leave the mean, with a warning', () => {
    // (80 + 70 + 60 + 100) / 4 = 77.5 → 7.75 → 7.8
    const full = okR(scoreRespondent(TABLE, { q1: { municipality: 80, police: 70, fireBrigade: 60, shops: 100 } }));
    expect(pointsOf(full, 'q1')).toBe(7.8);
    // (80 + 60) / 2 = 70 → 7.0
    const part = okR(scoreRespondent(TABLE, { q1: { municipality: 80, police: null, fireBrigade: 60 } }));
    expect(pointsOf(part, 'q1')).toBe(7);
    expect(part.warnings).toContainEqual({ question: 'q1', warning: 'incomplete' });
  });

  it('unanswered and not computed questions score 0 with a warning', () => {
    const s = okR(scoreRespondent(TABLE, { q2: true }));
    expect(s.total).toBe(10);
    expect(s.warnings).toContainEqual({ question: 'q3', warning: 'unanswered' });
    expect(s.warnings).toContainEqual({ question: 'q13', warning: 'not_computed' });
  });

  it('no open shops: the percentage question scores 0 with no_open_shops', () => {
    const s = okR(scoreRespondent(TABLE, {}, { q13: { count: 0, of: 0 } }));
    expect(pointsOf(s, 'q13')).toBe(0);
    expect(s.warnings).toContainEqual({ question: 'q13', warning: 'no_open_shops' });
  });

  it('an answer to a computed question is ignored', () => {
    const s = okR(scoreRespondent(TABLE, { q13: 100 } as RespondentAnswers, { q13: { count: 1, of: 2 } }));
    expect(pointsOf(s, 'q13')).toBe(5);
    expect(s.warnings).toContainEqual({ question: 'q13', warning: 'answer_ignored' });
  });

  it('refuses an answer of the wrong shape, naming the question', () => {
    expect(scoreRespondent(TABLE, { q2: 'misschien' as unknown as boolean })).toMatchObject({
      ok: false,
      reason: 'invalid_answer',
      question: 'q2',
    });
    expect(scoreRespondent(TABLE, { q7: { partly: 120 } })).toMatchObject({ ok: false, question: 'q7' });
    expect(scoreRespondent(TABLE, { q5: -1 })).toMatchObject({ ok: false, question: 'q5' });
    expect(scoreRespondent(TABLE, {}, { q13: { count: 5, of: 3 } })).toMatchObject({
      ok: false,
      reason: 'invalid_computed',
      question: 'q13',
    });
  });

  it('returns the readings of the gaps, Dutch and English', () => {
    const s = okR(scoreRespondent(TABLE, {}));
    const byQuestion = (q: string) => s.notes.filter((n) => n.questions.includes(q));
    for (const q of ['q9', 'q12', 'q15', 'q10', 'q11']) {
      expect(byQuestion(q).length).toBeGreaterThan(0);
      for (const n of byQuestion(q)) {
        expect(n.nl.length).toBeGreaterThan(10);
        expect(n.en.length).toBeGreaterThan(10);
      }
    }
    expect(byQuestion('q9')[0]!.nl).toContain('20-29');
  });
});

describe('mergeRespondents', () => {
  // municipality = base (89.1); police = base with q8 yes and q20 yes (109.1);
  // fire brigade = base with q2 no (79.1); shops = base with q15 yes (99.1).
  const police: RespondentAnswers = { ...base, q8: 'yes', q20: true };
  const fireBrigade: RespondentAnswers = { ...base, q2: false };
  const shops: RespondentAnswers = { ...base, q15: true };

  it('four respondents: per question the mean; computed questions once', () => {
    const s = okM(mergeRespondents(TABLE, { municipality: base, police, fireBrigade, shops }, computedMixed));
    expect(s.present).toEqual(['municipality', 'police', 'fireBrigade', 'shops']);
    expect(s.missing).toEqual([]);
    expect(pointsOf(s, 'q2')).toBe(7.5); // (10 + 10 + 0 + 10) / 4
    expect(pointsOf(s, 'q8')).toBe(2.5); // (0 + 10 + 0 + 0) / 4
    expect(pointsOf(s, 'q15')).toBe(2.5);
    expect(pointsOf(s, 'q20')).toBe(2.5);
    expect(pointsOf(s, 'q13')).toBe(8.5);
    expect(s.questions.find((q) => q.id === 'q2')!.perRespondent).toEqual({
      municipality: 10,
      police: 10,
      fireBrigade: 0,
      shops: 10,
    });
    // (89.1 + 109.1 + 79.1 + 99.1) / 4 = 94.1; + 27.3 = 121.4 → grade 6.07 → 6.1
    expect(s.total).toBe(121.4);
    expect(s.maxTotal).toBe(200);
    expect(s.grade).toBe(6.1);
    expect(s.passed).toBe(true);
    expect(s.tableVersion).toBe(TABLE.version);
    expect(s.notes.some((n) => n.id === 'missing_respondents')).toBe(false);
  });

  it('a missing respondent is left out of the mean and named', () => {
    const s = okM(mergeRespondents(TABLE, { municipality: base, fireBrigade, shops }, computedMixed));
    expect(s.present).toEqual(['municipality', 'fireBrigade', 'shops']);
    expect(s.missing).toEqual(['police']);
    expect(pointsOf(s, 'q2')).toBe(6.7); // (10 + 0 + 10) / 3 = 6.67
    // (89.1 + 79.1 + 99.1) / 3 = 89.1; + 27.3 = 116.4 → 5.82 → 5.8
    expect(s.total).toBe(116.4);
    expect(s.grade).toBe(5.8);
    expect(s.passed).toBe(false);
    const note = s.notes.find((n) => n.id === 'missing_respondents')!;
    expect(note.nl).toContain('politie');
    expect(note.en).toContain('police');
  });

  it('null counts as missing too', () => {
    const s = okM(mergeRespondents(TABLE, { municipality: allYes, police: null }, computedFull));
    expect(s.missing).toEqual(['police', 'fireBrigade', 'shops']);
    expect(s.total).toBe(200);
  });

  it('the total is exact, not the sum of the rounded means', () => {
    // Three respondents; two of three say yes on q2, q3 and q4, all else 0.
    const yes = { ...allNo, q2: true, q3: true, q4: true };
    const no = allNo;
    const s = okM(
      mergeRespondents(TABLE, { municipality: yes, police: yes, fireBrigade: no }, computedNone),
    );
    expect(pointsOf(s, 'q2')).toBe(6.7);
    expect(pointsOf(s, 'q3')).toBe(6.7);
    expect(pointsOf(s, 'q4')).toBe(6.7);
    // 3 × 20/3 = 20.0 (the displayed means would add up to 20.1); grade 20 / 20 = 1.0
    expect(s.total).toBe(20);
    expect(s.grade).toBe(1);
  });

  it('all yes from everyone: 200, grade 10; all no: 0', () => {
    const yes = okM(
      mergeRespondents(TABLE, { municipality: allYes, police: allYes, fireBrigade: allYes, shops: allYes }, computedFull),
    );
    expect([yes.total, yes.grade, yes.passed]).toEqual([200, 10, true]);
    const no = okM(
      mergeRespondents(TABLE, { municipality: allNo, police: allNo, fireBrigade: allNo, shops: allNo }, computedNone),
    );
    expect([no.total, no.grade, no.passed]).toEqual([0, 0, false]);
  });

  it('refuses without respondents, and names the respondent of a bad answer', () => {
    expect(mergeRespondents(TABLE, {})).toMatchObject({ ok: false, reason: 'no_respondents' });
    expect(
      mergeRespondents(TABLE, { municipality: base, police: { q9: 'veel' as unknown as number } }, computedMixed),
    ).toMatchObject({ ok: false, reason: 'invalid_answer', question: 'q9', respondent: 'police' });
  });
});

describe('computed input', () => {
  it('builds q6, q13, q14, q17, q19 from the facts', () => {
    const computed = buildComputedInput(TABLE, {
      municipality: {
        collectiveBan: { taking: 255, open: 300 },
        nuisanceFee: { taking: 90, open: 300 },
        surveyAnswered: { taking: 100, open: 300 },
      },
      areasWalked: { walked: 12, total: 16 },
      shopsChecked: 18,
    });
    expect(computed).toEqual(computedMixed);
  });

  it('counts shops with a shop check in the year', () => {
    const s = (dates: string[]) => ({ shopChecks: dates.map((date) => ({ date })) }) as Pick<Shop, 'shopChecks'>;
    const shops = [s(['2024-03-01']), s(['2023-12-31', '2024-01-01']), s(['2023-06-01']), s([])];
    expect(countShopsChecked(shops, 2024)).toBe(2);
    expect(countShopsChecked(shops, 2023)).toBe(2);
  });
});
