import type { AreaCertificationRecord, ProgrammeFreezeRecord } from '../certificationRecord';
import { scoreArea, type AreaParticipationInput, type AreaScore, type AreaScoringTable, type ScoringRefusal } from './areaCertification';
import {
  buildComputedInput,
  mergeRespondents,
  type ProgrammeFacts,
  type ProgrammeRefusal,
  type ProgrammeScore,
  type ProgrammeScoringTable,
  type Respondents,
} from './programmeChecklist';

/**
 * The score to show for an area's year: the frozen one when the year is frozen (never recomputed, so
 * later register changes cannot move it), otherwise computed now from the answers and the register.
 */
export function currentAreaScore(
  record: Pick<AreaCertificationRecord, 'answers' | 'frozen'> | undefined,
  participation: AreaParticipationInput,
  table: AreaScoringTable,
): { frozen: boolean; result: AreaScore | ScoringRefusal } {
  if (record?.frozen) return { frozen: true, result: record.frozen.score };
  return { frozen: false, result: scoreArea(table, record?.answers ?? {}, participation) };
}

/** The programme score for a year: frozen, or merged now from the respondents and the facts. */
export function currentProgrammeScore(
  frozen: ProgrammeFreezeRecord | undefined,
  respondents: Respondents,
  facts: ProgrammeFacts,
  table: ProgrammeScoringTable,
): { frozen: boolean; result: ProgrammeScore | ProgrammeRefusal } {
  if (frozen) return { frozen: true, result: frozen.score };
  return { frozen: false, result: mergeRespondents(table, respondents, buildComputedInput(table, facts)) };
}
