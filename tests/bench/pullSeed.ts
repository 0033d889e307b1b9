// Seeding the bench server with many findings: the first few hundred through the real push (so the
// server's replay makes their records and events as in use), the rest as copies of those with new ids
// written straight into the sync tables in bulk, so that 50,000 take seconds, not minutes.
import { v7 as uuidv7 } from 'uuid';
import type { SqlExecutor } from '../../src/server/store/executor';
import type { SyncServer, TestUser } from '../support/syncServer';
import { TestDevice } from '../support/syncMutations';
import { tables, testScope } from '../support/syncScope';

const REAL = 500;
const BATCH = 2000;

async function pushReal(server: SyncServer, user: TestUser, count: number): Promise<void> {
  const device = new TestDevice(user);
  for (let done = 0; done < count; done += 100) {
    const mutations = Array.from({ length: Math.min(100, count - done) }, (_, i) => device.create({ description: `Bevinding ${done + i}: lamp boven de ingang kapot` }).mutation);
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...user.headers, 'content-type': 'application/json' }, payload: { mutations } });
    if (res.statusCode !== 200) throw new Error(`seed push answered ${res.statusCode}`);
  }
}

/** Up to `count` findings with their creation events on the server, `already` of them there. */
export async function seedFindings(server: SyncServer, db: SqlExecutor, user: TestUser, count: number, already = 0): Promise<void> {
  if (already === 0) await pushReal(server, user, Math.min(REAL, count));
  if (count <= REAL) return;
  const page = await server.store.sync.pull(0, 10_000, testScope, tables(['findings']));
  const models = page.records.map((r) => ({ data: r.data, event: page.events.find((e) => e.event.findingId === r.id)!.event }));
  for (let done = Math.max(REAL, already); done < count; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - done) }, (_, i) => {
      const m = models[i % models.length]!;
      const id = uuidv7();
      return { data: { ...m.data, id }, event: { ...m.event, id: uuidv7(), findingId: id } };
    });
    // Events first, records after: as a push does, a record's revision comes after its events'.
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO sync_events (id, kind, record_id, data, mutation_id, revision, municipality)
         SELECT x->>'id', 'findings', x->>'findingId', x, 'bench-seed', next_revision(), 'testdorp' FROM jsonb_array_elements($1::jsonb) x`,
        [JSON.stringify(rows.map((r) => r.event))],
      );
      await tx.query(
        `INSERT INTO sync_records (kind, id, data, created_by, revision, municipality)
         SELECT 'findings', x->>'id', x, $2, next_revision(), x->>'municipality' FROM jsonb_array_elements($1::jsonb) x`,
        [JSON.stringify(rows.map((r) => r.data)), user.id],
      );
    });
  }
}
