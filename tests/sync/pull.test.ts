/** The pipelined pull against the real server (SPEC.md R10, R11). */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/findingStatus';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { applyFindingCommandTo } from '../../src/storage/findingsRepo';
import type { Fetch } from '../../src/sync/http';
import type { PullResponse } from '../../src/sync/protocol';
import { pullChanges, REVISION_KEY, storedRevision } from '../../src/sync/pull';
import { knownRecord } from '../../src/sync/apply';
import { readFindingHistory } from '../../src/storage/findingHistoryRepo';
import { injectFetch } from '../support/injectFetch';
import { startSyncServer, type SyncServer, type TestUser } from '../support/syncServer';
import { TestDevice } from '../support/syncMutations';

let server: SyncServer;
let schouwer: TestUser;
const dbs: SchouwDb[] = [];
const COUNT = 23;

beforeAll(async () => {
  server = await startSyncServer();
  schouwer = await server.user(['schouwer']);
  const device = new TestDevice(schouwer);
  const mutations = Array.from({ length: COUNT }, (_, i) => device.create({ description: `bevinding ${i}` }).mutation);
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...schouwer.headers, 'content-type': 'application/json' }, payload: { mutations } });
  expect(res.statusCode).toBe(200);
});
afterAll(() => server.close());
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function newDevice() {
  const db = openDb(`pull-${uuidv7()}`);
  dbs.push(db);
  const log: string[] = [];
  const base = injectFetch(server.app, () => schouwer.headers, { online: true, loseNextPushAnswer: false });
  const fetch: Fetch = async (url, init) => {
    const q = new URL(url, 'http://x').searchParams;
    log.push(`fetch since=${q.get('since')} cursor=${q.get('cursor') ?? '-'}`);
    return base(url, init);
  };
  // Every stored revision, as the pull writes it: the order pages were applied in.
  db.meta.hook('creating', (key, obj) => void (key === REVISION_KEY && log.push(`stored ${(obj as { value: number }).value}`)));
  db.meta.hook('updating', (mods, key) => void (key === REVISION_KEY && log.push(`stored ${(mods as { value: number }).value}`)));
  return { db, log, fetch };
}

/** The pages as the device asks for them (R39: creation events folded). */
async function serverPages(limit: number, fold = '&fold=created'): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const res = await server.app.inject({ url: `/api/sync/pull?since=0&limit=${limit}${fold}${cursor ? `&cursor=${cursor}` : ''}`, headers: schouwer.headers });
    const page = res.json() as PullResponse;
    pages.push(page);
    cursor = page.nextCursor;
  }
  return pages;
}

