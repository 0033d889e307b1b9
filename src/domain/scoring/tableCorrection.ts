import { z } from 'zod';
import { areaScoringTableSchema, type AreaScoringTable, type Reading } from './areaCertification';
import { programmeScoringTableSchema, type ProgrammeScoringTable } from './programmeChecklist';

/**
 * Correcting a scoring table (issue 7): the coordinator changes the numbers behind the readings of
 * gaps in the source (q9/q19 thresholds and points, q5 per-tens factor and maximum, q10/q11 points per
 * item, q12/q15 yes points, ...). A correction never edits a table in place: it makes a NEW table
 * with the next version id, validated by the table's own zod schema, and says why.
 *
 * A parameter is named `<question>.<field>` (e.g. `q5.pointsPerTen`, `q9.bands.1.from`,
 * `q12.points.yes`); `passGrade` is the pass grade.
 */

export type TableKind = 'area' | 'programme';
export type ScoringTable = AreaScoringTable | ProgrammeScoringTable;
export type Changes = Record<string, number>;

export interface EditableParam {
  key: string;
  question: string | null;
  field: string;
  value: number;
}

export type ParamProblem = 'not_a_number' | 'negative' | 'one_decimal' | 'whole_number' | 'too_big' | 'bands_not_rising' | 'first_band_zero' | 'invalid';

export type CorrectionRefusal = {
  ok: false;
  reason: 'no_why' | 'no_change' | 'unknown_param' | 'invalid_table';
  /** Per parameter key: what is wrong with it ('' for the table as a whole). */
  problems: Record<string, ParamProblem>;
  message: string;
};
export type CorrectionResult<T extends ScoringTable> = { ok: true; table: T; changed: string[] } | CorrectionRefusal;

/** The parameters of the questions a reading of the source is about, every counting rule, and the pass grade. */
export function editableParams(table: ScoringTable): EditableParam[] {
  const concerned = new Set(table.readings.flatMap((r) => r.questions));
  const out: EditableParam[] = [{ key: 'passGrade', question: null, field: 'passGrade', value: table.passGrade }];
  for (const q of table.questions) {
    // Counting rules (thresholds, per ten, per item) are readings of the source too, e.g. q19's bands.
    if (!concerned.has(q.id) && !q.kind.startsWith('count_')) continue;
    const add = (field: string, value: number) => out.push({ key: `${q.id}.${field}`, question: q.id, field, value });
    if ('points' in q) {
      add('points.yes', q.points.yes);
      add('points.no', q.points.no);
    }
    if ('partlyMaxPoints' in q) add('partlyMaxPoints', q.partlyMaxPoints);
    if ('pointsPerTen' in q) add('pointsPerTen', q.pointsPerTen);
    if ('pointsPerItem' in q) add('pointsPerItem', q.pointsPerItem);
    if ('bands' in q) q.bands.forEach((b, i) => (add(`bands.${i}.from`, b.from), add(`bands.${i}.points`, b.points)));
    if ('maxPoints' in q) add('maxPoints', q.maxPoints);
  }
  return out;
}

