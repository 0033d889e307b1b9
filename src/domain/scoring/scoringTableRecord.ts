import type { AreaScoringTable } from './areaCertification';
import type { ProgrammeScoringTable } from './programmeChecklist';

/**
 * One stored version of a scoring table (issue 7): the coordinator's correction of the default table
 * or of an earlier correction. Versions are never changed or deleted; open years score with the
 * newest of their kind, frozen years keep the table they were frozen with.
 */
export type ScoringTableRecord =
  | (ScoringTableRecordBase & { kind: 'area'; table: AreaScoringTable })
  | (ScoringTableRecordBase & { kind: 'programme'; table: ProgrammeScoringTable });

interface ScoringTableRecordBase {
  /** `${municipality}/${kind}/${version}` (SPEC.md R32) */
  id: string;
  version: string;
  /** The version this one corrects. */
  basedOn: string;
  /** The parameter keys that changed (see tableCorrection.ts). */
  changed: string[];
  why: string;
  createdBy: string;
  createdAt: string;
  /** The municipality whose coordinator corrected it (SPEC.md R30); absent on versions from before. */
  municipality?: string;
}

export const scoringTableRecordId = (municipality: string, kind: 'area' | 'programme', version: string) => `${municipality}/${kind}/${version}`;
