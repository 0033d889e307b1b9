import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, it, expect } from 'vitest';
import { openDb, schemaVersions } from '../../src/storage/db';

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
});
