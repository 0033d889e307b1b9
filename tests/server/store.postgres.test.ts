import { describe, it } from 'vitest';
import { openTestSchema } from '../support/postgres';
import { PostgresExecutor } from '../../src/server/store/PostgresExecutor';
import { SqlStore } from '../../src/server/store/SqlStore';
import { storeContract, type StoreFixture } from './store.contract';
import { userStoreContract } from './userStore.contract';

const url = process.env.TEST_DATABASE_URL;
const howTo = 'start one with: eval "export $(tests/support/start-postgres.sh | tail -n 1)"';

if (!url && process.env.CI) {
  describe('Store contract: PostgreSQL', () => {
    it('needs TEST_DATABASE_URL', () => {
      throw new Error(`TEST_DATABASE_URL is not set, and in CI the PostgreSQL contract suite must run; ${howTo}`);
    });
  });
} else {
  if (!url) console.warn(`Skipping the PostgreSQL contract suite: TEST_DATABASE_URL is not set (${howTo}).`);
  describe.skipIf(!url)('PostgreSQL', () => {
    const openPostgres = async (): Promise<StoreFixture> => {
      // Every fixture gets its own schema, so runs (and parallel tests) never see each other's tables.
      const schema = await openTestSchema(url!);
      let executor = await PostgresExecutor.open(url!, { schema: schema.name, max: 4 });
      let store = new SqlStore(executor);
      return {
        store,
        async reopen() {
          await store.close();
          executor = await PostgresExecutor.open(url!, { schema: schema.name, max: 4 });
          store = new SqlStore(executor);
          return store;
        },
        query: (sql) => executor.query(sql),
        async dispose() {
          await store.close();
          await schema.drop();
        },
      };
    };
    storeContract('PostgreSQL', openPostgres);
    userStoreContract('PostgreSQL', openPostgres);
  });
}
