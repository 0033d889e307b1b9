import type { FindingCountRow } from '../../domain/publicPage';

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
}