/** The version after `current`: its last number plus one (`2021.1` → `2021.2`, `x` → `x-2`), never one already taken. */
export function nextVersion(current: string, taken: readonly string[] = []): string {
  const m = /^(.*?)(\d+)$/.exec(current);
  let prefix = m ? m[1]! : `${current}-`;
  let n = m ? Number(m[2]) + 1 : 2;
  if (!prefix) prefix = '';
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function problemOf(key: string, value: number): ParamProblem | null {
  if (!Number.isFinite(value)) return 'not_a_number';
  if (value < 0) return 'negative';
  if (key.endsWith('.from')) return Number.isInteger(value) ? null : 'whole_number';
  if (Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) return 'one_decimal';
  if (key === 'passGrade' && value > 10) return 'too_big';
  if (value > 1000) return 'too_big';
  return null;
}

function setPath(target: Record<string, unknown>, path: string[], value: number): void {
  let o: Record<string, unknown> = target;
  for (const p of path.slice(0, -1)) o = o[p] as Record<string, unknown>;
  o[path[path.length - 1]!] = value;
}

function issueKey(table: ScoringTable, path: readonly PropertyKey[]): string {
  if (path[0] === 'passGrade') return 'passGrade';
  if (path[0] === 'questions' && typeof path[1] === 'number') {
    const q = table.questions[path[1]];
    if (q) return [q.id, ...path.slice(2).map(String)].join('.');
  }
  return '';
}

/**
 * Applies `changes` to `table`: a new table with version `version`, the changed numbers and a reading
 * naming the correction and why (shown next to every score made with it), or a refusal with a reason
 * code and, per parameter, what is wrong. Only the parameters of `editableParams` can be changed.
 */
export function applyCorrection<T extends ScoringTable>(
  kind: TableKind,
  table: T,
  input: { changes: Changes; why: string; version: string },
): CorrectionResult<T> {
  const refuse = (reason: CorrectionRefusal['reason'], problems: Record<string, ParamProblem>, message: string): CorrectionRefusal => ({
    ok: false,
    reason,
    problems,
    message,
  });
  const allowed = new Map(editableParams(table).map((p) => [p.key, p]));
  const unknown = Object.keys(input.changes).filter((k) => !allowed.has(k));
  if (unknown.length > 0) return refuse('unknown_param', Object.fromEntries(unknown.map((k) => [k, 'invalid' as const])), `unknown: ${unknown.join(', ')}`);
  const problems: Record<string, ParamProblem> = {};
  for (const [k, v] of Object.entries(input.changes)) {
    const p = problemOf(k, v);
    if (p) problems[k] = p;
  }
  if (Object.keys(problems).length > 0) return refuse('invalid_table', problems, 'some numbers are not valid');
  const changed = Object.keys(input.changes).filter((k) => allowed.get(k)!.value !== input.changes[k]);
  if (changed.length === 0) return refuse('no_change', {}, 'nothing changed');
  if (input.why.trim().length === 0) return refuse('no_why', { why: 'invalid' } as Record<string, ParamProblem>, 'say why');

  const next = structuredClone(table) as T;
  for (const key of changed) {
    const param = allowed.get(key)!;
    if (param.question === null) {
      next.passGrade = input.changes[key]!;
      continue;
    }
    const q = next.questions.find((x) => x.id === param.question)!;
    setPath(q as unknown as Record<string, unknown>, param.field.split('.'), input.changes[key]!);
  }
  // Bands must start at 0 and go up (checked here so the refusal names the field).
  for (const q of next.questions) {
    if (!('bands' in q)) continue;
    if (q.bands[0]?.from !== 0) problems[`${q.id}.bands.0.from`] = 'first_band_zero';
    for (let i = 1; i < q.bands.length; i++) {
      if (q.bands[i]!.from <= q.bands[i - 1]!.from) problems[`${q.id}.bands.${i}.from`] = 'bands_not_rising';
    }
  }
  if (Object.keys(problems).length > 0) return refuse('invalid_table', problems, 'bands must start at 0 and go up');

  const questions = [...new Set(changed.map((k) => allowed.get(k)!.question).filter((q): q is string => q !== null))];
  const reading: Reading = {
    id: `correction_${input.version}`,
    // A pass-grade-only correction concerns no question; the area schema wants at least one entry.
    questions: questions.length > 0 ? questions : ['passGrade'],
    nl: `Correctie ${input.version} (${questions.join(', ') || 'cijfergrens'}): ${input.why.trim()}`,
    en: `Correction ${input.version} (${questions.join(', ') || 'pass grade'}): ${input.why.trim()}`,
  };
  next.version = input.version;
  next.readings = [...next.readings, reading];

  const schema: z.ZodType = kind === 'area' ? areaScoringTableSchema : programmeScoringTableSchema;
  const parsed = schema.safeParse(next);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issueKey(next, issue.path);
      problems[key] = issue.code === 'too_small' ? 'negative' : issue.code === 'too_big' ? 'too_big' : 'invalid';
    }
    return refuse('invalid_table', problems, z.prettifyError(parsed.error));
  }
  return { ok: true, table: parsed.data as T, changed };
}
