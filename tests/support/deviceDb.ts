import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { afterEach } from 'vitest';
import { openDb, type SchouwDb } from '../../src/storage/db';

/**
 * Device databases on fake IndexedDB for one test file: each call opens a new, empty one named
 * `<prefix>-<uuid>`; after each test they are closed and deleted.
 */
export function deviceDatabases(prefix: string): () => SchouwDb {
  const dbs: SchouwDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = openDb(`${prefix}-${uuidv7()}`);
    dbs.push(db);
    return db;
  };
}
