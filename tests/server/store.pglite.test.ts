import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PgliteExecutor } from '../../src/server/store/PgliteExecutor';
import { SqlStore } from '../../src/server/store/SqlStore';
import { freshPglite } from '../support/pglite';
import { area, storeContract, type StoreFixture } from './store.contract';
import { userStoreContract } from './userStore.contract';

const openPglite = async (): Promise<StoreFixture> => {
  const executor = await freshPglite();
  const stores = [new SqlStore(executor)];
  return {
    store: stores[0]!,
    // In memory there is no second process; a second Store on the same database stands in for a restart.
    async reopen() {
      const next = new SqlStore(executor);
      stores.push(next);
      return next;
    },
    query: (sql) => executor.query(sql),
    dispose: () => executor.close(),
  };
};
storeContract('PGlite', openPglite);
userStoreContract('PGlite', openPglite);

describe('PGlite in a data directory', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-pglite-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the directory, keeps data across a restart, and locks out a second opener', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'pglite');
    const first = new SqlStore(await PgliteExecutor.open(dataDir));
    await first.migrate();
    await first.replaceAreas('deventer', [area('deventer', 'brink')]);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);

    // Opening it again while it is open would corrupt it: refused, in one line naming the directory.
    const second = PgliteExecutor.open(dataDir);
    await expect(second).rejects.toThrow(/in use by another process/);
    await expect(second).rejects.toThrow(dataDir);

    await first.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);

    const again = new SqlStore(await PgliteExecutor.open(dataDir));
    await again.migrate();
    expect((await again.listAreas('deventer')).map((a) => a.id)).toEqual(['brink']);
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = path.join(tempDir(), 'pglite');
    fs.writeFileSync(`${dataDir}.lock`, '999999999\n');
    const store = new SqlStore(await PgliteExecutor.open(dataDir));
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await store.close();
  });

  it('says clearly when the data directory cannot be created', async () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, '');
    await expect(PgliteExecutor.open(path.join(file, 'pglite'))).rejects.toThrow(/the data directory .*not-a-dir.*is not writable \(a file is in the way\).*DATA_DIR/);
  });
});
