/**
 * Trends of one area, year over year (issue 16, "Trends"): findings per theme, the share fixed on time,
 * the median days to fix, participation per measure, the certification grade, and (when a survey model
 * provides them) survey scores on the fixed questions.
 *
 * Readings where the issue is silent, pinned by tests/domain/trends.test.ts:
 * - A finding belongs to the year (Europe/Amsterdam) it was made in. Removed findings and duplicates
 *   count nowhere.
 * - Fixed means its status is fixed or verified now; it was fixed when it was last marked fixed
 *   (`lastFixedAt`), or, never marked fixed, when it was last marked verified.
 * - Fixed on time: fixed on or before the due date (the due date itself is still on time, as in
 *   overdue.ts). The share is of the findings with a due date whose outcome is known: fixed, or past
 *   their due date and still to be done. One still within its due date is not counted yet, nor one
 *   without a due date, nor a won't-fix (a decision, not a late fix).
 * - Days to fix: Amsterdam calendar days from the day it was made to the day it was fixed.
 * - Participation and grade of a year come from that year's frozen certification (the figures the
 *   score was made from); for a year not frozen, the caller may give the live figures (the register as
 *   it is now), marked as such. Other years have none: a register keeps no history.
 * - The whole municipality (`areaId: null`, the public municipality page): every area's findings;
 *   participation of a year is the sum of the counts of that year's frozen area records (n of N added
 *   up); there is no municipal grade, so the grade is null.
 */
import type { AreaCertificationRecord } from './certificationRecord';
import { defaultCategories, findCategory, type CategoryList } from './categories';
import { closedStatuses, type Finding, type FindingEvent } from './finding';
import { lastFixedAt } from './followupSummary';
import { amsterdamDate } from './overdue';
import { participationFigure, wholePercent, type Measure, type ParticipationFigure } from './participation';
import { shopFlagKeys } from './shop';
import { fixedQuestionSets } from './survey/fixedQuestions';
import type { LocalText } from './survey/question';
import type { GroupResult } from './survey/results';

/** At most this many years are shown: a small chart stays readable. */
export const MAX_TREND_YEARS = 10;

export type TrendRefusal = 'no_years' | 'too_many_years' | 'years_not_ascending';

export type TrendFinding = Pick<Finding, 'id' | 'areaId' | 'categoryCode' | 'createdAt' | 'dueDate' | 'status' | 'removed'>;
export type TrendEvent = Pick<FindingEvent, 'findingId' | 'kind' | 'after' | 'at'>;
export type TrendCertification = Pick<AreaCertificationRecord, 'areaId' | 'year' | 'frozen'>;

/** Survey scores of one year on the fixed questions: mean per question (1-5 scale) and the answer count. */
export interface SurveyYearScores {
  answers: number;
  /** Fixed question id → mean score, one decimal; only questions with answers. */
  means: Record<string, number>;
}

export interface TrendInput {
  /** The area, or null for every area of the municipality (the caller passes only its records). */
  areaId: string | null;
  /** The years to show, ascending. `trendYears` picks them from the data. */
  years: readonly number[];
  findings: readonly TrendFinding[];
  /** History events of those findings (only status changes are read). */
  events: readonly TrendEvent[];
  certifications: readonly TrendCertification[];
  /** Figures of the register as it is now, for `year` when it has no frozen certification. */
  live?: { year: number; participation: Partial<Record<Measure, { taking: number; open: number }>>; grade: number | null; certified: boolean | null };
  /**
   * Extension point for the survey (issue 16): the scores of a year on the fixed questions, from
   * whatever model holds the answers; absent, every year's `survey` is null.
   */
  surveyScores?: (year: number) => SurveyYearScores | null;
  /** Today, for "past its due date". */
  now: Date;
  categories?: CategoryList;
}

