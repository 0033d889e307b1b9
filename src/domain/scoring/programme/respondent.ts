import { z } from 'zod';
import { fromTenths, roundHalfUpDiv, toTenths, type Reading } from '../areaCertification';
import {
  scoreAnswer,
  scoreComputed,
  type ComputedInput,
  type ProgrammeQuestionScore,
  type ProgrammeRefusal,
  type ProgrammeWarning,
  type RespondentAnswers,
  type Scored,
} from './answers';
import { programmeQuestionMaxTenths, programmeScoringTableSchema, type ProgrammeScoringTable, type RespondentKey } from './table';

// One respondent's list scored on its own.

export interface RespondentScore {
  ok: true;
  tableVersion: string;
  questions: ProgrammeQuestionScore[];
  total: number;
  totalTenths: number;
  maxTotal: number;
  grade: number;
  passed: boolean;
  passGrade: number;
  warnings: { question: string; warning: ProgrammeWarning }[];
  /** Answer keys that are no question of this table (e.g. from an older table version). */
  ignored: string[];
  notes: Reading[];
}

/** The table, checked; a refusal when it is not a valid table. */
export function parseTable(table: ProgrammeScoringTable): ProgrammeScoringTable | ProgrammeRefusal {
  const parsed = programmeScoringTableSchema.safeParse(table);
  if (!parsed.success) return { ok: false, reason: 'invalid_table', message: z.prettifyError(parsed.error) };
  return parsed.data;
}

/** Every question of one list scored, or the first answer (or computed value) that cannot be scored. */
export function scoreList(
  tbl: ProgrammeScoringTable,
  answers: RespondentAnswers,
  computed: ComputedInput,
  respondent?: RespondentKey,
): ProgrammeQuestionScore[] | ProgrammeRefusal {
  const out: ProgrammeQuestionScore[] = [];
  for (const q of tbl.questions) {
    const given = answers[q.id];
    let scored: Scored;
    if (q.source === 'computed') {
      scored = scoreComputed(q, computed[q.id]);
      if (!scored.ok) return { ok: false, reason: 'invalid_computed', question: q.id, message: `${q.id}: ${scored.message}` };
      if (given !== undefined && given !== null && !scored.value.warning) scored.value.warning = 'answer_ignored';
    } else {
      scored = scoreAnswer(q, given);
      if (!scored.ok) {
        return { ok: false, reason: 'invalid_answer', question: q.id, respondent, message: `${q.id}: ${scored.message}` };
      }
    }
    const max = programmeQuestionMaxTenths(q);
    out.push({
      id: q.id,
      kind: q.kind,
      source: q.source,
      maxPoints: fromTenths(max),
      ...scored.value,
      points: fromTenths(scored.value.pointsTenths),
    });
  }
  return out;
}

/** One respondent's list, computed questions included (from `computed`), out of the table's maximum. */
export function scoreRespondent(
  table: ProgrammeScoringTable,
  answers: RespondentAnswers,
  computed: ComputedInput = {},
): RespondentScore | ProgrammeRefusal {
  const tbl = parseTable(table);
  if ('ok' in tbl) return tbl;
  const questions = scoreList(tbl, answers, computed);
  if (!Array.isArray(questions)) return questions;
  const totalTenths = questions.reduce((s, q) => s + q.pointsTenths, 0);
  const maxTenths = tbl.questions.reduce((s, q) => s + programmeQuestionMaxTenths(q), 0);
  const gradeTenths = roundHalfUpDiv(totalTenths * 100, maxTenths);
  const ids = new Set(tbl.questions.map((q) => q.id));
  return {
    ok: true,
    tableVersion: tbl.version,
    questions,
    totalTenths,
    total: fromTenths(totalTenths),
    maxTotal: fromTenths(maxTenths),
    grade: fromTenths(gradeTenths),
    passed: gradeTenths >= toTenths(tbl.passGrade),
    passGrade: tbl.passGrade,
    warnings: questions.flatMap((q) => (q.warning ? [{ question: q.id, warning: q.warning }] : [])),
    ignored: Object.keys(answers).filter((k) => !ids.has(k)),
    notes: tbl.readings,
  };
}
