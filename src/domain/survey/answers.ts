/**
 * A shopkeeper's answers checked against the year's questions: every question is optional, every answer
 * must fit its question. Pure, with reason codes and the answer's JSON pointer.
 */
import { isStorableText } from '../text';
import { SCALE_MAX, SCALE_MIN, SURVEY_LIMITS, type Answers, type Question } from './question';

export type AnswerRefusalReason = 'invalid_input' | 'unknown_question' | 'wrong_answer_type' | 'scale_out_of_range' | 'unknown_option' | 'text_too_long' | 'no_answers';

export type AnswersResult = { ok: true; answers: Answers } | { ok: false; reason: AnswerRefusalReason; field: string };

/**
 * `final`: the answers being sent (at least one question answered); otherwise a draft, which may be
 * empty. Empty texts are dropped (a cleared field is a skipped question); texts are trimmed.
 */
export function validateAnswers(questions: readonly Question[], input: unknown, options: { final: boolean }): AnswersResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, reason: 'invalid_input', field: '/answers' };
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  for (const [id, value] of Object.entries(input)) {
    const field = `/answers/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const q = byId.get(id); // a Map: '__proto__' is just an unknown id
    if (!q) return { ok: false, reason: 'unknown_question', field };
    if (value === null) continue;
    switch (q.kind) {
      case 'yesNo':
        if (typeof value !== 'boolean') return { ok: false, reason: 'wrong_answer_type', field };
        answers[id] = value;
        break;
      case 'scale':
        if (typeof value !== 'number' || !Number.isInteger(value)) return { ok: false, reason: 'wrong_answer_type', field };
        if (value < SCALE_MIN || value > SCALE_MAX) return { ok: false, reason: 'scale_out_of_range', field };
        answers[id] = value;
        break;
      case 'choice':
        if (typeof value !== 'string') return { ok: false, reason: 'wrong_answer_type', field };
        if (!q.options?.some((o) => o.id === value)) return { ok: false, reason: 'unknown_option', field };
        answers[id] = value;
        break;
      case 'text': {
        if (typeof value !== 'string' || !isStorableText(value)) return { ok: false, reason: 'wrong_answer_type', field };
        if (value.length > SURVEY_LIMITS.textAnswer) return { ok: false, reason: 'text_too_long', field };
        const t = value.trim();
        if (t !== '') answers[id] = t;
        break;
      }
    }
  }
  if (options.final && Object.keys(answers).length === 0) return { ok: false, reason: 'no_answers', field: '/answers' };
  return { ok: true, answers };
}
