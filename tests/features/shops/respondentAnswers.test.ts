import { describe, expect, it } from 'vitest';
import { PROGRAMME_CHECKLIST_TABLE, scoreRespondent } from '../../../src/domain/scoring/programmeChecklist';
import { buildAnswers, rawFromAnswers } from '../../../src/features/shops/respondentAnswers';

const qs = PROGRAMME_CHECKLIST_TABLE.questions;

describe('the programme respondent form', () => {
  it('turns the typed form into answers the scoring takes, and back', () => {
    const raw = {
      choice: { q2: 'yes', q3: 'no', q7: 'partly' },
      number: { q5: '47', 'q7.partly': '60', 'q1.police': '80', 'q1.shops': '70' },
    };
    const { answers, errors } = buildAnswers(qs, raw);
    expect(errors).toEqual({});
    expect(answers).toMatchObject({ q2: true, q3: false, q5: 47, q7: { partly: 60 }, q4: null });
    expect(answers.q1).toEqual({ municipality: null, police: 80, fireBrigade: null, shops: 70 });
    // Computed questions are never asked of a respondent.
    expect('q13' in answers).toBe(false);
    const score = scoreRespondent(PROGRAMME_CHECKLIST_TABLE, answers);
    if (!score.ok) throw new Error(score.message);
    // q1 mean 75 → 7.5, q2 10, q5 4 tens × 2 = 8, q7 60% → 6.
    expect(score.questions.filter((q) => ['q1', 'q2', 'q5', 'q7'].includes(q.id)).map((q) => q.points)).toEqual([7.5, 10, 8, 6]);
    expect(rawFromAnswers(qs, answers)).toEqual(raw);
  });

  it('names the field of a number out of range or not whole, with its limits', () => {
    const { errors } = buildAnswers(qs, { choice: { q7: 'partly' }, number: { 'q7.partly': '120', q5: '4,5', 'q1.police': '-1' } });
    expect(errors).toEqual({ 'q7.partly': { min: 0, max: 100 }, q5: { min: 0, max: 100000 }, 'q1.police': { min: 0, max: 100 } });
  });
});
