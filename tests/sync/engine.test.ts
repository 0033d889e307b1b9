/** The client engine against the real server (SPEC.md R4, R6, R8, R11, R17, R20, R22). */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../src/domain/findingStatus';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { applyFindingCommandTo, saveNewFinding } from '../../src/storage/findingsRepo';
import { knownRecord } from '../../src/sync/apply';
import { SyncEngine } from '../../src/sync/engine';
import { pullChanges } from '../../src/sync/pull';
import { onUnauthorized } from '../../src/sync/unauthorized';
import { injectFetch, type Network } from '../support/injectFetch';
import { startSyncServer, type SyncServer, type TestUser } from '../support/syncServer';
import { tables, testScope } from '../support/syncScope';

let server: SyncServer;
let schouwer: TestUser;
let beheerder: TestUser;
const dbs: SchouwDb[] = [];

beforeAll(async () => {
  server = await startSyncServer();
  schouwer = await server.user(['schouwer']);
  beheerder = await server.user(['wijkbeheerder']);
});
afterAll(() => server.close());
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function device(user: TestUser, headers: () => Record<string, string> = () => user.headers) {
  const db = openDb(`engine-${uuidv7()}`);
  dbs.push(db);
  const net: Network = { online: true, loseNextPushAnswer: false };
  const requests: string[] = [];
  const base = injectFetch(server.app, headers, net);
  const clientId = crypto.randomUUID(); // one per device, as getClientId keeps it in meta
  const fetch = (url: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${url.split('?')[0]}`);
    return base(url, init);
  };
  const engine = new SyncEngine({
    db,
    fetch,
    clientId: async () => clientId,
    isOnline: () => net.online,
  });
  const actor: Actor = { id: user.id, roles: user.roles };
  return { db, net, engine, actor, requests, fetch };
}

const input = (description = 'Lamp kapot') => ({ id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point' as const, coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description, severity: 'low' as const });

describe('sync engine', () => {
  it('R8: an accepted write leaves the outbox and the record gets its server revision', async () => {
    const d = device(schouwer);
    const made = await saveNewFinding(d.db, input(), d.actor);
    if (!made.ok) throw new Error(made.reason);
    await d.engine.syncNow();
    expect(d.engine.getStatus()).toMatchObject({ state: 'idle', lastError: null });
    expect(await d.db.outbox.count()).toBe(0);
    expect((await knownRecord(d.db, 'findings', made.finding.id))?.revision).toBeGreaterThan(0);
  });

  it('R6: an answer lost after the server committed: the retry makes no duplicate', async () => {
    const d = device(schouwer);
    const made = await saveNewFinding(d.db, input('dubbel?'), d.actor);
    if (!made.ok) throw new Error(made.reason);
    d.net.loseNextPushAnswer = true;
    await d.engine.syncNow();
    expect(d.engine.getStatus().state).toBe('error');
    expect(await d.db.outbox.count()).toBe(1);
    await d.engine.syncNow();
    expect(await d.db.outbox.count()).toBe(0);
    const all = await server.store.sync.pull(0, 10000, testScope, tables(['findings']));
    expect(all.records.filter((r) => r.id === made.finding.id)).toHaveLength(1);
    expect(all.events.filter((e) => e.event.findingId === made.finding.id)).toHaveLength(1);
  });

  it('R8/R21: a refused change stays visible with its reason; its local effect is undone from the server', async () => {
    const walker = device(schouwer);
    const made = await saveNewFinding(walker.db, input('origineel'), walker.actor);
    if (!made.ok) throw new Error(made.reason);
    await walker.engine.syncNow();
    const follow = device(beheerder);
    await follow.engine.syncNow();
    await applyFindingCommandTo(follow.db, made.finding.id, { kind: 'assign', owner: 'police', dueDate: '2030-01-01' }, follow.actor);
    await follow.engine.syncNow();
    // The walker, not yet knowing, edits the finding: allowed on the device (it looks open), refused on the server.
    walker.net.online = false;
    await applyFindingCommandTo(walker.db, made.finding.id, { kind: 'change_description', description: 'te laat' }, walker.actor);
    walker.net.online = true;
    await walker.engine.syncNow();
    const [entry] = await walker.db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role', changes: { description: 'te laat' } });
    expect(await walker.db.findings.get(made.finding.id)).toMatchObject({ description: 'origineel', status: 'assigned', owner: 'police' });
    const events = await walker.db.findingEvents.where('findingId').equals(made.finding.id).toArray();
    expect(events.map((e) => e.kind)).not.toContain('description_changed');
  });

  it('R11/R4: a pull does not overwrite a field with a pending change, and that change carries the base it was made on', async () => {
    const a = device(schouwer);
    const made = await saveNewFinding(a.db, input('begin'), a.actor);
    if (!made.ok) throw new Error(made.reason);
    await a.engine.syncNow();
    const base = (await knownRecord(a.db, 'findings', made.finding.id))!.revision;
    a.net.online = false;
    await applyFindingCommandTo(a.db, made.finding.id, { kind: 'change_description', description: 'van A' }, a.actor);
    // Meanwhile the same person on a second tablet changes the severity.
    const b = device(schouwer);
    await b.engine.syncNow();
    await applyFindingCommandTo(b.db, made.finding.id, { kind: 'change_severity', severity: 'high' }, b.actor);
    await b.engine.syncNow();
    // A pulls first (a run would push first): the pending description stays, the severity comes in.
    a.net.online = true;
    await pullChanges(a.db, a.fetch, '');
    expect(await a.db.findings.get(made.finding.id)).toMatchObject({ description: 'van A', severity: 'high' });
    const [pending] = await a.db.outbox.toArray();
    expect(pending).toMatchObject({ status: 'pending', baseRevision: base });
    expect(await a.db.outbox.count()).toBe(1);
    await a.engine.syncNow();
    const server_ = await server.store.sync.getRecord('findings', made.finding.id, testScope);
    expect(server_?.data).toMatchObject({ description: 'van A', severity: 'high' });
    expect(server_?.conflicts).toEqual([]);
  });

  it('R13: two devices change the same field offline; after both sync the later one wins and both show the conflict', async () => {
    const x = device(schouwer);
    const made = await saveNewFinding(x.db, input('begin'), x.actor);
    if (!made.ok) throw new Error(made.reason);
    await x.engine.syncNow();
    const y = device(schouwer);
    await y.engine.syncNow();
    x.net.online = y.net.online = false;
    await applyFindingCommandTo(x.db, made.finding.id, { kind: 'change_description', description: 'van X' }, x.actor);
    await applyFindingCommandTo(y.db, made.finding.id, { kind: 'change_description', description: 'van Y' }, y.actor);
    x.net.online = y.net.online = true;
    await x.engine.syncNow();
    await y.engine.syncNow();
    await x.engine.syncNow();
    for (const d of [x, y]) {
      expect(await d.db.findings.get(made.finding.id)).toMatchObject({ description: 'van Y' });
      expect((await knownRecord(d.db, 'findings', made.finding.id))?.conflicts).toEqual([expect.objectContaining({ field: 'description', lost: 'van X', won: 'van Y' })]);
    }
  });

  it('R17: photos go up before their finding, and a photo the server has is not sent again', async () => {
    const d = device(schouwer);
    const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#123' } }).jpeg().toBuffer();
    const hash = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    const photo = { hash, blob: new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), type: 'image/jpeg', width: 16, height: 16, createdAt: new Date().toISOString() };
    const made = await saveNewFinding(d.db, input('met foto'), d.actor, { photos: [photo] });
    if (!made.ok) throw new Error(made.reason);
    await d.engine.syncNow();
    expect(d.requests.slice(0, 3)).toEqual([`HEAD /api/photos/${hash}`, `PUT /api/photos/${hash}`, 'POST /api/sync/push']);
    expect((await d.db.photos.get(hash))?.uploadedAt).toBeDefined();
    // A second device with the same photo (an interrupted upload resumed elsewhere) only asks.
    const again = device(schouwer);
    await again.db.photos.put(photo);
    await again.engine.syncNow();
    expect(again.requests.filter((r) => r.includes('/api/photos/'))).toEqual([`HEAD /api/photos/${hash}`]);
  });

  it('R22: a 401 keeps the outbox, reports the expired session, and a new login syncs on', async () => {
    let headers: Record<string, string> = {};
    const d = device(schouwer, () => headers);
    const made = await saveNewFinding(d.db, input('na login'), d.actor);
    if (!made.ok) throw new Error(made.reason);
    const expired = vi.fn();
    const off = onUnauthorized(expired);
    await d.engine.syncNow();
    off();
    expect(d.engine.getStatus().state).toBe('logged_out');
    expect(expired).toHaveBeenCalledOnce();
    expect(await d.db.outbox.count()).toBe(1);
    headers = schouwer.headers;
    await d.engine.syncNow();
    expect(d.engine.getStatus().state).toBe('idle');
    expect(await d.db.outbox.count()).toBe(0);
  });

  it('R20: a burst of writes makes one run about two seconds after the last write', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const d = device(schouwer);
      const runs = vi.spyOn(d.engine, 'syncNow').mockResolvedValue(undefined);
      for (let i = 0; i < 3; i++) d.engine.requestSync();
      vi.advanceTimersByTime(1999);
      expect(runs).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(runs).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('R20: offline, a run does nothing and says offline; the outbox waits', async () => {
    const d = device(schouwer);
    await saveNewFinding(d.db, input(), d.actor);
    d.net.online = false;
    await d.engine.syncNow();
    expect(d.engine.getStatus().state).toBe('offline');
    expect(d.requests).toEqual([]);
    expect(await d.db.outbox.count()).toBe(1);
  });
});
