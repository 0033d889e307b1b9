/**
 * SPEC.md R32: certification and scoring-table ids carry their municipality. Deventer and Westland both
 * write the 2026 programme checklist of the police and correct the same scoring table version: both are
 * accepted and each pulls only its own. Ids written before R32 are rewritten by migration 040, and a new
 * record whose id does not start with its municipality is refused.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeResponseId } from '../../../src/domain/certificationRecord';
import { loadMigrations } from '../../../src/server/store/migrate';
import { SqlStore } from '../../../src/server/store/SqlStore';
import type { PgliteExecutor } from '../../../src/server/store/PgliteExecutor';
import { saveAreaAnswers, saveProgrammeResponse } from '../../../src/storage/certificationsRepo';
import { openDb, type SchouwDb } from '../../../src/storage/db';
import { saveTableCorrection } from '../../../src/storage/scoringTablesRepo';
import { pullChanges } from '../../../src/sync/pull';
import { pushOutbox } from '../../../src/sync/push';
import type { PullResponse } from '../../../src/sync/protocol';
import { injectFetch } from '../../support/injectFetch';
import { freshPglite } from '../../support/pglite';
import { TestDevice } from '../../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { deventer, westland } from '../../support/twoTowns';

const towns = ['deventer', 'westland'] as const;
type Town = (typeof towns)[number];

let executor: PgliteExecutor;
let server: SyncServer;
const coordinators = {} as Record<Town, TestUser>;
const devices = {} as Record<Town, SchouwDb>;

/** Records as a server from before R32 kept them (written straight into the tables of migration 026). */
const oldRecords: { id: string; data: Record<string, unknown> }[] = [
  { id: '2025/police', data: { id: '2025/police', municipality: 'deventer', year: 2025, respondent: 'police', answers: {}, evaluation: 'Goed', updatedAt: '2025-06-01T00:00:00.000Z' } },
  { id: 'centrum/2025', data: { id: 'centrum/2025', municipality: 'deventer', areaId: 'centrum', year: 2025, answers: { q1: true }, updatedAt: '2025-06-01T00:00:00.000Z' } },
  { id: 'area/kvo-w-deventer/area/2021.2', data: { id: 'area/kvo-w-deventer/area/2021.2', municipality: 'deventer', kind: 'area', version: 'kvo-w-deventer/area/2021.2', basedOn: 'kvo-w-deventer/area/2021.1', table: {}, changed: [], why: 'x', createdBy: 'c', createdAt: '2025-06-01T00:00:00.000Z' } },
  { id: 'deventer/2025', data: { id: 'deventer/2025', municipality: 'deventer', year: 2025, respondents: {}, evaluations: {} } },
];

beforeAll(async () => {
  executor = await freshPglite();
  const before = new SqlStore(executor, loadMigrations().filter((m) => m.version < 40));
  await before.migrate();
  for (const r of oldRecords) {
    await executor.query(
      `INSERT INTO sync_records (kind, id, data, field_revisions, created_by, revision, municipality)
       VALUES ('certifications', $1, $2::jsonb, '{"answers": 7}'::jsonb, 'c', next_revision(), 'deventer')`,
      [r.id, JSON.stringify(r.data)],
    );
  }
  server = await startSyncServer({ executor, municipality: deventer, others: [westland] });
  for (const town of towns) {
    coordinators[town] = await server.user(['coordinator'], `coordinator ${town}`, town);
    devices[town] = openDb(`r32-${town}-${Math.random()}`);
    await devices[town].open();
  }
});
afterAll(async () => {
  for (const town of towns) devices[town]?.close();
  await server?.close();
});

async function pullAll(user: TestUser): Promise<PullResponse> {
  const res = await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0&limit=1000', headers: user.headers });
  expect(res.statusCode).toBe(200);
  return res.json() as PullResponse;
}

