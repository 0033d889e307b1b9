import { describe, it } from 'vitest';
import { PostgresExecutor } from '../../src/server/store/PostgresExecutor';
import { SqlStore } from '../../src/server/store/SqlStore';
import { openTestSchema } from '../support/postgres';
import { syncStoreContract } from './syncStore.contract';

const url = process.env.TEST_DATABASE_URL;
const howTo = 'start one with: eval "export $(tests/support/start-postgres.sh | tail -n 1)"';

if (!url && process.env.CI) {
  describe('SyncStore contract: PostgreSQL', () => {
    it('needs TEST_DATABASE_URL', () => {
      throw new Error(`TEST_DATABASE_URL is not set, and in CI the PostgreSQL contract suite must run; ${howTo}`);
    });
  });
} else {
  describe.skipIf(!url)('PostgreSQL', () => {
    syncStoreContract('PostgreSQL', async () => {
      // Its own schema per fixture; a pool of 4, so concurrent pushes really run side by side.
      const schema = await openTestSchema(url!);
      const store = new SqlStore(await PostgresExecutor.open(url!, { schema: schema.name, max: 4 }));
      await store.migrate();
      return {
        sync: store.sync,
        async dispose() {
          await store.close();
          await schema.drop();
        },
      };
    });
  });
}
