import type { AreaGeometry } from './geojson';
import { z } from 'zod';
import type { AreaScore, AreaScoringTable } from './scoring/areaCertification';
import {
  respondentKeySchema,
  type ComputedInput,
  type ProgrammeFacts,
  type ProgrammeScore,
  type ProgrammeScoringTable,
  type RespondentAnswers,
  type RespondentKey,
} from './scoring/programmeChecklist';
import type { ShopFlagKey } from './shop';
import { inMunicipality } from './certificationIds';

export { inMunicipality, isPreR32Id } from './certificationIds';

/**
 * The certification records (DOMAIN.md "Records": per year and per area the answers and the score,
 * frozen with the figures they were computed from; per year for the programme, each respondent's list).
 *
 * A frozen record keeps everything a score was made from (answers, counts n of N, the table itself and
 * its version, the area ids), so a later change in the register or the table never changes it.
 */

export const certificationYearSchema = z.number().int().min(2000).max(2100);

export const areaAnswersSchema = z.record(z.string().regex(/^q[0-9]+$/), z.boolean().nullable());

export interface FrozenAreaCertification {
  at: string;
  tableVersion: string;
  table: AreaScoringTable;
  answers: Record<string, boolean | null>;
  /** Per measure: open shops taking part (n) of open shops (N) in the area when frozen. */
  participation: Partial<Record<ShopFlagKey, { taking: number; open: number }>>;
  /** The area(s) the figures were counted in. */
  areaIds: string[];
  /**
   * The area's shape as it was when the shops were counted: the area version the figures came from,
   * kept whole so a later redraw or restore never leaves a past score without its shape.
   */
  areaGeometry?: AreaGeometry;
  /** The shops counted (open and closed), for a later audit. */
  shopIds: string[];
  score: AreaScore;
}

export interface AreaCertificationRecord {
  /** `${municipality}/${areaId}/${year}` (SPEC.md R32) */
  id: string;
  municipality: string;
  areaId: string;
  year: number;
  answers: Record<string, boolean | null>;
  frozen?: FrozenAreaCertification;
  updatedAt: string;
}


export const areaCertificationId = (municipality: string, areaId: string, year: number) => inMunicipality(municipality, `${areaId}/${year}`);

export const evaluationSchema = z.string().trim().max(4000);

export interface ProgrammeResponseRecord {
  /** `${municipality}/${year}/${respondent}` (R32) */
  id: string;
  municipality: string;
  year: number;
  respondent: RespondentKey;
  answers: RespondentAnswers;
  /** The respondent's short yearly evaluation. */
  evaluation: string;
  updatedAt: string;
}

export const programmeResponseId = (municipality: string, year: number, respondent: RespondentKey) => inMunicipality(municipality, `${year}/${respondent}`);

export interface ProgrammeFreezeRecord {
  /** `${municipality}/${year}` */
  id: string;
  municipality: string;
  year: number;
  at: string;
  tableVersion: string;
  table: ProgrammeScoringTable;
  respondents: Partial<Record<RespondentKey, RespondentAnswers>>;
  evaluations: Partial<Record<RespondentKey, string>>;
  facts: ProgrammeFacts;
  computed: ComputedInput;
  /** The areas that counted for "areas walked". */
  areaIds: string[];
  score: ProgrammeScore;
}

export const programmeFreezeId = (municipality: string, year: number) => inMunicipality(municipality, String(year));

export { respondentKeySchema };
