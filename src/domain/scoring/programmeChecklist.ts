/**
 * The yearly programme checklist (DOMAIN.md; seed 000, Bijlage 1).
 *
 * Twenty questions, each at most 10 points: 200 in all; grade = points ÷ 20 with one decimal, pass
 * from 6.0. Four respondents (municipality, police, fire brigade, shops) each fill the list; the merged
 * list takes per question the mean of the respondents' points.
 *
 * - A missing respondent (not given) is LEFT OUT of the mean: with three lists the mean is over three,
 *   and the result names the missing one(s). A respondent who is present but leaves a question empty
 *   scores 0 on it, with the warning 'unanswered' (as in the per-area certification).
 * - Computed questions (6, 13, 14, 17, 19 in the default table) come from the `computed` input (the
 *   shop register and the inspections), never from a respondent; an answer given for one is ignored
 *   with the warning 'answer_ignored'. They are the same for every respondent, so they are not averaged.
 * - Arithmetic is in integer tenths of a point. Each respondent's answer is scored to tenths (e.g.
 *   engagement mean 77.5 → 7.8); the merged total and the grade are computed exactly from those and
 *   rounded half up once. Per-question means are rounded to one decimal for display only.
 * - The scoring table is DATA with a version; the readings of gaps in the source (q9, q12, q15,
 *   q10-11, ...) are part of it and come back as notes to show next to the score.
 */

// The parts: the table (table, defaultTable), one question scored (answers), one list (respondent), the
// merged list (merge), and the computed input from the register and the inspections (computedInput).
export * from './programme/table';
export * from './programme/defaultTable';
export {
  computedFractionSchema,
  countAnswerSchema,
  engagementAnswerSchema,
  yesNoPartlyAnswerSchema,
  type ComputedFraction,
  type ComputedInput,
  type EngagementAnswer,
  type ProgrammeQuestionScore,
  type ProgrammeRefusal,
  type ProgrammeWarning,
  type RespondentAnswers,
  type YesNoPartlyAnswer,
} from './programme/answers';
export { scoreRespondent, type RespondentScore } from './programme/respondent';
export * from './programme/merge';
export * from './programme/computedInput';
