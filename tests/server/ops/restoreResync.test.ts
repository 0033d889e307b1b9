/**
 * R35 and R54-R56 end to end on the real app: backup, more writes, restore into a new instance. A device
 * that synced after the backup (its revision is ahead of the restored server's) is told by its push that
 * the server was restored, pulls everything again and offers what the server lost: a finding made after
 * the backup comes back whole, a change made after the backup comes back as that change, a record the
 * restored server changed since is left as the server has it, and the device's pending changes still
 * push. A second device then pulls the recovered records.
 */
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/findingStatus';
import { backup, restore } from '../../../src/server/ops/backup';
import { FsPhotoStore } from '../../../src/server/sync/PhotoStore';
import { openDb, type SchouwDb } from '../../../src/storage/db';
import { applyFindingCommandTo, saveNewFinding } from '../../../src/storage/findingsRepo';
import { knownRecord } from '../../../src/sync/apply';
import { SyncEngine } from '../../../src/sync/engine';
import { EPOCH_KEY, storedRevision } from '../../../src/sync/pull';
import { freshPglite } from '../../support/pglite';
import { injectFetch, type Network } from '../../support/injectFetch';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { tables, testScope } from '../../support/syncScope';

let before: SyncServer;
let after: SyncServer | undefined;
let work: string;
const dbs: SchouwDb[] = [];
let schouwer: TestUser;
let colleague: TestUser;