describe('pipelined pull', () => {
  it('R10: fetches the next page while applying one, and applies pages strictly in revision order', async () => {
    const d = newDevice();
    const pages = await serverPages(3);
    expect(pages.length).toBeGreaterThan(5);
    await pullChanges(d.db, d.fetch, '', 3);
    const stored = d.log.filter((l) => l.startsWith('stored')).map((l) => Number(l.split(' ')[1]));
    expect(stored).toEqual(pages.map((p) => p.revision));
    // Bounded pipeline: page n+1 is asked for before page n is stored, and never two pages ahead.
    for (let n = 0; n + 1 < pages.length; n++) {
      const asked = d.log.indexOf(`fetch since=0 cursor=${pages[n]!.nextCursor}`);
      const storedN = d.log.indexOf(`stored ${pages[n]!.revision}`);
      expect(asked).toBeGreaterThan(-1);
      expect(asked).toBeLessThan(storedN);
      if (n > 0) expect(asked).toBeGreaterThan(d.log.indexOf(`stored ${pages[n - 1]!.revision}`));
    }
    expect(await d.db.findings.count()).toBe(COUNT);
  });

  it('R38/R39: a pulled finding is one row: its known revision inside it, no meta row, no stored creation event; its history still shows its creation', async () => {
    const d = newDevice();
    const all = await serverPages(1000, '');
    const folded = await serverPages(1000);
    // The server leaves the creation events out only when asked (an older app still gets them).
    expect(all[0]!.events.filter((e) => e.event.kind === 'created')).toHaveLength(COUNT);
    expect(folded[0]!.events).toHaveLength(0);
    expect(folded[0]!.records.map((r) => r.id)).toEqual(all[0]!.records.map((r) => r.id));
    await pullChanges(d.db, d.fetch, '', 10);
    expect(await d.db.findingEvents.count()).toBe(0);
    expect((await d.db.meta.toArray()).map((m) => m.key).filter((k) => k.startsWith('sync/'))).toEqual([]);
    expect(await d.db.meta.get(REVISION_KEY)).toBeDefined();
    const record = all[0]!.records.find((r) => r.table === 'findings')!;
    expect(await knownRecord(d.db, 'findings', record.id)).toEqual({ revision: record.revision });
    const created = all[0]!.events.find((e) => e.event.findingId === record.id)!.event;
    const history = await readFindingHistory(d.db, record.id);
    expect(history).toEqual([{ ...created, id: record.id }]);
  });

  it('R10/R11: a page that fails while applied leaves the last whole page; the next pull goes on from there without a gap or duplicate, and a pending field is kept', async () => {
    const d = newDevice();
    const actor: Actor = { id: schouwer.id, roles: schouwer.roles };
    const pages = await serverPages(5);
    // A finding of page 4 is also on this device, with a pending local change of its description.
    const victim = pages[3]!.records.find((r) => r.table === 'findings')!;
    await d.db.findings.put(victim.data as never);
    const changed = await applyFindingCommandTo(d.db, victim.id, { kind: 'change_description', description: 'lokaal, nog niet verstuurd' }, actor);
    expect(changed.ok).toBe(true);

    // Applying page 3 fails half-way (a row of it cannot be written): its transaction is undone whole.
    const failOn = pages[2]!.records.find((r) => r.table === 'findings')!.id;
    let failing = true;
    d.db.findings.hook('creating', (key) => {
      if (failing && key === failOn) throw new Error('disk trouble');
    });
    await expect(pullChanges(d.db, d.fetch, '', 5)).rejects.toThrow('disk trouble');
    expect(await storedRevision(d.db)).toBe(pages[1]!.revision);
    expect(await d.db.findings.get(failOn)).toBeUndefined();

    failing = false;
    d.log.length = 0;
    await pullChanges(d.db, d.fetch, '', 5);
    // Resumed after the last whole page, not from the start.
    expect(d.log[0]).toBe(`fetch since=${pages[1]!.revision} cursor=-`);
    const all = pages.flatMap((p) => p.records).filter((r) => r.table === 'findings');
    expect((await d.db.findings.toArray()).map((f) => f.id).sort()).toEqual(all.map((r) => r.id).sort());
    const events = await d.db.findingEvents.toArray();
    const serverEvents = pages.flatMap((p) => p.events).map((e) => e.event.id);
    // The device's own change event is there too (pending); the server's events each once.
    expect(events.filter((e) => serverEvents.includes(e.id)).map((e) => e.id).sort()).toEqual([...serverEvents].sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // R11: the pending description stays, the entry stays pending, the pull made no outbox entry.
    expect((await d.db.findings.get(victim.id))?.description).toBe('lokaal, nog niet verstuurd');
    const outbox = await d.db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: 'pending', recordId: victim.id });
    expect(await storedRevision(d.db)).toBe(pages.at(-1)!.revision);
  });

  it('R10: a page that is not a pull page is refused with the row it breaks, and nothing of it is stored', async () => {
    const d = newDevice();
    const bad: Fetch = async (url, init) => {
      const res = await d.fetch(url, init);
      const page = (await res.json()) as PullResponse;
      if (page.records[1]) (page.records[1] as { revision: unknown }).revision = 'drie';
      return new Response(JSON.stringify(page), { status: 200 });
    };
    await expect(pullChanges(d.db, bad, '', 5)).rejects.toThrow('records/1/revision');
    expect(await d.db.findings.count()).toBe(0);
    expect(await storedRevision(d.db)).toBe(0);
  });
});
