import { z } from 'zod';
import { wholePercent } from '../../participation';
import { isValidFraction, roundHalfUpDiv, toTenths } from '../areaCertification';
import { respondentKeySchema, type ProgrammeQuestion, type RespondentKey } from './table';

// What a respondent answers and what is computed from the register, and how one question scores either.

export const engagementAnswerSchema = z.partialRecord(respondentKeySchema, z.number().int().min(0).max(100).nullable());
/** 'yes' | 'no' (or true | false) | { partly: whole percent 0-100 }. */
export const yesNoPartlyAnswerSchema = z.union([
  z.boolean(),
  z.literal('yes'),
  z.literal('no'),
  z.strictObject({ partly: z.number().int().min(0).max(100) }),
]);
export const countAnswerSchema = z.number().int().min(0);

export type EngagementAnswer = z.infer<typeof engagementAnswerSchema>;
export type YesNoPartlyAnswer = z.infer<typeof yesNoPartlyAnswerSchema>;
/** Per question id; the kind of the table's question decides which shape is valid. */
export type RespondentAnswers = Record<string, boolean | number | YesNoPartlyAnswer | EngagementAnswer | null | undefined>;

/** A computed fraction: `count` of `of` (shops taking part of open shops; areas walked of areas). */
export const computedFractionSchema = z.strictObject({ count: z.number().int().min(0), of: z.number().int().min(0) });
export type ComputedFraction = z.infer<typeof computedFractionSchema>;
/** Per computed question id: a fraction (percent, share) or a count (count kinds). */
export type ComputedInput = Record<string, ComputedFraction | number | undefined>;

export type ProgrammeWarning =
  | 'unanswered'
  | 'incomplete'
  | 'no_open_shops'
  | 'no_base'
  | 'not_computed'
  | 'answer_ignored';

export interface ProgrammeQuestionScore {
  id: string;
  kind: ProgrammeQuestion['kind'];
  source: 'respondent' | 'computed';
  points: number;
  pointsTenths: number;
  maxPoints: number;
  /** For percent and share questions: the figure, with the whole percent it scored. */
  figure?: { count: number; of: number; percent: number | null };
  /** For count questions: the count it scored. */
  count?: number;
  warning?: ProgrammeWarning;
}

export type ProgrammeRefusal = {
  ok: false;
  reason: 'invalid_table' | 'invalid_answer' | 'invalid_computed' | 'no_respondents';
  question?: string;
  respondent?: RespondentKey;
  message: string;
};

export type QuestionResult = Omit<ProgrammeQuestionScore, 'id' | 'kind' | 'source' | 'maxPoints' | 'points'>;
export type Scored = { ok: true; value: QuestionResult } | { ok: false; message: string };

const tenths = (n: number, extra: Omit<QuestionResult, 'pointsTenths'> = {}): Scored => ({
  ok: true,
  value: { pointsTenths: n, ...extra },
});
const bad = (message: string): Scored => ({ ok: false, message });

function scoreCount(q: ProgrammeQuestion, count: number): number {
  switch (q.kind) {
    case 'count_per_ten':
      return Math.min(Math.floor(count / 10) * toTenths(q.pointsPerTen), toTenths(q.maxPoints));
    case 'count_linear':
      return Math.min(count * toTenths(q.pointsPerItem), toTenths(q.maxPoints));
    case 'count_bands': {
      let points = 0;
      for (const b of q.bands) if (count >= b.from) points = toTenths(b.points);
      return points;
    }
    default:
      throw new Error(`not a count question: ${q.kind}`);
  }
}

export function scoreAnswer(q: ProgrammeQuestion, answer: RespondentAnswers[string]): Scored {
  if (answer === undefined || answer === null) return tenths(0, { warning: 'unanswered' });
  switch (q.kind) {
    case 'yes_no':
      if (typeof answer !== 'boolean') return bad('answer yes (true) or no (false)');
      return tenths(toTenths(answer ? q.points.yes : q.points.no));
    case 'yes_no_partly': {
      const p = yesNoPartlyAnswerSchema.safeParse(answer);
      if (!p.success) return bad("answer 'yes', 'no' or { partly: 0-100 }");
      if (p.data === 'yes' || p.data === true) return tenths(toTenths(q.points.yes));
      if (p.data === 'no' || p.data === false) return tenths(toTenths(q.points.no));
      return tenths(roundHalfUpDiv(p.data.partly * toTenths(q.partlyMaxPoints), 100));
    }
    case 'engagement': {
      const p = engagementAnswerSchema.safeParse(answer);
      if (!p.success) return bad('answer a whole number 0-100 per party');
      const given = q.parties.map((k) => p.data[k]).filter((v): v is number => typeof v === 'number');
      if (given.length === 0) return tenths(0, { warning: 'unanswered' });
      const sum = given.reduce((a, b) => a + b, 0);
      const value = roundHalfUpDiv(sum * toTenths(q.maxPoints), given.length * 100);
      return tenths(value, given.length < q.parties.length ? { warning: 'incomplete' } : {});
    }
    case 'count_per_ten':
    case 'count_bands':
    case 'count_linear': {
      const p = countAnswerSchema.safeParse(answer);
      if (!p.success) return bad('answer a whole number, 0 or more');
      return tenths(scoreCount(q, p.data), { count: p.data });
    }
    default:
      return bad('computed question');
  }
}

export function scoreComputed(q: ProgrammeQuestion, value: ComputedInput[string]): Scored {
  if (value === undefined) return tenths(0, { warning: 'not_computed' });
  if (q.kind === 'percent' || q.kind === 'share') {
    const p = computedFractionSchema.safeParse(value);
    if (!p.success || !isValidFraction(p.data.count, p.data.of)) return bad('expected { count, of } with count <= of');
    const { count, of } = p.data;
    if (of === 0) {
      return tenths(0, { figure: { count, of, percent: null }, warning: q.kind === 'percent' ? 'no_open_shops' : 'no_base' });
    }
    const percent = wholePercent(count, of);
    return tenths(roundHalfUpDiv(percent * toTenths(q.maxPoints), 100), { figure: { count, of, percent } });
  }
  const p = countAnswerSchema.safeParse(value);
  if (!p.success) return bad('expected a whole number, 0 or more');
  return tenths(scoreCount(q, p.data), { count: p.data });
}

