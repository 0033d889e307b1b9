import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, it, expect } from 'vitest';
import { openDb, schemaVersions } from '../../src/storage/db';
import { knownRecord } from '../../src/sync/apply';

describe('the device database', () => {
  it('schema versions are append-only and in order', () => {
    const numbers = schemaVersions.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('a device on version 1 keeps its areas and packs when it opens the latest version', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(schemaVersions[0]!.stores);
    await v1.table('areas').put({ id: 'a', name: 'A', municipality: 'deventer' });
    await v1.table('offlinePacks').put({ areaId: 'a', status: 'complete' });
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(schemaVersions[schemaVersions.length - 1]!.version);
    expect((await db.areas.get('a'))?.name).toBe('A');
    expect((await db.offlinePacks.get('a'))?.status).toBe('complete');
    expect(await db.findings.count()).toBe(0);
    db.close();
  });

  it('R38: a device from before version 10 keeps its findings, history, outbox and sync state; known revisions move into the findings', async () => {
    const name = `upgrade10-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of schemaVersions.filter((v) => v.version < 10)) old.version(v.version).stores(v.stores);
    const finding = { id: 'f1', municipality: 'deventer', areaId: 'a1', status: 'open', updatedAt: '2026-03-01T10:00:00.000Z', description: 'lamp kapot' };
    const conflicts = [{ field: 'description', lost: 'x', won: 'lamp kapot', lostBy: 'u1', wonBy: 'u2', at: '2026-03-01T10:00:00.000Z', revision: 7 }];
    await old.table('findings').bulkPut([finding, { ...finding, id: 'f2' }, { ...finding, id: 'f3' }]);
    await old.table('findingEvents').put({ id: 'e1', findingId: 'f1', kind: 'created', at: '2026-03-01T10:00:00.000Z' });
    await old.table('meta').bulkPut([
      { key: 'sync/findings/f1', value: { revision: 7, conflicts } },
      { key: 'sync/findings/f2', value: { revision: 9, conflicts: [] } },
      { key: 'sync/findings/gone', value: { revision: 3, conflicts: [] } },
      { key: 'sync/shops/s1', value: { revision: 4, conflicts: [] } },
      { key: 'sync.revision', value: 12 },
      { key: 'clientId', value: 'c-1' },
    ]);
    const entry = { mutationId: 'm1', table: 'findings', recordId: 'f3', changes: { description: 'nieuw' }, baseRevision: null, events: [], createdAt: '2026-03-02T10:00:00.000Z', status: 'pending' };
    await old.table('outbox').add(entry);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(schemaVersions[schemaVersions.length - 1]!.version);
    const f1 = (await db.findings.get('f1')) as unknown as Record<string, unknown>;
    expect(f1).toEqual({ ...finding, _sync: { revision: 7, conflicts } });
    expect(await knownRecord(db, 'findings', 'f2')).toEqual({ revision: 9, conflicts: [] });
    expect(await knownRecord(db, 'findings', 'f3')).toBeUndefined();
    expect(await db.findings.count()).toBe(3);
    expect(await db.findings.where('areaId').equals('a1').count()).toBe(3);
    expect((await db.meta.toArray()).map((m) => m.key).sort()).toEqual(['clientId', 'sync.revision', 'sync/shops/s1']);
    expect(await knownRecord(db, 'shops', 's1')).toEqual({ revision: 4, conflicts: [] });
    expect(await db.findingEvents.where('findingId').equals('f1').count()).toBe(1);
    expect(await db.outbox.toArray()).toEqual([{ ...entry, seq: 1 }]);
    db.close();
  });
});
