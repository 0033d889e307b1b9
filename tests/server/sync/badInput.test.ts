import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/sync/protocol';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';

let server: SyncServer;
let schouwer: TestUser;
// Well formed in every way the matrix does not break; 400 comes before any actor check.
const good: Mutation = new TestDevice({ id: 'schouwer-1', roles: ['schouwer'] }).create().mutation;

beforeAll(async () => {
  server = await startSyncServer();
  schouwer = await server.user(['schouwer']);
});
afterAll(() => server.close());

const withChanges = (changes: Record<string, unknown>) => ({ ...good, changes: { ...good.changes, ...changes } });

// R19: each bad push answers 400 with the JSON pointer of what is wrong.
const matrix: { name: string; body: unknown; path: string }[] = [
  { name: 'a latitude of 91', body: { mutations: [withChanges({ point: { type: 'Point', coordinates: [6.1, 91] } })] }, path: '/mutations/0/changes/point/coordinates/1' },
  { name: 'a 1 MB description', body: { mutations: [withChanges({ description: 'x'.repeat(1024 * 1024) })] }, path: '/mutations/0/changes/description' },
  { name: 'an unknown field in the changes', body: { mutations: [withChanges({ ownerPhone: '0612345678' })] }, path: '/mutations/0/changes' },
  { name: 'an unknown field on the mutation', body: { mutations: [{ ...good, sneaky: true }] }, path: '/mutations/0' },
  { name: 'a wrong type (seq as text)', body: { mutations: [{ ...good, seq: '1' }] }, path: '/mutations/0/seq' },
  { name: 'a wrong type (severity as number)', body: { mutations: [withChanges({ severity: 3 })] }, path: '/mutations/0/changes/severity' },
  { name: 'an unknown table', body: { mutations: [{ ...good, table: 'users' }] }, path: '/mutations/0/table' },
  { name: 'a mutation id that is no UUID', body: { mutations: [{ ...good, mutationId: '1; DROP TABLE' }] }, path: '/mutations/0/mutationId' },
  { name: 'a history event with an unknown kind', body: { mutations: [{ ...good, events: [{ ...good.events[0], kind: 'erased' }] }] }, path: '/mutations/0/events/0/kind' },
  { name: 'no mutations at all', body: { mutations: [] }, path: '/mutations' },
  { name: 'a body that is not an object', body: [1, 2], path: '' },
];

async function recordCount(): Promise<number> {
  return (await server.store.sync.pull(0, 100000, ['findings', 'inspections', 'shops', 'certifications'])).count;
}

describe('bad input', () => {
  for (const row of matrix) {
    it(`R19: ${row.name} → 400 at ${row.path || '(root)'}, nothing stored`, async () => {
      const before = await recordCount();
      const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: schouwer.headers, payload: row.body as object });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error).toBe('invalid_input');
      expect(body.issues.map((i: { path: string }) => i.path)).toContain(row.path);
      expect(await recordCount()).toBe(before);
    });
  }

  it('R19: one bad mutation refuses the whole batch, the good one before it too', async () => {
    const before = await recordCount();
    const fresh = new TestDevice(schouwer);
    const ok = fresh.create().mutation;
    const bad = { ...fresh.create().mutation };
    (bad.changes as Record<string, unknown>).point = { type: 'Point', coordinates: [6.1, 91] };
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: schouwer.headers, payload: { mutations: [ok, bad] } });
    expect(res.statusCode).toBe(400);
    expect(await recordCount()).toBe(before);
  });

  it('R19: malformed JSON and NaN are 400 invalid_json, never 500', async () => {
    for (const payload of ['{"mutations": [', '{"mutations": [{"seq": NaN}]}']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...schouwer.headers, 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_json');
    }
  });

  it('R19: a bad pull query is 400 with the parameter', async () => {
    for (const [query, path] of [
      ['since=-1', '/since'],
      ['since=0&limit=abc', '/limit'],
      ['since=0&limit=100000', '/limit'],
      ['since=0&cursor=xyz', '/cursor'],
      ['since=0&table=findings', ''],
    ] as const) {
      const res = await server.app.inject({ method: 'GET', url: `/api/sync/pull?${query}`, headers: schouwer.headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path), query).toContain(path);
    }
  });
});
