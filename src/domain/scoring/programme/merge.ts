import { fromTenths, roundHalfUpDiv, toTenths, type Reading } from '../areaCertification';
import type { ComputedInput, ProgrammeQuestionScore, ProgrammeRefusal, ProgrammeWarning, RespondentAnswers } from './answers';
import { parseTable, scoreList } from './respondent';
import { programmeQuestionMaxTenths, respondentKeys, type ProgrammeQuestion, type ProgrammeScoringTable, type RespondentKey } from './table';

// The four respondents' lists merged into one: per question the mean of the present respondents.

export type Respondents = Partial<Record<RespondentKey, RespondentAnswers | null>>;

export interface MergedQuestionScore {
  id: string;
  kind: ProgrammeQuestion['kind'];
  source: 'respondent' | 'computed';
  /** Mean over the present respondents (or the computed value), one decimal, for display. */
  points: number;
  maxPoints: number;
  /** Each present respondent's points (respondent questions only). */
  perRespondent: Partial<Record<RespondentKey, number>>;
  figure?: ProgrammeQuestionScore['figure'];
  count?: number;
  warnings: { respondent?: RespondentKey; warning: ProgrammeWarning }[];
}

export interface ProgrammeScore {
  ok: true;
  tableVersion: string;
  /** Respondents whose list was given, in the fixed order. */
  present: RespondentKey[];
  /** Respondents left out of every mean. */
  missing: RespondentKey[];
  questions: MergedQuestionScore[];
  /** Exact total rounded half up to one decimal (not the sum of the rounded per-question means). */
  total: number;
  maxTotal: number;
  /** Exact total ÷ maximum × 10, rounded half up to one decimal (default table: total ÷ 20). */
  grade: number;
  passed: boolean;
  passGrade: number;
  /** The table's readings, plus one about missing respondents when some are missing. */
  notes: Reading[];
}

export function mergeRespondents(
  table: ProgrammeScoringTable,
  respondents: Respondents,
  computed: ComputedInput = {},
): ProgrammeScore | ProgrammeRefusal {
  const tbl = parseTable(table);
  if ('ok' in tbl) return tbl;
  const present = respondentKeys.filter((k) => respondents[k] !== undefined && respondents[k] !== null);
  const missing = respondentKeys.filter((k) => !present.includes(k));
  if (present.length === 0) {
    return { ok: false, reason: 'no_respondents', message: 'no respondent filled the checklist' };
  }
  const n = present.length;

  const lists = new Map<RespondentKey, ProgrammeQuestionScore[]>();
  for (const r of present) {
    const list = scoreList(tbl, respondents[r] ?? {}, computed, r);
    if (!Array.isArray(list)) return list;
    lists.set(r, list);
  }

  // Exact total as a fraction over n: respondent questions add their sum over respondents, computed
  // questions add their value × n.
  let numerator = 0;
  const questions: MergedQuestionScore[] = tbl.questions.map((q, i) => {
    const max = programmeQuestionMaxTenths(q);
    const base = { id: q.id, kind: q.kind, source: q.source, maxPoints: fromTenths(max) };
    if (q.source === 'computed') {
      const first = lists.get(present[0]!)![i]!;
      numerator += first.pointsTenths * n;
      const warnings: MergedQuestionScore['warnings'] = [];
      if (first.warning && first.warning !== 'answer_ignored') warnings.push({ warning: first.warning });
      for (const r of present) {
        if (lists.get(r)![i]!.warning === 'answer_ignored') warnings.push({ respondent: r, warning: 'answer_ignored' });
      }
      return {
        ...base,
        points: first.points,
        perRespondent: {},
        ...(first.figure ? { figure: first.figure } : {}),
        ...(first.count !== undefined ? { count: first.count } : {}),
        warnings,
      };
    }
    let sum = 0;
    const perRespondent: Partial<Record<RespondentKey, number>> = {};
    const warnings: MergedQuestionScore['warnings'] = [];
    for (const r of present) {
      const s = lists.get(r)![i]!;
      sum += s.pointsTenths;
      perRespondent[r] = s.points;
      if (s.warning) warnings.push({ respondent: r, warning: s.warning });
    }
    numerator += sum;
    return { ...base, points: fromTenths(roundHalfUpDiv(sum, n)), perRespondent, warnings };
  });

  const maxTenths = tbl.questions.reduce((s, q) => s + programmeQuestionMaxTenths(q), 0);
  const gradeTenths = roundHalfUpDiv(numerator * 100, n * maxTenths);
  const notes = [...tbl.readings];
  if (missing.length > 0) notes.push(missingRespondentsNote(missing, n));
  return {
    ok: true,
    tableVersion: tbl.version,
    present,
    missing,
    questions,
    total: fromTenths(roundHalfUpDiv(numerator, n)),
    maxTotal: fromTenths(maxTenths),
    grade: fromTenths(gradeTenths),
    passed: gradeTenths >= toTenths(tbl.passGrade),
    passGrade: tbl.passGrade,
    notes,
  };
}

const respondentNames: Record<RespondentKey, { nl: string; en: string }> = {
  municipality: { nl: 'gemeente', en: 'municipality' },
  police: { nl: 'politie', en: 'police' },
  fireBrigade: { nl: 'brandweer', en: 'fire brigade' },
  shops: { nl: 'ondernemers', en: 'shops' },
};

function missingRespondentsNote(missing: RespondentKey[], n: number): Reading {
  const nl = missing.map((k) => respondentNames[k].nl).join(', ');
  const en = missing.map((k) => respondentNames[k].en).join(', ');
  return {
    id: 'missing_respondents',
    questions: [],
    nl: `Geen lijst van: ${nl}. Die tellen niet mee; elk gemiddelde is over ${n} invuller${n === 1 ? '' : 's'}.`,
    en: `No list from: ${en}. They are left out; every mean is over ${n} respondent${n === 1 ? '' : 's'}.`,
  };
}
