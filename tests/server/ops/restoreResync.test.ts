/**
 * R35 end to end: backup, more writes, restore into a new instance. A device that synced after the
 * backup (its revision is ahead of the restored server's) pulls everything again, converges with the
 * restored server, and its pending outbox still pushes.
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
import { TestDevice } from '../../support/syncMutations';
import { tables, testScope } from '../../support/syncScope';

let before: SyncServer;
let after: SyncServer | undefined;
let work: string;
let db: SchouwDb;
let schouwer: TestUser;
let colleague: TestUser;

beforeAll(async () => {
  before = await startSyncServer();
  schouwer = await before.user(['schouwer'], 'Schouwer Anna');
  // Made before the backup, so the account and its session come back with the restore.
  colleague = await before.user(['schouwer'], 'Schouwer Bert');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-resync-'));
  db = openDb(`resync-${uuidv7()}`);
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
  await after?.close();
  await before.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const input = (description: string) => ({ id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point' as const, coordinates: [6.16, 52.25] as [number, number] }, categoryCode: 'lighting', description, severity: 'low' as const });

const epochOf = async (s: SyncServer) => (await s.executor.query<{ epoch: string }>('SELECT epoch FROM server_epoch'))[0]!.epoch;

describe('R35: a device that synced after the backup, against the restored server', () => {
  it('pulls everything again, converges, and its pending change is pushed', async () => {
    let app: FastifyInstance = before.app;
    const net: Network = { online: true, loseNextPushAnswer: false };
    const base = () => injectFetch(app, () => schouwer.headers, net);
    const engine = new SyncEngine({ db, fetch: (url, init) => base()(url, init), clientId: async () => 'c3c7d6a4-93a5-4a39-8e47-3a1f1d7b6e01', isOnline: () => net.online });
    const actor: Actor = { id: schouwer.id, roles: schouwer.roles };

    // Synced before the backup.
    const kept = await saveNewFinding(db, input('voor de backup'), actor);
    if (!kept.ok) throw new Error(kept.reason);
    await engine.syncNow();
    expect(await db.outbox.count()).toBe(0);
    const archive = path.join(work, 'backup.zip');
    await backup(archive, { db: before.executor, photos: new FsPhotoStore(before.photosDir) });
    const backupHead = (await before.store.sync.head()).head;

    // More writes after the backup, synced: the device's revision passes the backup's head.
    const lost = await saveNewFinding(db, input('na de backup'), actor);
    if (!lost.ok) throw new Error(lost.reason);
    await applyFindingCommandTo(db, kept.finding.id, { kind: 'change_description', description: 'na de backup gewijzigd' }, actor);
    for (let i = 0; i < 5; i++) await applyFindingCommandTo(db, lost.finding.id, { kind: 'change_description', description: `na de backup ${i}` }, actor);
    await engine.syncNow();
    expect(await db.outbox.count()).toBe(0);
    const deviceRevision = await storedRevision(db);
    expect(deviceRevision).toBeGreaterThan(backupHead);
    expect((await db.meta.get(EPOCH_KEY))?.value).toBe(await epochOf(before));

    // Offline, a change waits in the outbox.
    net.online = false;
    const pending = await applyFindingCommandTo(db, kept.finding.id, { kind: 'change_severity', severity: 'high' }, actor);
    if (!pending.ok) throw new Error(pending.reason);
    expect(await db.outbox.count()).toBe(1);

    // The instance is lost; the backup is restored into a new one, where another device writes first.
    const executor = await freshPglite();
    await restore(archive, { db: executor, photos: new FsPhotoStore(path.join(work, 'photos')) });
    after = await startSyncServer({ executor });
    expect(await epochOf(after)).not.toBe(await epochOf(before));
    expect((await after.store.sync.head()).head).toBe(backupHead);
    const made = new TestDevice({ id: colleague.id, roles: colleague.roles }).create({ description: 'na het terugzetten' });
    const pushed = await after.app.inject({ method: 'POST', url: '/api/sync/push', headers: colleague.headers, payload: { mutations: [made.mutation] } });
    expect(pushed.json().results[0].status).toBe('accepted');
    // The colleague's revision is below the device's: an ordinary pull since its revision would miss it.
    expect(pushed.json().results[0].revision).toBeLessThanOrEqual(deviceRevision);

    app = after.app;
    net.online = true;
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({ state: 'idle', lastError: null });
    // The pending change was pushed and accepted by the restored server.
    expect(await db.outbox.count()).toBe(0);
    const server = await after.store.sync.pull(0, 10_000, testScope, tables(['findings']));
    const onServer = new Map(server.records.map((r) => [r.id, r]));
    expect(onServer.get(kept.finding.id)?.data).toMatchObject({ description: 'voor de backup', severity: 'high' });
    // Converged: every record of the restored server is on the device as the server has it.
    for (const r of server.records) {
      const local = await db.findings.get(r.id);
      expect(local, r.id).toMatchObject(r.data);
      expect((await knownRecord(db, 'findings', r.id))?.revision).toBe(r.revision);
    }
    expect(await db.findings.get(made.finding.id)).toMatchObject({ description: 'na het terugzetten' });
    expect(await storedRevision(db)).toBe((await after.store.sync.head()).head);
    expect((await db.meta.get(EPOCH_KEY))?.value).toBe(await epochOf(after));
    // What the restored server lost stays on the device as it was (a pull never deletes).
    expect(onServer.has(lost.finding.id)).toBe(false);
    expect(await db.findings.get(lost.finding.id)).toMatchObject({ description: 'na de backup 4' });
  });
});