describe('R32: certification ids carry their municipality', () => {
  it('migration 040 puts the municipality in front of every old id (key and data), keeping revisions; a frozen year keeps its id', async () => {
    const rows = await executor.query<{ id: string; data: { id: string }; revision: string; field_revisions: unknown }>(
      `SELECT id, data, revision::text AS revision, field_revisions FROM sync_records WHERE kind = 'certifications' ORDER BY revision`,
    );
    expect(rows.map((r) => r.id)).toEqual(['deventer/2025/police', 'deventer/centrum/2025', 'deventer/area/kvo-w-deventer/area/2021.2', 'deventer/2025']);
    expect(rows.map((r) => r.data.id)).toEqual(rows.map((r) => r.id));
    expect(rows.map((r) => Number(r.revision))).toEqual([...rows.map((r) => Number(r.revision))].sort((a, b) => a - b));
    expect(rows[0]!.field_revisions).toEqual({ answers: 7 });
  });

  it('Deventer and Westland both write the 2026 police checklist, an area answer for "centrum" and the same table version: all accepted, each pulls only its own', async () => {
    for (const town of towns) {
      const db = devices[town];
      expect((await saveProgrammeResponse(db, { municipality: town, year: 2026, respondent: 'police', answers: { q1: true } as never, evaluation: `Politie ${town}` })).ok).toBe(true);
      expect((await saveAreaAnswers(db, { municipality: town, areaId: 'centrum', year: 2026, answers: { q1: town === 'deventer' } })).ok).toBe(true);
      const table = await saveTableCorrection(db, { kind: 'programme', changes: { 'q5.pointsPerTen': 1 }, why: `Overleg ${town}`, by: coordinators[town].id, municipality: town });
      expect(table.ok).toBe(true);
      const fetchFn = injectFetch(server.app, () => coordinators[town].headers, { online: true, loseNextPushAnswer: false });
      const outcome = await pushOutbox(db, fetchFn, '', crypto.randomUUID());
      expect(outcome, town).toEqual({ accepted: 3, rejected: 0, retry: 0 });
      await pullChanges(db, fetchFn, '');
    }
    // Same respondent, year and table version; other ids.
    expect(programmeResponseId('deventer', 2026, 'police')).not.toBe(programmeResponseId('westland', 2026, 'police'));
    for (const town of towns) {
      const other = town === 'deventer' ? 'westland' : 'deventer';
      const page = await pullAll(coordinators[town]);
      const certs = page.records.filter((r) => r.table === 'certifications');
      expect(certs.every((r) => r.id.startsWith(`${town}/`) && r.data.municipality === town), town).toBe(true);
      expect(certs.find((r) => r.id === `${town}/2026/police`)?.data).toMatchObject({ evaluation: `Politie ${town}` });
      expect(certs.find((r) => r.id === `${town}/centrum/2026`)?.data).toMatchObject({ answers: { q1: town === 'deventer' } });
      expect(certs.find((r) => r.id === `${town}/programme/kvo-w-deventer/programme/2021.2`)?.data).toMatchObject({ why: `Overleg ${town}` });
      expect(JSON.stringify(page)).not.toContain(`Politie ${other}`);
      // On the device: its own records under its own ids, nothing of the other municipality.
      const db = devices[town];
      const local = [...(await db.programmeResponses.toArray()), ...(await db.scoringTables.toArray()), ...(await db.areaCertifications.toArray())].map((r) => r.id);
      expect(local.every((id) => id.startsWith(`${town}/`)), local.join()).toBe(true);
      expect(local).toEqual(expect.arrayContaining([`${town}/2026/police`, `${town}/centrum/2026`, `${town}/programme/kvo-w-deventer/programme/2021.2`]));
      expect(await db.outbox.count()).toBe(0);
    }
  });

  it('a new certification record whose id does not start with its own municipality is refused as invalid_input at /recordId', async () => {
    const office = new TestDevice({ id: coordinators.westland.id, roles: ['coordinator'] }, 'westland');
    const record = (id: string) => ({ id, municipality: 'westland', year: 2027, respondent: 'police', answers: {}, evaluation: '', updatedAt: '2027-01-01T00:00:00.000Z' });
    const bad = ['2027/police', 'deventer/2027/police', 'westlandx/2027/police'].map((id) => office.mutation('certifications', id, record(id), [], null));
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: coordinators.westland.headers, payload: { mutations: bad } });
    expect(res.statusCode).toBe(200);
    for (const r of res.json().results) expect(r).toMatchObject({ status: 'rejected', reason: 'invalid_input', field: '/recordId' });
    const ids = (await pullAll(coordinators.westland)).records.map((r) => r.id);
    expect(ids.filter((id) => id.includes('2027'))).toEqual([]);
  });
});
