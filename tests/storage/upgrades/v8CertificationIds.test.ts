/**
 * SPEC.md R32, Dexie version 8: a device upgraded from version 7 keeps its certification records under
 * their new ids (municipality in front), what it knew of their server side, and every outbox entry,
 * which now names the new id under a new mutation id.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, schemaVersions, type OutboxEntry } from '../../../src/storage/db';

function openVersion7(name: string): Dexie {
  const db = new Dexie(name);
  for (const v of schemaVersions.filter((s) => s.version <= 7)) db.version(v.version).stores(v.stores);
  return db;
}

const entry = (seq: number, recordId: string, changes: Record<string, unknown>, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  seq,
  mutationId: `0190c0de-0000-7000-8000-00000000000${seq}`,
  table: 'certifications',
  recordId,
  changes,
  baseRevision: null,
  events: [],
  createdAt: '2026-03-01T10:00:00.000Z',
  status: 'pending',
  ...extra,
});

describe('R32: Dexie version 8 moves certification records to ids with their municipality', () => {
  it('a device on version 7 keeps its records, known revisions and pending outbox entries under the new ids', async () => {
    const name = `v8-${Math.random()}`;
    const v7 = openVersion7(name);
    await v7.open();
    const response = { id: '2026/police', municipality: 'deventer', year: 2026, respondent: 'police', answers: { q1: true }, evaluation: 'Goed', updatedAt: '2026-03-01T10:00:00.000Z' };
    const answers = { id: 'centrum/2026', municipality: 'deventer', areaId: 'centrum', year: 2026, answers: { q1: true }, updatedAt: '2026-03-01T10:00:00.000Z' };
    const table = { id: 'area/kvo-w-deventer/area/2021.2', municipality: 'deventer', kind: 'area', version: 'kvo-w-deventer/area/2021.2', basedOn: 'kvo-w-deventer/area/2021.1', table: {}, changed: [], why: 'x', createdBy: 'c', createdAt: '2026-03-01T10:00:00.000Z' };
    const oldTable = { ...table, id: 'programme/p/2', kind: 'programme', version: 'p/2', municipality: undefined };
    const freeze = { id: 'deventer/2025', municipality: 'deventer', year: 2025, respondents: {} };
    await v7.table('programmeResponses').put(response);
    await v7.table('areaCertifications').put(answers);
    await v7.table('scoringTables').bulkPut([table, oldTable]);
    await v7.table('programmeFreezes').put(freeze);
    await v7.table('meta').put({ key: 'sync/certifications/centrum/2026', value: { revision: 41, conflicts: [] } });
    await v7.table('outbox').bulkAdd([
      entry(1, '2026/police', { ...response }),
      entry(2, 'centrum/2026', { answers: { q1: true }, updatedAt: answers.updatedAt }, { baseRevision: 41 }),
      entry(3, 'area/kvo-w-deventer/area/2021.2', { ...table }, { status: 'rejected', reason: 'invalid_input', field: '/recordId' }),
      entry(4, '2025/burgemeester', { id: '2025/burgemeester', municipality: 'deventer', year: 2025, respondent: 'burgemeester', answers: {}, evaluation: '' }),
      { ...entry(5, 'f-1', { description: 'x' }), table: 'findings' },
      entry(6, 'centrum/2026', { answers: { q2: false } }, { status: 'rejected', reason: 'frozen' }),
    ]);
    v7.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(schemaVersions[schemaVersions.length - 1]!.version);
    expect(await db.programmeResponses.get('deventer/2026/police')).toEqual({ ...response, id: 'deventer/2026/police' });
    expect(await db.programmeResponses.get('2026/police')).toBeUndefined();
    expect(await db.areaCertifications.get('deventer/centrum/2026')).toEqual({ ...answers, id: 'deventer/centrum/2026' });
    expect((await db.scoringTables.toArray()).map((t) => t.id).sort()).toEqual(['deventer/area/kvo-w-deventer/area/2021.2', 'programme/p/2']);
    expect(await db.programmeFreezes.get('deventer/2025')).toEqual(freeze);
    expect(await db.meta.get('sync/certifications/deventer/centrum/2026')).toEqual({ key: 'sync/certifications/deventer/centrum/2026', value: { revision: 41, conflicts: [] } });
    expect(await db.meta.get('sync/certifications/centrum/2026')).toBeUndefined();

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.table, e.recordId, e.status])).toEqual([
      [1, 'certifications', 'deventer/2026/police', 'pending'],
      [2, 'certifications', 'deventer/centrum/2026', 'pending'],
      // Refused for its old id: pending again under the new one.
      [3, 'certifications', 'deventer/area/kvo-w-deventer/area/2021.2', 'pending'],
      // Its record is not on the device: its own changes tell the municipality.
      [4, 'certifications', 'deventer/2025/burgemeester', 'pending'],
      [5, 'findings', 'f-1', 'pending'],
      [6, 'certifications', 'deventer/centrum/2026', 'rejected'],
    ]);
    expect(outbox[0]!.changes).toEqual({ ...response, id: 'deventer/2026/police' });
    expect(outbox[1]!).toMatchObject({ baseRevision: 41, changes: { answers: { q1: true } } });
    expect(outbox[2]!.changes.id).toBe('deventer/area/kvo-w-deventer/area/2021.2');
    expect(outbox[2]!.reason).toBeUndefined();
    expect(outbox[5]!.reason).toBe('frozen');
    // New mutation ids for the rewritten entries (their content changed, R6/R7); the finding's stays.
    expect(outbox[4]!.mutationId).toBe('0190c0de-0000-7000-8000-000000000005');
    for (const i of [0, 1, 2, 3, 5]) expect(outbox[i]!.mutationId).not.toBe(`0190c0de-0000-7000-8000-00000000000${i + 1}`);
    expect(new Set(outbox.map((e) => e.mutationId)).size).toBe(6);
    db.close();
  });
});