export interface AreaYearTrend {
  year: number;
  findings: number;
  /** Theme code → findings of that theme made this year; every theme of the list, zeros included. */
  byTheme: Record<string, number>;
  /** Fixed on or before the due date, of the findings with a due date whose outcome is known. */
  onTime: { fixedOnTime: number; decided: number; percent: number | null };
  fixed: number;
  /** Median of the days to fix of the fixed findings, one decimal; null when none was fixed. */
  medianDaysToFix: number | null;
  participation: Partial<Record<Measure, ParticipationFigure>> | null;
  grade: number | null;
  certified: boolean | null;
  /** Where participation and grade come from: the year's frozen certification, the live register, or nowhere. */
  source: 'frozen' | 'live' | null;
  survey: SurveyYearScores | null;
}

export type TrendResult = { ok: true; themes: string[]; years: AreaYearTrend[] } | { ok: false; reason: TrendRefusal };

const yearOf = (instant: string): number => Number(amsterdamDate(new Date(instant)).slice(0, 4));

/** Whole days between two 'YYYY-MM-DD' days (UTC midnight of each: no daylight-saving drift). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** When each finding was fixed: last marked fixed, or (never marked fixed) last marked verified. */
function fixedDays(events: readonly TrendEvent[]): Map<string, string> {
  const fixed = lastFixedAt(events as FindingEvent[]);
  const verified = new Map<string, string>();
  for (const e of events) {
    if (e.kind !== 'status_changed' || e.after !== 'verified') continue;
    const seen = verified.get(e.findingId);
    if (!seen || e.at > seen) verified.set(e.findingId, e.at);
  }
  const out = new Map<string, string>();
  for (const [id, at] of verified) out.set(id, amsterdamDate(new Date(at)));
  for (const [id, at] of fixed) out.set(id, amsterdamDate(new Date(at)));
  return out;
}

/**
 * The years to show for an area: from the first year with a finding or a certification to the current
 * year, at most the last MAX_TREND_YEARS.
 */
export function trendYears(
  areaId: string | null,
  findings: readonly Pick<TrendFinding, 'areaId' | 'createdAt' | 'removed'>[],
  certifications: readonly Pick<TrendCertification, 'areaId' | 'year'>[],
  now: Date,
): number[] {
  const current = yearOf(now.toISOString());
  let first = current;
  const ours = (id: string | null) => id !== null && (areaId === null || id === areaId);
  for (const f of findings) if (ours(f.areaId) && !f.removed) first = Math.min(first, yearOf(f.createdAt));
  for (const c of certifications) if (ours(c.areaId)) first = Math.min(first, c.year);
  first = Math.max(first, current - MAX_TREND_YEARS + 1);
  return Array.from({ length: current - first + 1 }, (_, i) => first + i);
}

