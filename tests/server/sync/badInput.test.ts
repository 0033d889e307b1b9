import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/sync/protocol';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { tables, testScope } from '../../support/syncScope';

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

// R19: a push whose batch or mutation identity is wrong answers 400 with the JSON pointer; nothing is stored.
const matrix: { name: string; body: unknown; path: string }[] = [
  { name: 'a wrong type (seq as text)', body: { mutations: [{ ...good, seq: '1' }] }, path: '/mutations/0/seq' },
  { name: 'a mutation id that is no UUID', body: { mutations: [{ ...good, mutationId: '1; DROP TABLE' }] }, path: '/mutations/0/mutationId' },
  { name: 'no mutations at all', body: { mutations: [] }, path: '/mutations' },
  { name: 'a body that is not an object', body: [1, 2], path: '' },
  { name: 'an unknown field next to the mutations', body: { mutations: [good], extra: 1 }, path: '' },
];

// R24: what is wrong inside one mutation is answered for that mutation alone, with the field's pointer.
const perMutation: { name: string; mutation: unknown; field: string }[] = [
  { name: 'a latitude of 91', mutation: withChanges({ point: { type: 'Point', coordinates: [6.1, 91] } }), field: '/changes/point/coordinates/1' },
  { name: 'a point with 100,000 extra numbers', mutation: withChanges({ point: { type: 'Point', coordinates: [6.16, 52.25, ...new Array(100_000).fill(1)] } }), field: '/changes/point/coordinates' },
  { name: 'a 1 MB description', mutation: withChanges({ description: 'x'.repeat(1024 * 1024) }), field: '/changes/description' },
  { name: 'a 1 MB municipality', mutation: withChanges({ municipality: 'x'.repeat(1024 * 1024) }), field: '/changes/municipality' },
  { name: 'a NUL in the description', mutation: withChanges({ description: 'x\u0000y' }), field: '/changes/description' },
  { name: 'an unpaired surrogate in the description', mutation: withChanges({ description: 'a\ud800b' }), field: '/changes/description' },
  { name: 'a NUL in an event note', mutation: { ...good, events: [{ ...good.events[0], note: 'a\u0000' }] }, field: '/events/0/note' },
  { name: 'a NUL in a key of the changes', mutation: withChanges({ ['de\u0000scription']: 'x' }), field: '/changes/de\u0000scription' },
  { name: 'an unknown field in the changes', mutation: withChanges({ ownerPhone: '0612345678' }), field: '/changes' },
  { name: 'an unknown field on the mutation', mutation: { ...good, sneaky: true }, field: '' },
  { name: 'a wrong type (severity as number)', mutation: withChanges({ severity: 3 }), field: '/changes/severity' },
  { name: 'an unknown table', mutation: { ...good, table: 'users' }, field: '/table' },
  { name: 'a history event with an unknown kind', mutation: { ...good, events: [{ ...good.events[0], kind: 'erased' }] }, field: '/events/0/kind' },
];

async function recordCount(): Promise<number> {
  return (await server.store.sync.pull(0, 100000, testScope, tables(['findings', 'inspections', 'shops', 'certifications']))).count;
}

function push(body: unknown) {
  return server.app.inject({ method: 'POST', url: '/api/sync/push', headers: schouwer.headers, payload: body as object });
}

describe('bad input', () => {
  for (const row of matrix) {
    it(`R19: ${row.name} → 400 at ${row.path || '(root)'}, nothing stored`, async () => {
      const before = await recordCount();
      const res = await push(row.body);
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error).toBe('invalid_input');
      expect(body.issues.map((i: { path: string }) => i.path)).toContain(row.path);
      expect(await recordCount()).toBe(before);
    });
  }

  for (const row of perMutation) {
    it(`R24: ${row.name} → rejected invalid_input at ${row.field || '(the mutation)'}; the good mutation after it is accepted`, async () => {
      const before = await recordCount();
      const device = new TestDevice(schouwer);
      const bad = { ...(row.mutation as Mutation), mutationId: crypto.randomUUID(), clientId: device.clientId, seq: 1 };
      const after = { ...device.create().mutation, seq: 2 };
      const body = { mutations: [bad, after] };
      for (const attempt of [1, 2]) {
        // The same answer on a resend: the device's outbox can never stick on it.
        const res = await push(body);
        expect(res.statusCode, `attempt ${attempt}`).toBe(200);
        const [r0, r1] = res.json().results;
        expect(r0).toMatchObject({ mutationId: bad.mutationId, status: 'rejected', reason: 'invalid_input' });
        expect(r0.field ?? '').toBe(row.field);
        expect(r1).toMatchObject({ mutationId: after.mutationId, status: 'accepted' });
      }
      expect(await recordCount()).toBe(before + 2); // the good finding and its created event, nothing of the bad one
    });
  }

  it('R24: a bad mutation between two good ones: only it is rejected', async () => {
    const before = await recordCount();
    const device = new TestDevice(schouwer);
    const ok1 = device.create().mutation;
    const bad = device.create().mutation;
    (bad.changes as Record<string, unknown>).description = 'x\u0000y';
    const ok2 = device.create().mutation;
    const res = await push({ mutations: [ok1, bad, ok2] });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(await recordCount()).toBe(before + 4);
  });

  it('R19: JSON nested 10,000 deep in a push event is 400 before validation, never a stack overflow', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const payload = JSON.stringify({ mutations: [{ ...good, events: [{ ...good.events[0], after: '@@' }] }] }).replace('"@@"', deep);
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...schouwer.headers, 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: '', message: expect.stringContaining('nested deeper than 64') }] });
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
