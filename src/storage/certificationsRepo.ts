import type { Area } from '../domain/area';
import {
  areaCertificationId,
  programmeFreezeId,
  programmeResponseId,
  type AreaCertificationRecord,
  type ProgrammeFreezeRecord,
  type ProgrammeResponseRecord,
} from '../domain/certificationRecord';
import { assignShops, buildAreaIndex } from '../domain/areaIndex';
import { computeParticipation } from '../domain/participation';
import { scoreArea, type AreaScoringTable } from '../domain/scoring/areaCertification';
import {
  buildComputedInput,
  mergeRespondents,
  respondentKeys,
  type ProgrammeFacts,
  type ProgrammeScoringTable,
  type RespondentAnswers,
  type RespondentKey,
} from '../domain/scoring/programmeChecklist';
import type { SchouwDb } from './db';
import { changedFields, outboxEntry } from './outbox';

/**
 * Certification on the device: per area and year the coordinator's yes/no answers and, once frozen,
 * the score with the figures it came from; per year each respondent's programme checklist and the
 * frozen programme score. A frozen year refuses changes (reason `frozen`).
 */

export type CertificationRefusal = {
  ok: false;
  reason: 'frozen' | 'not_frozen' | 'unknown_area' | 'scoring_refused' | 'no_respondents';
  message: string;
};
type Result<T> = { ok: true; value: T } | CertificationRefusal;

const now = () => new Date().toISOString();
const refuse = (reason: CertificationRefusal['reason'], message: string): CertificationRefusal => ({ ok: false, reason, message });

export async function saveAreaAnswers(
  db: SchouwDb,
  input: { municipality: string; areaId: string; year: number; answers: Record<string, boolean | null> },
): Promise<Result<AreaCertificationRecord>> {
  const id = areaCertificationId(input.municipality, input.areaId, input.year);
  return db.transaction('rw', db.areaCertifications, db.outbox, async () => {
    const prev = await db.areaCertifications.get(id);
    if (prev?.frozen) return refuse('frozen', `${input.areaId} ${input.year} is frozen`);
    const record: AreaCertificationRecord = {
      id,
      municipality: input.municipality,
      areaId: input.areaId,
      year: input.year,
      answers: { ...(prev?.answers ?? {}), ...input.answers },
      updatedAt: now(),
    };
    await db.areaCertifications.put(record);
    await db.outbox.add(outboxEntry('certifications', id, changedFields(prev ?? null, record), [], new Date(record.updatedAt)));
    return { ok: true as const, value: record };
  });
}

/**
 * Freezes an area's year: scores it now from the register (counts n of N per measure) and stores the
 * score with the answers, the counts, the table and the ids it was made from.
 */
export async function freezeAreaYear(
  db: SchouwDb,
  input: { municipality: string; area: Pick<Area, 'id' | 'geometry'>; allAreas: readonly Pick<Area, 'id' | 'geometry'>[]; year: number; table: AreaScoringTable },
): Promise<Result<AreaCertificationRecord>> {
  const id = areaCertificationId(input.municipality, input.area.id, input.year);
  return db.transaction('rw', db.areaCertifications, db.shops, db.outbox, async () => {
    const prev = await db.areaCertifications.get(id);
    if (prev?.frozen) return refuse('frozen', `${input.area.id} ${input.year} is already frozen`);
    const shops = await db.shops.where('municipality').equals(input.municipality).toArray();
    const assignment = assignShops(shops, buildAreaIndex(input.allAreas));
    const report = computeParticipation(
      shops,
      input.allAreas.map((a) => a.id),
      assignment,
      input.year,
    );
    const group = report.areas[input.area.id];
    if (!group) return refuse('unknown_area', `no area ${input.area.id}`);
    const answers = prev?.answers ?? {};
    const score = scoreArea(input.table, answers, group.measures);
    if (!score.ok) return refuse('scoring_refused', score.message);
    const participation = Object.fromEntries(
      Object.entries(group.measures).map(([m, f]) => [m, { taking: f.taking, open: f.open }]),
    );
    const at = now();
    const record: AreaCertificationRecord = {
      id,
      municipality: input.municipality,
      areaId: input.area.id,
      year: input.year,
      answers,
      updatedAt: at,
      frozen: {
        at,
        tableVersion: score.tableVersion,
        table: input.table,
        answers,
        participation,
        areaIds: [input.area.id],
        areaGeometry: input.area.geometry,
        shopIds: shops.filter((s) => assignment.get(s.id) === input.area.id).map((s) => s.id),
        score,
      },
    };
    await db.areaCertifications.put(record);
    await db.outbox.add(outboxEntry('certifications', id, { frozen: record.frozen }, [], new Date(at)));
    return { ok: true as const, value: record };
  });
}

export async function saveProgrammeResponse(
  db: SchouwDb,
  input: { municipality: string; year: number; respondent: RespondentKey; answers: RespondentAnswers; evaluation: string },
): Promise<Result<ProgrammeResponseRecord>> {
  const id = programmeResponseId(input.municipality, input.year, input.respondent);
  return db.transaction('rw', db.programmeResponses, db.programmeFreezes, db.outbox, async () => {
    if (await db.programmeFreezes.get(programmeFreezeId(input.municipality, input.year))) {
      return refuse('frozen', `programme ${input.year} is frozen`);
    }
    const prev = await db.programmeResponses.get(id);
    const record: ProgrammeResponseRecord = { id, ...input, updatedAt: now() };
    await db.programmeResponses.put(record);
    await db.outbox.add(outboxEntry('certifications', id, changedFields(prev ?? null, record), [], new Date(record.updatedAt)));
    return { ok: true as const, value: record };
  });
}

/** Freezes the programme year: the respondents' lists, the computed facts and the merged score. */
export async function freezeProgrammeYear(
  db: SchouwDb,
  input: { municipality: string; year: number; table: ProgrammeScoringTable; facts: ProgrammeFacts; areaIds: string[] },
): Promise<Result<ProgrammeFreezeRecord>> {
  const id = programmeFreezeId(input.municipality, input.year);
  return db.transaction('rw', db.programmeResponses, db.programmeFreezes, db.outbox, async () => {
    if (await db.programmeFreezes.get(id)) return refuse('frozen', `programme ${input.year} is already frozen`);
    const responses = await db.programmeResponses.where('year').equals(input.year).toArray();
    const mine = responses.filter((r) => r.municipality === input.municipality);
    const respondents: Partial<Record<RespondentKey, RespondentAnswers>> = {};
    const evaluations: Partial<Record<RespondentKey, string>> = {};
    for (const r of mine) {
      respondents[r.respondent] = r.answers;
      evaluations[r.respondent] = r.evaluation;
    }
    if (!respondentKeys.some((k) => respondents[k])) return refuse('no_respondents', 'no respondent filled the checklist');
    const computed = buildComputedInput(input.table, input.facts);
    const score = mergeRespondents(input.table, respondents, computed);
    if (!score.ok) return refuse('scoring_refused', score.message);
    const at = now();
    const record: ProgrammeFreezeRecord = {
      id,
      municipality: input.municipality,
      year: input.year,
      at,
      tableVersion: score.tableVersion,
      table: input.table,
      respondents,
      evaluations,
      facts: input.facts,
      computed,
      areaIds: input.areaIds,
      score,
    };
    await db.programmeFreezes.put(record);
    await db.outbox.add(outboxEntry('certifications', id, { ...record }, [], new Date(at)));
    return { ok: true as const, value: record };
  });
}
