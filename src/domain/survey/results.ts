/**
 * Survey results: counts and distributions per question, per area and for the municipality. Free text
 * only for the coordinator; the public figures of a group exist only from the threshold (at least 5
 * answers), so no shop can be recognised (SPEC.md R46). Pure.
 */
import { SCALE_MAX, SCALE_MIN, SURVEY_LIMITS, type Answers, type LocalText, type Question } from './question';

export interface StoredAnswerSet {
  /** The area the shop lay in when it answered; null: outside every area. */
  areaId: string | null;
  answers: Answers;
}

export interface QuestionResult {
  id: string;
  kind: Question['kind'];
  text: LocalText;
  /** How many answered this question. */
  answered: number;
  /** Answer key (yes/no, 1…5, option id) → count; empty for text questions. */
  counts: Record<string, number>;
  /** Option labels of a choice question, in order. */
  options?: { id: string; label: LocalText }[];
  /** Scale questions: the mean, one decimal; null without answers. */
  mean?: number | null;
  /** Text questions, coordinator only: the answers. */
  texts?: string[];
}

export interface GroupResult {
  /** Answer sets counted. */
  answers: number;
  questions: QuestionResult[];
}

/** Aggregates `sets` over `questions`; `withText` adds the free-text answers (the coordinator's view). */
export function aggregate(questions: readonly Question[], sets: readonly StoredAnswerSet[], withText: boolean): GroupResult {
  return {
    answers: sets.length,
    questions: questions.map((q) => {
      const counts: Record<string, number> = {};
      const keys = q.kind === 'yesNo' ? ['yes', 'no'] : q.kind === 'scale' ? range(SCALE_MIN, SCALE_MAX).map(String) : q.kind === 'choice' ? (q.options ?? []).map((o) => o.id) : [];
      for (const k of keys) counts[k] = 0;
      let answered = 0;
      let sum = 0;
      const texts: string[] = [];
      for (const s of sets) {
        const v = Object.hasOwn(s.answers, q.id) ? s.answers[q.id] : undefined;
        if (v === undefined) continue;
        if (q.kind === 'text') {
          if (typeof v === 'string') {
            answered++;
            texts.push(v);
          }
          continue;
        }
        const key = q.kind === 'yesNo' ? (v === true ? 'yes' : v === false ? 'no' : null) : String(v);
        if (key === null || !(key in counts)) continue; // an answer to an older form of the question is not counted
        counts[key]!++;
        answered++;
        if (q.kind === 'scale') sum += Number(v);
      }
      const result: QuestionResult = { id: q.id, kind: q.kind, text: q.text, answered, counts };
      if (q.options) result.options = q.options.map((o) => ({ id: o.id, label: o.label }));
      if (q.kind === 'scale') result.mean = answered === 0 ? null : Math.round((sum / answered) * 10) / 10;
      if (q.kind === 'text' && withText) result.texts = texts;
      return result;
    }),
  };
}

export interface SurveyResults {
  municipality: GroupResult;
  /** Per area id; shops outside every area count only in the municipality. */
  areas: Record<string, GroupResult>;
}

/** The coordinator's results: everything, free text included. */
export function coordinatorResults(questions: readonly Question[], sets: readonly StoredAnswerSet[]): SurveyResults {
  const byArea = new Map<string, StoredAnswerSet[]>();
  for (const s of sets) if (s.areaId !== null) byArea.set(s.areaId, [...(byArea.get(s.areaId) ?? []), s]);
  const areas: Record<string, GroupResult> = {};
  for (const [id, group] of [...byArea].sort(([a], [b]) => (a < b ? -1 : 1))) areas[id] = aggregate(questions, group, true);
  return { municipality: aggregate(questions, sets, true), areas };
}

/** What the public may see of one group (an area or the municipality). */
export type PublicGroupResult = { shown: true; threshold: number; result: GroupResult } | { shown: false; threshold: number; reason: 'below_threshold' | 'not_public' | 'no_survey' };

/**
 * The public view of one group: nothing below the threshold (not even the count), never free text.
 * A threshold under the minimum is raised to it, whatever was stored.
 */
export function publicGroupResult(questions: readonly Question[], sets: readonly StoredAnswerSet[], threshold: number, resultsPublic: boolean): PublicGroupResult {
  const t = Math.max(SURVEY_LIMITS.minThreshold, Number.isFinite(threshold) ? Math.floor(threshold) : SURVEY_LIMITS.minThreshold);
  if (!resultsPublic) return { shown: false, threshold: t, reason: 'not_public' };
  if (sets.length < t) return { shown: false, threshold: t, reason: 'below_threshold' };
  const result = aggregate(
    questions.filter((q) => q.kind !== 'text'),
    sets,
    false,
  );
  return { shown: true, threshold: t, result };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