beforeAll(async () => {
  before = await startSyncServer();
  schouwer = await before.user(['schouwer'], 'Schouwer Anna');
  // Made before the backup, so the account and its session come back with the restore.
  colleague = await before.user(['coordinator'], 'Coördinator Bert');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-resync-'));
});
afterAll(async () => {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
  await after?.close();
  await before.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const input = (description: string) => ({ id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point' as const, coordinates: [6.16, 52.25] as [number, number] }, categoryCode: 'lighting', description, severity: 'low' as const });

const epochOf = async (s: SyncServer) => (await s.executor.query<{ epoch: string }>('SELECT epoch FROM server_epoch'))[0]!.epoch;

/** A device with its own Dexie database and engine, signed in as `user`, talking to whichever app is current. */
function device(user: TestUser, app: () => FastifyInstance, net: Network) {
  const db = openDb(`resync-${uuidv7()}`);
  dbs.push(db);
  const clientId = crypto.randomUUID();
  const engine = new SyncEngine({ db, fetch: (url, init) => injectFetch(app(), () => user.headers, net)(url, init), clientId: async () => clientId, isOnline: () => net.online });
  const actor: Actor = { id: user.id, roles: user.roles };
  return { db, engine, actor };
}

async function made<T extends { ok: boolean }>(p: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

describe('R35, R54-R56: a device that synced after the backup, against the restored server', () => {
  it('pulls everything again, offers what the server lost without overwriting what is newer there, and a second device gets it', async () => {
    let app: FastifyInstance = before.app;
    const net: Network = { online: true, loseNextPushAnswer: false };
    const anna = device(schouwer, () => app, net);

    // Synced before the backup.
    const kept = (await made(saveNewFinding(anna.db, input('voor de backup'), anna.actor))).finding;
    const contested = (await made(saveNewFinding(anna.db, input('betwist voor de backup'), anna.actor))).finding;
    await anna.engine.syncNow();
    expect(await anna.db.outbox.count()).toBe(0);
    const archive = path.join(work, 'backup.zip');
    await backup(archive, { db: before.executor, photos: new FsPhotoStore(before.photosDir) });
    const backupHead = (await before.store.sync.head()).head;

    // More writes after the backup, synced: the device's revision passes the backup's head.
    const lost = (await made(saveNewFinding(anna.db, input('na de backup'), anna.actor))).finding;
    await applyFindingCommandTo(anna.db, kept.id, { kind: 'change_description', description: 'na de backup gewijzigd' }, anna.actor);
    await applyFindingCommandTo(anna.db, contested.id, { kind: 'change_description', description: 'Anna na de backup' }, anna.actor);
    for (let i = 0; i < 5; i++) await applyFindingCommandTo(anna.db, lost.id, { kind: 'change_description', description: `na de backup ${i}` }, anna.actor);
    await anna.engine.syncNow();
    expect(await anna.db.outbox.count()).toBe(0);
    const deviceRevision = await storedRevision(anna.db);
    expect(deviceRevision).toBeGreaterThan(backupHead);
    expect((await anna.db.meta.get(EPOCH_KEY))?.value).toBe(await epochOf(before));

    // Offline, changes wait in the outbox: one on a record the server will have lost.
    net.online = false;
    await made(applyFindingCommandTo(anna.db, kept.id, { kind: 'change_severity', severity: 'high' }, anna.actor));
    await made(applyFindingCommandTo(anna.db, lost.id, { kind: 'change_severity', severity: 'high' }, anna.actor));
    expect(await anna.db.outbox.count()).toBe(2);

    // The instance is lost; the backup is restored into a new one, where Bert's device (new) syncs
    // first and changes the contested finding: his change is newer than what Anna's device lost.
    const executor = await freshPglite();
    await restore(archive, { db: executor, photos: new FsPhotoStore(path.join(work, 'photos')) });
    after = await startSyncServer({ executor });
    app = after.app;
    expect(await epochOf(after)).not.toBe(await epochOf(before));
    expect(await after.store.sync.head()).toEqual({ epoch: await epochOf(after), head: backupHead, restoredFrom: { epoch: await epochOf(before), head: backupHead } });
    const bert = device(colleague, () => app, { online: true, loseNextPushAnswer: false });
    await bert.engine.syncNow();
    await made(applyFindingCommandTo(bert.db, contested.id, { kind: 'change_description', description: 'Bert na het terugzetten' }, bert.actor));
    const bertsOwn = (await made(saveNewFinding(bert.db, input('na het terugzetten'), bert.actor))).finding;
    await bert.engine.syncNow();
    expect(await bert.db.outbox.count()).toBe(0);

    net.online = true;
    await anna.engine.syncNow();
    expect(anna.engine.getStatus()).toMatchObject({ state: 'idle', lastError: null });
    // Everything was pushed and accepted: the offers and the pending changes, none refused.
    expect(await anna.db.outbox.toArray()).toEqual([]);
    const server = await after.store.sync.pull(0, 10_000, testScope, tables(['findings']));
    const onServer = new Map(server.records.map((r) => [r.id, r.data]));
    // R55: the finding made after the backup is back whole, with its pending change on top.
    expect(onServer.get(lost.id)).toMatchObject({ description: 'na de backup 4', severity: 'high', createdBy: schouwer.id });
    // R55: the change made after the backup is back, and the pending one pushed on top.
    expect(onServer.get(kept.id)).toMatchObject({ description: 'na de backup gewijzigd', severity: 'high' });
    // R56: what the restored server changed since the restore stays; the device shows it too.
    expect(onServer.get(contested.id)).toMatchObject({ description: 'Bert na het terugzetten' });
    expect(await anna.db.findings.get(contested.id)).toMatchObject({ description: 'Bert na het terugzetten' });
    expect(onServer.get(bertsOwn.id)).toMatchObject({ description: 'na het terugzetten' });
    // The lost finding's history came back with it (R14: stored once).
    const lostEvents = (await after.store.sync.pull(0, 10_000, testScope, tables(['findings']))).events.filter((e) => e.event.findingId === lost.id);
    expect(lostEvents.filter((e) => e.event.kind === 'description_changed').map((e) => e.event.after)).toEqual(['na de backup 0', 'na de backup 1', 'na de backup 2', 'na de backup 3', 'na de backup 4']);

    // R35: converged: every record of the restored server is on the device as the server has it.
    for (const r of server.records) {
      expect(await anna.db.findings.get(r.id), r.id).toMatchObject(r.data);
      expect((await knownRecord(anna.db, 'findings', r.id))?.revision).toBe(r.revision);
    }
    expect(await storedRevision(anna.db)).toBe((await after.store.sync.head()).head);
    expect((await anna.db.meta.get(EPOCH_KEY))?.value).toBe(await epochOf(after));

    // The second device pulls the recovered records.
    await bert.engine.syncNow();
    expect(await bert.db.findings.get(lost.id)).toMatchObject({ description: 'na de backup 4', severity: 'high' });
    expect(await bert.db.findings.get(kept.id)).toMatchObject({ description: 'na de backup gewijzigd', severity: 'high' });
    expect(await bert.db.findings.get(contested.id)).toMatchObject({ description: 'Bert na het terugzetten' });
  });
});
