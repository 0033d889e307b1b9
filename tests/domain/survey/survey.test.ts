import { describe, expect, it } from 'vitest';
import { CURRENT_FIXED_VERSION, fixedQuestionSet, fixedQuestionSets } from '../../../src/domain/survey/fixedQuestions';
import { SURVEY_LIMITS, type Question } from '../../../src/domain/survey/question';
import { surveyQuestions, validateSetup } from '../../../src/domain/survey/setup';
import { validateAnswers } from '../../../src/domain/survey/answers';
import { aggregate, coordinatorResults, publicGroupResult, type StoredAnswerSet } from '../../../src/domain/survey/results';
import { linkRefusal, surveyLinkUrl } from '../../../src/domain/survey/link';

const good = { year: 2026, fixedVersion: CURRENT_FIXED_VERSION, topical: [], threshold: 5, resultsPublic: false };
const yn = (id: string) => ({ id, kind: 'yesNo', text: { nl: 'Vraag?' } });

describe('fixed question sets', () => {
  it('every version has at most 15 questions with unique ids, choice questions with options', () => {
    expect(fixedQuestionSets.length).toBeGreaterThan(0);
    for (const set of fixedQuestionSets) {
      expect(set.questions.length).toBeLessThanOrEqual(SURVEY_LIMITS.fixedQuestions);
      expect(new Set(set.questions.map((q) => q.id)).size).toBe(set.questions.length);
      for (const q of set.questions) {
        expect(q.text.nl.length).toBeGreaterThan(0);
        expect(q.text.en?.length).toBeGreaterThan(0);
        if (q.kind === 'choice') expect(q.options!.length).toBeGreaterThanOrEqual(2);
        else expect(q.options).toBeUndefined();
      }
    }
    expect(new Set(fixedQuestionSets.map((s) => s.version)).size).toBe(fixedQuestionSets.length);
    expect(fixedQuestionSet(CURRENT_FIXED_VERSION)).toBeDefined();
  });
});

