import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse, PushResponse } from '../../../src/sync/protocol';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { tables, testScope } from '../../support/syncScope';

let server: SyncServer;
let schouwer: TestUser;
let other: TestUser;
let beheerder: TestUser;
let partner: TestUser;

beforeAll(async () => {
  server = await startSyncServer();
  schouwer = await server.user(['schouwer']);
  other = await server.user(['schouwer']);
  beheerder = await server.user(['wijkbeheerder']);
  partner = await server.user(['partner']);
});
afterAll(() => server.close());

async function push(user: TestUser | null, mutations: Mutation[]) {
  return server.app.inject({ method: 'POST', url: '/api/sync/push', headers: user?.headers ?? {}, payload: { mutations } });
}
async function pull(user: TestUser, query: string): Promise<PullResponse> {
  const res = await server.app.inject({ method: 'GET', url: `/api/sync/pull?${query}`, headers: user.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}
/** How many records or events the server holds: a duplicate would show as one more. */
async function rows(sql: 'records' | 'events'): Promise<number> {
  const page = await server.store.sync.pull(0, 100000, testScope, tables(['findings']));
  return sql === 'records' ? page.records.length : page.events.length;
}

describe('push', () => {
  it('R5/R8: a new finding is accepted with its revision and the stored record', async () => {
    const device = new TestDevice(schouwer);
    const { mutation, finding } = device.create();
    const res = await push(schouwer, [mutation]);
    expect(res.statusCode).toBe(200);
    const [r] = (res.json() as PushResponse).results;
    expect(r).toMatchObject({ mutationId: mutation.mutationId, status: 'accepted' });
    if (r?.status !== 'accepted') throw new Error('not accepted');
    expect(r.record?.data).toMatchObject({ id: finding.id, description: 'Lamp kapot', createdBy: schouwer.id });
    expect(r.record?.revision).toBe(r.revision);
  });

  it('R6: the same mutation twice gets the same answer and makes no duplicate record or event', async () => {
    const device = new TestDevice(schouwer);
    const { mutation, finding } = device.create();
    const before = { records: await rows('records'), events: await rows('events') };
    const first = (await push(schouwer, [mutation])).json() as PushResponse;
    const second = (await push(schouwer, [mutation])).json() as PushResponse;
    expect(second.results[0]).toEqual(first.results[0]);
    expect(await rows('records')).toBe(before.records + 1);
    expect(await rows('events')).toBe(before.events + 1);
    const everything = await pull(schouwer, 'since=0&limit=1000');
    expect(everything.records.filter((r) => r.id === finding.id)).toHaveLength(1);
  });

  it('R6: a resent mutation with a base revision learned since is still the same mutation', async () => {
    const device = new TestDevice(schouwer);
    const { mutation } = device.create();
    const first = (await push(schouwer, [mutation])).json() as PushResponse;
    const again = (await push(schouwer, [{ ...mutation, baseRevision: 7, seq: mutation.seq + 5 }])).json() as PushResponse;
    expect(again.results[0]).toEqual(first.results[0]);
  });

  it('R7: the same mutation id with other content answers 409 and applies nothing of the batch', async () => {
    const device = new TestDevice(schouwer);
    const { mutation } = device.create({ description: 'eerst' });
    await push(schouwer, [mutation]);
    const fresh = device.create();
    const forged = { ...mutation, seq: mutation.seq + 10, changes: { ...mutation.changes, description: 'anders' } } as Mutation;
    const before = await rows('records');
    const res = await push(schouwer, [fresh.mutation, forged]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'mutation_id_reused', mutationId: mutation.mutationId });
    expect(await rows('records')).toBe(before);
  });

  it('R15: a status change the domain refuses is rejected with the domain reason code, nothing stored', async () => {
    const device = new TestDevice(schouwer);
    const created = device.create();
    await push(schouwer, [created.mutation]);
    // The wijkbeheerder's device thought the finding was fixed; on the server it is still open.
    const follow = new TestDevice(beheerder);
    const fixed = follow.change(created.finding, { kind: 'fix', note: 'gemaakt' }, null);
    const stale = { ...fixed.finding, status: 'fixed' as const };
    const verify = follow.change(stale, { kind: 'verify' }, null);
    const res = (await push(beheerder, [verify.mutation])).json() as PushResponse;
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid_transition' });
    if (res.results[0]?.status !== 'rejected') throw new Error('not rejected');
    expect(res.results[0].record?.data.status).toBe('open');
  });

  it("R15: a schouwer cannot edit another schouwer's finding: rejected not_allowed_for_role", async () => {
    const mine = new TestDevice(schouwer).create();
    await push(schouwer, [mine.mutation]);
    const theirs = new TestDevice(other);
    const forged = theirs.change({ ...mine.finding, createdBy: other.id }, { kind: 'change_description', description: 'overschreven' }, null);
    const res = (await push(other, [forged.mutation])).json() as PushResponse;
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role' });
  });

  it('R15: a finding created in the name of someone else is rejected', async () => {
    const device = new TestDevice(schouwer);
    const { mutation } = device.create();
    const res = (await push(other, [{ ...mutation, mutationId: crypto.randomUUID() }])).json() as PushResponse;
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role' });
  });

  it('R15: the wijkbeheerder assigns and fixes through the domain; each step is accepted', async () => {
    const created = new TestDevice(schouwer).create();
    await push(schouwer, [created.mutation]);
    const follow = new TestDevice(beheerder);
    const assigned = follow.change(created.finding, { kind: 'assign', owner: 'municipality', dueDate: '2026-04-01' }, null);
    const fixed = follow.change(assigned.finding, { kind: 'fix', note: 'lamp vervangen' }, null);
    const res = (await push(beheerder, [assigned.mutation, fixed.mutation])).json() as PushResponse;
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const last = res.results[1];
    if (last?.status !== 'accepted') throw new Error('not accepted');
    expect(last.record?.data).toMatchObject({ status: 'fixed', owner: 'municipality', dueDate: '2026-04-01', fixNote: 'lamp vervangen' });
  });

  it('R3: a batch whose seq does not increase is refused with 400', async () => {
    const device = new TestDevice(schouwer);
    const a = device.create().mutation;
    const b = device.create().mutation;
    const res = await push(schouwer, [b, a]);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('/mutations/1/seq');
  });

  it('R16: partners may not push or pull (403), and nobody without a session (401)', async () => {
    const { mutation } = new TestDevice(schouwer).create();
    expect((await push(partner, [mutation])).statusCode).toBe(403);
    expect((await push(null, [mutation])).statusCode).toBe(401);
    const res = await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0', headers: partner.headers });
    expect(res.statusCode).toBe(403);
  });

  it('R16: inspections are written by schouwers, shops only by coordinators', async () => {
    const device = new TestDevice(schouwer);
    const shop = device.mutation('shops', 'shop-1', { id: 'shop-1', municipality: 'testdorp', name: 'Bakker', address: '', point: { type: 'Point', coordinates: [6.16, 52.25] }, sector: '', open: true, flags: { partnershipMember: false, whatsappGroup: false, collectiveBan: false, nuisanceFee: false, surveyAnswered: false, newsletter: false, kvoApp: false }, shopChecks: [], visits: [], courses: [] }, [], null);
    const res = (await push(schouwer, [shop])).json() as PushResponse;
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role' });
  });
});

describe('pull', () => {
  it('R10: pages with a cursor through every record and event since a revision, each once', async () => {
    const fresh = await startSyncServer();
    try {
      const u = await fresh.user(['schouwer']);
      const device = new TestDevice(u);
      const made = Array.from({ length: 25 }, () => device.create());
      const pushed = (await fresh.app.inject({ method: 'POST', url: '/api/sync/push', headers: u.headers, payload: { mutations: made.map((m) => m.mutation) } })).json() as PushResponse;
      expect(pushed.results.every((r) => r.status === 'accepted')).toBe(true);
      const seen: string[] = [];
      let cursor: string | null = null;
      let revision = 0;
      let pages = 0;
      do {
        const res = await fresh.app.inject({ method: 'GET', url: `/api/sync/pull?since=0&limit=10${cursor ? `&cursor=${cursor}` : ''}`, headers: u.headers });
        const page = res.json() as PullResponse;
        seen.push(...page.records.map((r) => `r:${r.id}`), ...page.events.map((e) => `e:${e.event.id}`));
        expect(page.revision).toBeGreaterThanOrEqual(revision);
        revision = page.revision;
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(50);
      expect(pages).toBe(6); // 5 full pages, then an empty one says "done"
      const after = (await fresh.app.inject({ method: 'GET', url: `/api/sync/pull?since=${revision}`, headers: u.headers })).json() as PullResponse;
      expect(after).toEqual({ records: [], events: [], revision, nextCursor: null, epoch: expect.stringMatching(/^[0-9a-f-]{36}$/), head: revision });
    } finally {
      await fresh.close();
    }
  });

  it('R10: a record changed many times comes once, in its latest version', async () => {
    const device = new TestDevice(schouwer);
    const created = device.create();
    const r1 = (await push(schouwer, [created.mutation])).json() as PushResponse;
    const since = r1.results[0]?.status === 'accepted' ? r1.results[0].revision : 0;
    let f = created.finding;
    const ms: Mutation[] = [];
    for (const d of ['een', 'twee', 'drie']) {
      const c = device.change(f, { kind: 'change_description', description: d }, since);
      f = c.finding;
      ms.push(c.mutation);
    }
    await push(schouwer, ms);
    const page = await pull(schouwer, `since=${since}&limit=1000`);
    const versions = page.records.filter((r) => r.id === f.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]?.data.description).toBe('drie');
    expect(page.events.filter((e) => e.event.findingId === f.id)).toHaveLength(3);
  });
});
