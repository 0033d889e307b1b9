import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Area } from '../../src/domain/area';
import { computeParticipationForAreas } from '../../src/domain/participation';
import { noFlags, type Shop } from '../../src/domain/shop';
import { AREA_CERTIFICATION_TABLE } from '../../src/domain/scoring/areaCertification';
import { currentAreaScore, currentProgrammeScore } from '../../src/domain/scoring/currentScore';
import { PROGRAMME_CHECKLIST_TABLE } from '../../src/domain/scoring/programmeChecklist';
import { openDb, type SchouwDb } from '../../src/storage/db';
import {
  freezeAreaYear,
  freezeProgrammeYear,
  saveAreaAnswers,
  saveProgrammeResponse,
} from '../../src/storage/certificationsRepo';
import { saveShop } from '../../src/storage/shopsRepo';

const brink: Area = {
  id: 'brink',
  name: 'Brink',
  kind: 'centre',
  kvoStatus: 'certified',
  source: 'test',
  municipality: 'deventer',
  geometry: { type: 'Polygon', coordinates: [[[6.15, 52.25], [6.17, 52.25], [6.17, 52.26], [6.15, 52.26], [6.15, 52.25]]] },
};
const shop = (id: string, member: boolean): Shop => ({
  id,
  municipality: 'deventer',
  name: id,
  address: '',
  point: { type: 'Point', coordinates: [6.16, 52.255] },
  sector: '',
  open: true,
  flags: { ...noFlags(), partnershipMember: member },
  shopChecks: [],
  visits: [],
  courses: [],
});
const allYes = { q1: true, q3: true, q10: true };

