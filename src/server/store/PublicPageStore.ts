import type { FindingCountRow } from '../../domain/publicPage';
import type { TrendCertification, TrendEvent, TrendFinding } from '../../domain/trends';

/** What the public trends read (issue 16): a finding's dates, status and category, never its point or text. */
export interface TrendRecords {
  findings: TrendFinding[];
  /** Status changes of those findings (who made them is not read). */
  events: TrendEvent[];
  /** Frozen area certifications: the participation counts and the score they were made from. */
  certifications: TrendCertification[];
}

export interface FrozenGrade {
  areaId: string;
  year: number;
  grade: number;
  certified: boolean;
  frozenAt: string;
}

/**
 * What the public pages read (migration 075, R49): counts of findings and frozen grades, never a
 * finding's point, text or photo; and whether the coordinator made the pages public.
 */
export interface PublicPageStore {
  isPublic(municipality: string): Promise<boolean>;
  setPublic(municipality: string, value: boolean, by: string): Promise<void>;
  /** Findings that are not removed, counted per area, category, status, owner and year made. */
  findingCounts(municipality: string): Promise<FindingCountRow[]>;
  /** The frozen per-area certification records of the municipality (grades only). */
  frozenGrades(municipality: string): Promise<FrozenGrade[]>;
  /** The municipality's findings (not removed, with an area), their status changes and frozen certifications, for the trends. */
  trendRecords(municipality: string): Promise<TrendRecords>;
}
