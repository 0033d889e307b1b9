import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROGRAMME_CHECKLIST_TABLE } from '../../src/domain/scoring/programmeChecklist';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { latestTables, listTableVersions, saveTableCorrection } from '../../src/storage/scoringTablesRepo';

let db: SchouwDb;
beforeEach(async () => {
  db = openDb(`tables-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

describe('scoring table versions on the device', () => {
  it('the default tables score until a correction is saved', async () => {
    expect((await latestTables(db, 'testdorp')).programme.version).toBe(PROGRAMME_CHECKLIST_TABLE.version);
    expect(await listTableVersions(db, 'programme', 'testdorp')).toEqual([]);
  });

  it('saving a correction makes a new version with who/when/why and an outbox entry; the old one is kept', async () => {
    const first = await saveTableCorrection(db, {
      kind: 'programme',
      changes: { 'q9.bands.1.from': 30 },
      why: 'De bron zegt 30-40',
      by: 'coord-1',
      municipality: 'testdorp',
      now: new Date('2026-03-01T10:00:00Z'),
    });
    expect(first.ok).toBe(true);
    const second = await saveTableCorrection(db, {
      kind: 'programme',
      changes: { 'q5.pointsPerTen': 1 },
      why: 'Afspraak overleg',
      by: 'coord-2',
      municipality: 'testdorp',
      now: new Date('2026-03-02T10:00:00Z'),
    });
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(first.value).toMatchObject({
      version: 'kvo-w-deventer/programme/2021.2',
      basedOn: 'kvo-w-deventer/programme/2021.1',
      createdBy: 'coord-1',
      why: 'De bron zegt 30-40',
    });
    expect(second.value.version).toBe('kvo-w-deventer/programme/2021.3');
    const versions = await listTableVersions(db, 'programme', 'testdorp');
    expect(versions.map((v) => v.version)).toEqual(['kvo-w-deventer/programme/2021.2', 'kvo-w-deventer/programme/2021.3']);
    // The second builds on the first: both corrections are in the latest table.
    const latest = (await latestTables(db, 'testdorp')).programme;
    expect(latest.version).toBe('kvo-w-deventer/programme/2021.3');
    const q9 = latest.questions.find((q) => q.id === 'q9')!;
    expect('bands' in q9 && q9.bands[1]!.from).toBe(30);
    // The older stored version is unchanged.
    const q5Old = versions[0]!.table.questions.find((q) => q.id === 'q5')!;
    expect('pointsPerTen' in q5Old && q5Old.pointsPerTen).toBe(2);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.table, e.recordId])).toEqual([
      ['certifications', first.value.id],
      ['certifications', second.value.id],
    ]);
    expect((await latestTables(db, 'testdorp')).area.version).toBe('kvo-w-deventer/area/2021.1');
  });

  it('a refused correction stores nothing', async () => {
    const r = await saveTableCorrection(db, { kind: 'programme', changes: { 'q9.bands.1.from': 30 }, why: '', by: 'c', municipality: 'testdorp' });
    expect(r.ok).toBe(false);
    expect(await db.scoringTables.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
