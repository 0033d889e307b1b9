import { PGlite } from '@electric-sql/pglite';
import { PgliteExecutor } from '../../src/server/store/PgliteExecutor';
import { SqlStore } from '../../src/server/store/SqlStore';

// initdb takes seconds under WASM; copying a freshly initialised data directory takes well under one.
let template: Promise<Blob> | undefined;

function emptyDatabase(): Promise<Blob> {
  template ??= (async () => {
    const db = await PGlite.create();
    try {
      return (await db.dumpDataDir('none')) as Blob;
    } finally {
      await db.close();
    }
  })();
  return template;
}

/** A new, empty (not migrated) in-memory PGlite database. */
export async function freshPglite(): Promise<PgliteExecutor> {
  return PgliteExecutor.open(undefined, { loadDataDir: await emptyDatabase() });
}

/** A new, migrated in-memory store. */
export async function freshStore(): Promise<SqlStore> {
  const store = new SqlStore(await freshPglite());
  await store.migrate();
  return store;
}
