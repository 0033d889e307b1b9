/**
 * The public page per area and per municipality (issue 16): what the shopkeepers and anyone else may
 * read once the coordinator made the pages public. Counts and grades only: never a finding's point,
 * photo, text or who found it (R49). Pure, so the server builds it and the tests table-drive it.
 */
import { findingOwners, type FindingStatus } from './finding';
import { themeOf } from './categories';

/** One row of findings, as counted on the server (never a point or a text). */
export interface FindingCountRow {
  areaId: string;
  categoryCode: string;
  status: FindingStatus;
  owner: string | null;
  /** Year the finding was made (Europe/Amsterdam). */
  year: number;
  count: number;
}

/** The owner kinds a public page names; an organisation the coordinator added counts as "other". */
export type OwnerType = (typeof findingOwners)[number];
export const ownerTypeOf = (owner: string | null): OwnerType | 'none' =>
  owner === null ? 'none' : (findingOwners as readonly string[]).includes(owner) ? (owner as OwnerType) : 'other';

const fixedStatuses: readonly FindingStatus[] = ['fixed', 'verified'];

export interface ThemeCounts {
  /** Findings of the year's schouw per theme. */
  found: Record<string, number>;
  /** Of those, fixed (fixed or verified) per theme and owner type. */
  fixed: Record<string, Partial<Record<OwnerType | 'none', number>>>;
  totalFound: number;
  totalFixed: number;
}

/** Counts of one area (or all areas when `areaId` is null) for `year`. */
export function themeCounts(rows: readonly FindingCountRow[], year: number, areaId: string | null): ThemeCounts {
  const out: ThemeCounts = { found: {}, fixed: {}, totalFound: 0, totalFixed: 0 };
  for (const r of rows) {
    if (r.year !== year || (areaId !== null && r.areaId !== areaId)) continue;
    const theme = themeOf(r.categoryCode)?.code ?? 'other';
    out.found[theme] = (out.found[theme] ?? 0) + r.count;
    out.totalFound += r.count;
    if (fixedStatuses.includes(r.status)) {
      const owner = ownerTypeOf(r.owner);
      const perOwner = (out.fixed[theme] ??= {});
      perOwner[owner] = (perOwner[owner] ?? 0) + r.count;
      out.totalFixed += r.count;
    }
  }
  return out;
}

export interface GradeChange {
  year: number;
  grade: number | null;
  lastYearGrade: number | null;
}

/** What changed since last year, as numbers: findings, fixed findings, grade. */
export interface YearChange {
  foundThisYear: number;
  foundLastYear: number;
  fixedThisYear: number;
  fixedLastYear: number;
  gradeThisYear: number | null;
  gradeLastYear: number | null;
}

export function yearChange(rows: readonly FindingCountRow[], year: number, areaId: string | null, grades: { thisYear: number | null; lastYear: number | null }): YearChange {
  const now = themeCounts(rows, year, areaId);
  const before = themeCounts(rows, year - 1, areaId);
  return {
    foundThisYear: now.totalFound,
    foundLastYear: before.totalFound,
    fixedThisYear: now.totalFixed,
    fixedLastYear: before.totalFixed,
    gradeThisYear: grades.thisYear,
    gradeLastYear: grades.lastYear,
  };
}

/** A KVO certificate is valid three years (seed 002), from the day the area's score was frozen. */
export const CERTIFICATE_YEARS = 3;
export const PASS_GRADE = 6;

/** `from` and `until` (inclusive) as calendar days, from the freeze instant (in Europe/Amsterdam). */
export function certificateValidity(frozenAt: string): { from: string; until: string } | null {
  const at = new Date(frozenAt);
  if (Number.isNaN(at.getTime())) return null;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // The day before the same date three years on (29 February maps to 28 February).
  const end = new Date(Date.UTC(y + CERTIFICATE_YEARS, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return { from: day, until: end.toISOString().slice(0, 10) };
}