describe('validateSetup', () => {
  const cases: [string, unknown, string | null, string?][] = [
    ['a plain setup', good, null],
    ['five topical questions', { ...good, topical: ['t1', 't2', 't3', 't4', 't5'].map(yn) }, null],
    ['six topical questions', { ...good, topical: ['t1', 't2', 't3', 't4', 't5', 't1'].map(yn) }, 'too_many_topical', '/topical'],
    ['not an object', 'x', 'invalid_input', ''],
    ['year out of range', { ...good, year: 1999 }, 'invalid_year', '/year'],
    ['year not whole', { ...good, year: 2026.5 }, 'invalid_year', '/year'],
    ['unknown version', { ...good, fixedVersion: 'v0' }, 'unknown_fixed_version', '/fixedVersion'],
    ['threshold 4', { ...good, threshold: 4 }, 'threshold_too_low', '/threshold'],
    ['threshold huge', { ...good, threshold: 100_000 }, 'threshold_too_high', '/threshold'],
    ['threshold a string', { ...good, threshold: '5' }, 'invalid_input', '/threshold'],
    ['resultsPublic missing', { ...good, resultsPublic: undefined }, 'invalid_input', '/resultsPublic'],
    ['bad topical id', { ...good, topical: [yn('x')] }, 'invalid_question', '/topical/0/id'],
    ['duplicate topical id', { ...good, topical: [yn('t1'), yn('t1')] }, 'duplicate_question_id', '/topical/1/id'],
    ['unknown kind', { ...good, topical: [{ ...yn('t1'), kind: 'essay' }] }, 'invalid_question', '/topical/0/kind'],
    ['empty text', { ...good, topical: [{ ...yn('t1'), text: { nl: '  ' } }] }, 'invalid_question', '/topical/0/text/nl'],
    ['text too long', { ...good, topical: [{ ...yn('t1'), text: { nl: 'x'.repeat(301) } }] }, 'text_too_long', '/topical/0/text/nl'],
    ['NUL in text', { ...good, topical: [{ ...yn('t1'), text: { nl: 'a\u0000b' } }] }, 'invalid_question', '/topical/0/text/nl'],
    ['choice without options', { ...good, topical: [{ ...yn('t1'), kind: 'choice' }] }, 'choice_needs_options', '/topical/0/options'],
    ['choice with one option', { ...good, topical: [{ ...yn('t1'), kind: 'choice', options: [{ label: { nl: 'a' } }] }] }, 'choice_needs_options', '/topical/0/options'],
    ['choice with twice the same option', { ...good, topical: [{ ...yn('t1'), kind: 'choice', options: [{ label: { nl: 'a' } }, { label: { nl: 'a' } }] }] }, 'duplicate_question_id', '/topical/0/options/1'],
    ['options on a yes/no', { ...good, topical: [{ ...yn('t1'), options: [{ label: { nl: 'a' } }] }] }, 'options_only_for_choice', '/topical/0/options'],
  ];
  for (const [name, input, reason, field] of cases) {
    it(`${name}: ${reason ?? 'accepted'}`, () => {
      const r = validateSetup('deventer', input);
      if (reason === null) expect(r.ok).toBe(true);
      else expect(r).toEqual({ ok: false, reason, field });
    });
  }

  it('choice options get server ids o1…; the questions are the fixed ones then the topical ones', () => {
    const r = validateSetup('deventer', { ...good, topical: [{ id: 't1', kind: 'choice', text: { nl: ' Open op zondag? ' }, options: [{ label: { nl: 'Ja' } }, { id: 'evil', label: { nl: 'Nee' } }] }] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.setup.topical[0]).toEqual({ id: 't1', kind: 'choice', text: { nl: 'Open op zondag?' }, options: [{ id: 'o1', label: { nl: 'Ja' } }, { id: 'o2', label: { nl: 'Nee' } }] });
    const qs = surveyQuestions(r.setup);
    expect(qs.length).toBe(fixedQuestionSet(CURRENT_FIXED_VERSION)!.questions.length + 1);
    expect(qs.at(-1)!.id).toBe('t1');
  });
});

const questions: Question[] = [
  { id: 'yn', kind: 'yesNo', text: { nl: 'ja/nee' } },
  { id: 'sc', kind: 'scale', text: { nl: 'schaal' } },
  { id: 'ch', kind: 'choice', text: { nl: 'keuze' }, options: [{ id: 'o1', label: { nl: 'a' } }, { id: 'o2', label: { nl: 'b' } }] },
  { id: 'tx', kind: 'text', text: { nl: 'tekst' } },
];

describe('validateAnswers', () => {
  const cases: [string, unknown, boolean, string | null, string?][] = [
    ['all four kinds', { yn: true, sc: 3, ch: 'o2', tx: 'prima' }, true, null],
    ['an empty draft', {}, false, null],
    ['an empty final answer', {}, true, 'no_answers', '/answers'],
    ['only an empty text, final', { tx: '   ' }, true, 'no_answers', '/answers'],
    ['not an object', [], false, 'invalid_input', '/answers'],
    ['unknown question', { zz: true }, false, 'unknown_question', '/answers/zz'],
    ['__proto__ as a question', JSON.parse('{"__proto__": true}'), false, 'unknown_question', '/answers/__proto__'],
    ['yes/no as a string', { yn: 'ja' }, false, 'wrong_answer_type', '/answers/yn'],
    ['scale 0', { sc: 0 }, false, 'scale_out_of_range', '/answers/sc'],
    ['scale 6', { sc: 6 }, false, 'scale_out_of_range', '/answers/sc'],
    ['scale 2.5', { sc: 2.5 }, false, 'wrong_answer_type', '/answers/sc'],
    ['unknown option', { ch: 'o3' }, false, 'unknown_option', '/answers/ch'],
    ['text too long', { tx: 'x'.repeat(1001) }, false, 'text_too_long', '/answers/tx'],
    ['text with NUL', { tx: 'a\u0000' }, false, 'wrong_answer_type', '/answers/tx'],
    ['null is a skipped question', { yn: null, sc: 5 }, true, null],
  ];
  for (const [name, input, final, reason, field] of cases) {
    it(`${name}: ${reason ?? 'accepted'}`, () => {
      const r = validateAnswers(questions, input, { final });
      if (reason === null) expect(r.ok).toBe(true);
      else expect(r).toEqual({ ok: false, reason, field });
    });
  }
  it('trims texts and drops skipped answers', () => {
    expect(validateAnswers(questions, { tx: ' ok ', yn: null, sc: 2 }, { final: true })).toEqual({ ok: true, answers: { tx: 'ok', sc: 2 } });
  });
});

describe('results', () => {
  const sets: StoredAnswerSet[] = [
    { areaId: 'noord', answers: { yn: true, sc: 4, ch: 'o1', tx: 'donker bij de kerk' } },
    { areaId: 'noord', answers: { yn: false, sc: 2 } },
    { areaId: null, answers: { yn: true, sc: 5, ch: 'o2' } },
  ];
  it('counts, distributions and the mean per question; texts only when asked', () => {
    const r = aggregate(questions, sets, true);
    expect(r.answers).toBe(3);
    expect(r.questions[0]).toMatchObject({ id: 'yn', answered: 3, counts: { yes: 2, no: 1 } });
    expect(r.questions[1]).toMatchObject({ id: 'sc', answered: 3, counts: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 }, mean: 3.7 });
    expect(r.questions[2]).toMatchObject({ id: 'ch', answered: 2, counts: { o1: 1, o2: 1 } });
    expect(r.questions[3]).toMatchObject({ id: 'tx', answered: 1, texts: ['donker bij de kerk'] });
    expect(aggregate(questions, sets, false).questions[3]!.texts).toBeUndefined();
  });
  it('per area and the municipality: a shop outside every area counts only in the municipality', () => {
    const r = coordinatorResults(questions, sets);
    expect(r.municipality.answers).toBe(3);
    expect(Object.keys(r.areas)).toEqual(['noord']);
    expect(r.areas.noord!.answers).toBe(2);
  });
  it('R46: public results only from the threshold, never free text, never below 5 whatever is stored', () => {
    const five = Array.from({ length: 5 }, () => sets[0]!);
    expect(publicGroupResult(questions, five.slice(0, 4), 5, true)).toEqual({ shown: false, threshold: 5, reason: 'below_threshold' });
    const shown = publicGroupResult(questions, five, 5, true);
    expect(shown.shown).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('donker');
    expect(publicGroupResult(questions, five, 6, true)).toEqual({ shown: false, threshold: 6, reason: 'below_threshold' });
    expect(publicGroupResult(questions, five.slice(0, 4), 1, true)).toEqual({ shown: false, threshold: 5, reason: 'below_threshold' });
    expect(publicGroupResult(questions, five, 5, false)).toEqual({ shown: false, threshold: 5, reason: 'not_public' });
  });
});

describe('links', () => {
  it('R45: an unknown, answered or revoked link has its own refusal; an open one none', () => {
    expect([null, 'open', 'answered', 'revoked'].map((s) => linkRefusal(s as never))).toEqual(['link_unknown', null, 'link_answered', 'link_revoked']);
  });
  it('the token goes in the fragment', () => {
    expect(surveyLinkUrl('https://schouw.example/', 'abc')).toBe('https://schouw.example/enquete#abc');
  });
});
