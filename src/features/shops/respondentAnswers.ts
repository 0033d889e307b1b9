import type { ProgrammeQuestion, RespondentAnswers } from '../../domain/scoring/programmeChecklist';

/** The respondent form's raw state: choices ('yes' | 'no' | 'partly') and number fields as typed. */
export interface RawAnswers {
  choice: Record<string, string>;
  /** 'q5', 'q7.partly', 'q1.police' → the text in the field. */
  number: Record<string, string>;
}

export function rawFromAnswers(questions: readonly ProgrammeQuestion[], a: RespondentAnswers): RawAnswers {
  const raw: RawAnswers = { choice: {}, number: {} };
  for (const q of questions) {
    const v = a[q.id];
    if (v === undefined || v === null) continue;
    if (q.kind === 'yes_no' && typeof v === 'boolean') raw.choice[q.id] = v ? 'yes' : 'no';
    else if (q.kind === 'yes_no_partly') {
      if (v === true || v === 'yes') raw.choice[q.id] = 'yes';
      else if (v === false || v === 'no') raw.choice[q.id] = 'no';
      else if (typeof v === 'object' && 'partly' in v) {
        raw.choice[q.id] = 'partly';
        raw.number[`${q.id}.partly`] = String(v.partly);
      }
    } else if (q.kind === 'engagement' && typeof v === 'object') {
      for (const [party, n] of Object.entries(v as Record<string, number | null>)) if (typeof n === 'number') raw.number[`${q.id}.${party}`] = String(n);
    } else if (typeof v === 'number') raw.number[q.id] = String(v);
  }
  return raw;
}

/** Whole number in [min, max] from a field; '' is "not answered" (null); anything else is an error. */
function wholeNumber(text: string | undefined, min: number, max: number): number | null | 'invalid' {
  const s = (text ?? '').trim();
  if (s === '') return null;
  if (!/^\d+$/.test(s)) return 'invalid';
  const n = Number(s);
  return n >= min && n <= max ? n : 'invalid';
}

export interface BuiltAnswers {
  answers: RespondentAnswers;
  /** Field key → { min, max } of the rule it broke. */
  errors: Record<string, { min: number; max: number }>;
}

/** The answers the domain scores, from the raw form state; respondent questions only. */
export function buildAnswers(questions: readonly ProgrammeQuestion[], raw: RawAnswers): BuiltAnswers {
  const answers: RespondentAnswers = {};
  const errors: BuiltAnswers['errors'] = {};
  const num = (key: string, min: number, max: number) => {
    const v = wholeNumber(raw.number[key], min, max);
    if (v === 'invalid') {
      errors[key] = { min, max };
      return null;
    }
    return v;
  };
  for (const q of questions) {
    if (q.source !== 'respondent') continue;
    const c = raw.choice[q.id];
    if (q.kind === 'yes_no') answers[q.id] = c === 'yes' ? true : c === 'no' ? false : null;
    else if (q.kind === 'yes_no_partly') {
      if (c === 'partly') {
        const p = num(`${q.id}.partly`, 0, 100);
        answers[q.id] = p === null ? null : { partly: p };
        if (p === null && !errors[`${q.id}.partly`]) errors[`${q.id}.partly`] = { min: 0, max: 100 };
      } else answers[q.id] = c === 'yes' ? 'yes' : c === 'no' ? 'no' : null;
    } else if (q.kind === 'engagement') {
      const e: Record<string, number | null> = {};
      for (const p of q.parties) e[p] = num(`${q.id}.${p}`, 0, 100);
      answers[q.id] = e;
    } else answers[q.id] = num(q.id, 0, 100_000);
  }
  return { answers, errors };
}
