/** Migration 080: the pull's keyset index (050) serves what the dropped municipality index served (SPEC.md R40). */
import { afterAll, expect, it } from 'vitest';
import { freshPglite } from '../../support/pglite';
import { SqlStore } from '../../../src/server/store/SqlStore';

const executor = await freshPglite();
const store = new SqlStore(executor);
afterAll(() => store.close());

it('migration 080: sync_records keeps the (municipality, kind, revision) keyset index and no longer has the redundant (municipality, kind) one', async () => {
  await store.migrate();
  const names = (await executor.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'sync_records'`)).map((r) => r.indexname);
  expect(names).toContain('sync_records_scope_revision_idx');
  expect(names).not.toContain('sync_records_municipality_idx');
});