let db: SchouwDb;
beforeEach(async () => {
  db = openDb(`cert-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

async function scoreNow(year: number) {
  const shops = await db.shops.toArray();
  const group = computeParticipationForAreas(shops, [brink], year).areas.brink!;
  const record = await db.areaCertifications.get(`deventer/brink/${year}`);
  return currentAreaScore(record, group.measures, AREA_CERTIFICATION_TABLE);
}

describe('per-area certification on the device', () => {
  it('stores the yes/no answers per area and year, with an outbox entry', async () => {
    await saveAreaAnswers(db, { municipality: 'deventer', areaId: 'brink', year: 2024, answers: { q1: true } });
    await saveAreaAnswers(db, { municipality: 'deventer', areaId: 'brink', year: 2024, answers: { q3: false } });
    expect((await db.areaCertifications.get('deventer/brink/2024'))?.answers).toEqual({ q1: true, q3: false });
    expect(await db.areaCertifications.get('deventer/brink/2023')).toBeUndefined();
    expect((await db.outbox.where('recordId').equals('deventer/brink/2024').toArray()).map((e) => e.table)).toEqual(['certifications', 'certifications']);
  });

  it('a frozen year keeps its score when the register changes afterwards', async () => {
    // 3 of 4 open shops are members: q2 = 75% = 7.5 points; q1, q3, q10 yes = 30 points: 37.5 → 3.8.
    for (const [i, m] of [true, true, true, false].entries()) await saveShop(db, shop(`s${i}`, m));
    await saveAreaAnswers(db, { municipality: 'deventer', areaId: 'brink', year: 2024, answers: allYes });
    const frozen = await freezeAreaYear(db, { municipality: 'deventer', area: brink, allAreas: [brink], year: 2024, table: AREA_CERTIFICATION_TABLE });
    if (!frozen.ok) throw new Error(frozen.message);
    expect(frozen.value.frozen?.participation.partnershipMember).toEqual({ taking: 3, open: 4 });
    expect(frozen.value.frozen?.tableVersion).toBe(AREA_CERTIFICATION_TABLE.version);
    expect(frozen.value.frozen?.areaIds).toEqual(['brink']);
    // The snapshot keeps the area shape the shops were counted in, whatever happens to the area later.
    expect((await db.areaCertifications.get('deventer/brink/2024'))?.frozen?.areaGeometry).toEqual(brink.geometry);
    expect(frozen.value.frozen?.shopIds.sort()).toEqual(['s0', 's1', 's2', 's3']);

    // The register changes: the fourth shop joins, a fifth non-member opens.
    await saveShop(db, shop('s3', true));
    await saveShop(db, shop('s4', false));

    const past = await scoreNow(2024);
    expect(past.frozen).toBe(true);
    if (!past.result.ok) throw new Error(past.result.message);
    expect(past.result.grade).toBe(3.8);
    expect(past.result.questions.find((q) => q.id === 'q2')?.figure).toMatchObject({ taking: 3, open: 4, percent: 75 });

    // This year's (not frozen) score does follow the register: 4 of 5 = 80%.
    await saveAreaAnswers(db, { municipality: 'deventer', areaId: 'brink', year: 2025, answers: allYes });
    const live = await scoreNow(2025);
    expect(live.frozen).toBe(false);
    if (!live.result.ok) throw new Error(live.result.message);
    expect(live.result.questions.find((q) => q.id === 'q2')?.figure).toMatchObject({ taking: 4, open: 5, percent: 80 });
    expect(live.result.grade).toBe(3.8);
  });

  it('refuses to change answers of a frozen year, and to freeze twice', async () => {
    await saveAreaAnswers(db, { municipality: 'deventer', areaId: 'brink', year: 2024, answers: allYes });
    await freezeAreaYear(db, { municipality: 'deventer', area: brink, allAreas: [brink], year: 2024, table: AREA_CERTIFICATION_TABLE });
    const r = await saveAreaAnswers(db, { municipality: 'deventer', areaId: 'brink', year: 2024, answers: { q1: false } });
    expect(r).toMatchObject({ ok: false, reason: 'frozen' });
    expect((await db.areaCertifications.get('deventer/brink/2024'))?.answers.q1).toBe(true);
    expect(await freezeAreaYear(db, { municipality: 'deventer', area: brink, allAreas: [brink], year: 2024, table: AREA_CERTIFICATION_TABLE })).toMatchObject({
      ok: false,
      reason: 'frozen',
    });
  });
});

describe('the programme checklist on the device', () => {
  const facts = { municipality: { collectiveBan: { taking: 5, open: 10 } }, areasWalked: { walked: 1, total: 2 }, shopsChecked: 12 };

  it('stores each respondent per year, and a frozen year keeps its score when the facts change', async () => {
    await saveProgrammeResponse(db, { municipality: 'deventer', year: 2024, respondent: 'police', answers: { q2: true }, evaluation: 'Goed jaar.' });
    await saveProgrammeResponse(db, { municipality: 'deventer', year: 2024, respondent: 'shops', answers: { q2: false }, evaluation: '' });
    const r = await freezeProgrammeYear(db, { municipality: 'deventer', year: 2024, table: PROGRAMME_CHECKLIST_TABLE, facts, areaIds: ['a', 'b'] });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.evaluations.police).toBe('Goed jaar.');
    expect(r.value.score.missing).toEqual(['municipality', 'fireBrigade']);
    const frozenGrade = r.value.score.grade;

    const later = { ...facts, municipality: { collectiveBan: { taking: 10, open: 10 } }, shopsChecked: 40 };
    const stored = await db.programmeFreezes.get('deventer/2024');
    const shown = currentProgrammeScore(stored, {}, later, PROGRAMME_CHECKLIST_TABLE);
    expect(shown.frozen).toBe(true);
    expect(shown.result.ok && shown.result.grade).toBe(frozenGrade);
    expect(await saveProgrammeResponse(db, { municipality: 'deventer', year: 2024, respondent: 'police', answers: {}, evaluation: '' })).toMatchObject({
      ok: false,
      reason: 'frozen',
    });
  });

  it('refuses to freeze a year nobody filled', async () => {
    expect(await freezeProgrammeYear(db, { municipality: 'deventer', year: 2030, table: PROGRAMME_CHECKLIST_TABLE, facts, areaIds: [] })).toMatchObject({
      ok: false,
      reason: 'no_respondents',
    });
  });
});
