/**
 * A year's survey of one municipality, as the coordinator sets it up: the fixed question set (by version),
 * up to 5 topical questions, the public threshold and whether results are public. Pure validation with
 * reason codes: the screen and the server refuse the same things.
 */
import { isStorableText } from '../text';
import { fixedQuestionSet } from './fixedQuestions';
import { questionKinds, SURVEY_LIMITS, type Question } from './question';

export interface SurveySetup {
  municipality: string;
  year: number;
  fixedVersion: string;
  topical: Question[];
  /** Public results of an area (or the municipality) only from this many answers (at least 5). */
  threshold: number;
  /** Whether the anonymised results may be shown publicly at all. */
  resultsPublic: boolean;
}

export type SetupRefusalReason =
  | 'invalid_input'
  | 'invalid_year'
  | 'unknown_fixed_version'
  | 'too_many_topical'
  | 'invalid_question'
  | 'duplicate_question_id'
  | 'choice_needs_options'
  | 'options_only_for_choice'
  | 'text_too_long'
  | 'threshold_too_low'
  | 'threshold_too_high';

export type SetupResult = { ok: true; setup: SurveySetup } | { ok: false; reason: SetupRefusalReason; field: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const goodText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max && isStorableText(v);
const TOPICAL_ID = /^t[1-5]$/;

/** Checks the coordinator's input (anything) for `municipality`; the topical ids are t1…t5 in order. */
export function validateSetup(municipality: string, input: unknown): SetupResult {
  const no = (reason: SetupRefusalReason, field: string): SetupResult => ({ ok: false, reason, field });
  if (!isObject(input)) return no('invalid_input', '');
  const { year, fixedVersion, topical, threshold, resultsPublic } = input;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) return no('invalid_year', '/year');
  if (typeof fixedVersion !== 'string' || !fixedQuestionSet(fixedVersion)) return no('unknown_fixed_version', '/fixedVersion');
  if (!Array.isArray(topical)) return no('invalid_input', '/topical');
  if (topical.length > SURVEY_LIMITS.topicalQuestions) return no('too_many_topical', '/topical');
  if (typeof threshold !== 'number' || !Number.isInteger(threshold)) return no('invalid_input', '/threshold');
  if (threshold < SURVEY_LIMITS.minThreshold) return no('threshold_too_low', '/threshold');
  if (threshold > SURVEY_LIMITS.maxThreshold) return no('threshold_too_high', '/threshold');
  if (typeof resultsPublic !== 'boolean') return no('invalid_input', '/resultsPublic');
  const questions: Question[] = [];
  const seen = new Set<string>();
  for (const [i, q] of topical.entries()) {
    const at = `/topical/${i}`;
    const checked = checkTopical(q, at);
    if ('reason' in checked) return no(checked.reason, checked.field);
    if (seen.has(checked.id)) return no('duplicate_question_id', `${at}/id`);
    seen.add(checked.id);
    questions.push(checked);
  }
  return { ok: true, setup: { municipality, year, fixedVersion, topical: questions, threshold, resultsPublic } };
}

function checkTopical(q: unknown, at: string): Question | { reason: SetupRefusalReason; field: string } {
  if (!isObject(q)) return { reason: 'invalid_question', field: at };
  if (typeof q.id !== 'string' || !TOPICAL_ID.test(q.id)) return { reason: 'invalid_question', field: `${at}/id` };
  if (typeof q.kind !== 'string' || !(questionKinds as readonly string[]).includes(q.kind)) return { reason: 'invalid_question', field: `${at}/kind` };
  if (!isObject(q.text)) return { reason: 'invalid_question', field: `${at}/text` };
  if (!goodText(q.text.nl, SURVEY_LIMITS.questionText)) return { reason: typeof q.text.nl === 'string' && q.text.nl.length > SURVEY_LIMITS.questionText ? 'text_too_long' : 'invalid_question', field: `${at}/text/nl` };
  if (q.text.en !== undefined && q.text.en !== '' && !goodText(q.text.en, SURVEY_LIMITS.questionText)) return { reason: 'text_too_long', field: `${at}/text/en` };
  const text = { nl: q.text.nl.trim(), ...(typeof q.text.en === 'string' && q.text.en.trim() !== '' ? { en: q.text.en.trim() } : {}) };
  const kind = q.kind as Question['kind'];
  if (kind !== 'choice') {
    if (q.options !== undefined && !(Array.isArray(q.options) && q.options.length === 0)) return { reason: 'options_only_for_choice', field: `${at}/options` };
    return { id: q.id, kind, text };
  }
  if (!Array.isArray(q.options) || q.options.length < SURVEY_LIMITS.minOptions || q.options.length > SURVEY_LIMITS.maxOptions) return { reason: 'choice_needs_options', field: `${at}/options` };
  const options = [];
  const labels = new Set<string>();
  for (const [j, o] of q.options.entries()) {
    const label = isObject(o) && isObject(o.label) ? o.label.nl : undefined;
    if (!goodText(label, SURVEY_LIMITS.optionLabel)) return { reason: typeof label === 'string' && label.length > SURVEY_LIMITS.optionLabel ? 'text_too_long' : 'invalid_question', field: `${at}/options/${j}` };
    if (labels.has(label.trim())) return { reason: 'duplicate_question_id', field: `${at}/options/${j}` };
    labels.add(label.trim());
    // Option ids are the server's: o1, o2, … in the order given.
    options.push({ id: `o${j + 1}`, label: { nl: label.trim() } });
  }
  return { id: q.id, kind, text, options };
}

/** The questions of a year's survey in the order shown: the fixed ones, then the topical ones. */
export function surveyQuestions(setup: Pick<SurveySetup, 'fixedVersion' | 'topical'>): Question[] {
  return [...(fixedQuestionSet(setup.fixedVersion)?.questions ?? []), ...setup.topical];
}
