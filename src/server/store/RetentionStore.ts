import type { RetentionPolicy } from '../../domain/retention';

/** What one run of the retention job did in one municipality (migration 011). */
export interface RetentionRun {
  municipality: string;
  ranAt: string;
  /** Findings whose free text and photos were removed. */
  findings: number;
  /** History events whose notes or photo references were removed. */
  events: number;
  /** Photos deleted (no record references them any more). */
  photos: number;
  /** Walks whose notes were removed. */
  inspections: number;
  /** Certification records whose evaluations were removed. */
  certifications: number;
  /** Worries (checked records and decided submissions) whose text and photo were removed. */
  worries: number;
}

export interface RetentionOutcome {
  run: RetentionRun;
  /** Photos removed from the database: the caller deletes their bytes (after the commit). */
  removedPhotos: string[];
}

/** Retention policies, the anonymising job's database work and its record of runs. */
export interface RetentionStore {
  /** The municipality's policy, or the defaults when the coordinator never set one. */
  getPolicy(municipality: string): Promise<RetentionPolicy>;
  setPolicy(municipality: string, policy: RetentionPolicy, by: string): Promise<RetentionPolicy>;
  /** The latest runs, newest first. */
  listRuns(municipality: string, limit: number): Promise<RetentionRun[]>;
  /**
   * Anonymise what has expired at `now` in one transaction: free text and photo references of closed
   * findings and their events, walk notes, certification evaluations; each changed row gets a new
   * revision, so devices pull the anonymised state. Skipped (null) while another process runs the job
   * (advisory lock) or when this municipality had a run less than `minGapMs` before `now`.
   */
  anonymiseExpired(municipality: string, now: Date, options?: { minGapMs?: number }): Promise<RetentionOutcome | null>;
}