export function areaTrends(input: TrendInput): TrendResult {
  const { years } = input;
  if (years.length === 0) return { ok: false, reason: 'no_years' };
  if (years.length > MAX_TREND_YEARS) return { ok: false, reason: 'too_many_years' };
  for (let i = 1; i < years.length; i++) if (years[i]! <= years[i - 1]!) return { ok: false, reason: 'years_not_ascending' };

  const list = input.categories ?? defaultCategories;
  const themes = list.map((t) => t.code);
  const today = amsterdamDate(input.now);
  const fixedOn = fixedDays(input.events);
  const rows = new Map<number, { byTheme: Record<string, number>; findings: number; onTime: number; decided: number; days: number[] }>();
  for (const y of years) rows.set(y, { byTheme: Object.fromEntries(themes.map((t) => [t, 0])), findings: 0, onTime: 0, decided: 0, days: [] });

  for (const f of input.findings) {
    if (f.areaId === null || (input.areaId !== null && f.areaId !== input.areaId) || f.removed || f.status === 'duplicate') continue;
    const row = rows.get(yearOf(f.createdAt));
    if (!row) continue;
    row.findings++;
    const theme = findCategory(f.categoryCode, list)?.theme.code;
    if (theme !== undefined) row.byTheme[theme] = (row.byTheme[theme] ?? 0) + 1;
    const isFixed = f.status === 'fixed' || f.status === 'verified';
    const fixedDay = isFixed ? fixedOn.get(f.id) : undefined;
    if (fixedDay !== undefined) row.days.push(Math.max(0, daysBetween(amsterdamDate(new Date(f.createdAt)), fixedDay)));
    if (f.dueDate !== null) {
      if (fixedDay !== undefined) {
        row.decided++;
        if (fixedDay <= f.dueDate) row.onTime++;
      } else if (!closedStatuses.includes(f.status) && f.dueDate < today) {
        // Past its due date and still to be done: late. Won't-fix is a decision, not a late fix.
        row.decided++;
      }
    }
  }

  const frozen = input.areaId === null ? summedFrozen(input.certifications) : new Map<number, FrozenFigures>();
  if (input.areaId !== null) for (const c of input.certifications) if (c.areaId === input.areaId && c.frozen) frozen.set(c.year, c.frozen);

  const out: AreaYearTrend[] = years.map((year) => {
    const r = rows.get(year)!;
    const cert = frozen.get(year);
    const live = !cert && input.live?.year === year ? input.live : undefined;
    const counts = cert ? cert.participation : live?.participation;
    const participation = counts ? figures(counts) : null;
    return {
      year,
      findings: r.findings,
      byTheme: r.byTheme,
      onTime: { fixedOnTime: r.onTime, decided: r.decided, percent: r.decided > 0 ? wholePercent(r.onTime, r.decided) : null },
      fixed: r.days.length,
      medianDaysToFix: median(r.days),
      participation,
      grade: cert ? cert.score.grade : (live?.grade ?? null),
      certified: cert ? cert.score.certified : (live?.certified ?? null),
      source: cert ? 'frozen' : live ? 'live' : null,
      survey: input.surveyScores?.(year) ?? null,
    };
  });
  return { ok: true, themes, years: out };
}

type FrozenFigures = { participation: Partial<Record<Measure, { taking: number; open: number }>>; score: { grade: number | null; certified: boolean | null } };

/** Per year, the participation counts of every frozen area record added up; no grade (there is no municipal one). */
function summedFrozen(certifications: readonly TrendCertification[]): Map<number, FrozenFigures> {
  const out = new Map<number, FrozenFigures>();
  for (const c of certifications) {
    if (!c.frozen) continue;
    const row: FrozenFigures = out.get(c.year) ?? { participation: {}, score: { grade: null, certified: null } };
    for (const m of shopFlagKeys) {
      const f = c.frozen.participation[m];
      if (!f) continue;
      const sum = row.participation[m] ?? { taking: 0, open: 0 };
      row.participation[m] = { taking: sum.taking + f.taking, open: sum.open + f.open };
    }
    out.set(c.year, row);
  }
  return out;
}

function figures(counts: Partial<Record<Measure, { taking: number; open: number }>>): Partial<Record<Measure, ParticipationFigure>> {
  const out: Partial<Record<Measure, ParticipationFigure>> = {};
  for (const m of shopFlagKeys) {
    const c = counts[m];
    if (c) out[m] = participationFigure(c.taking, c.open);
  }
  return out;
}

/**
 * The fixed scale questions (1-5) of every version of the survey's fixed set, by id: the questions whose
 * scores compare from year to year (a new version keeps the id of a question whose meaning stayed).
 */
export function fixedScaleQuestions(): Map<string, LocalText> {
  const out = new Map<string, LocalText>();
  for (const set of fixedQuestionSets) for (const q of set.questions) if (q.kind === 'scale' && !out.has(q.id)) out.set(q.id, q.text);
  return out;
}

/**
 * One year's survey scores of an area from the survey's results (src/domain/survey/results.ts): the
 * mean of each fixed scale question that has answers. Null without a survey or without answers.
 */
export function surveyYearScores(group: Pick<GroupResult, 'answers' | 'questions'> | null | undefined, fixed: ReadonlyMap<string, unknown> = fixedScaleQuestions()): SurveyYearScores | null {
  if (!group || group.answers === 0) return null;
  const means: Record<string, number> = {};
  for (const q of group.questions) if (q.kind === 'scale' && fixed.has(q.id) && typeof q.mean === 'number') means[q.id] = q.mean;
  return { answers: group.answers, means };
}

