// Issue 15: backup and restore. A populated instance is backed up, restored into a new one (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set), and every table and photo is compared.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, backup, restore } from '../../../src/server/ops/backup';
import type { SqlExecutor } from '../../../src/server/store/executor';
import { PostgresExecutor } from '../../../src/server/store/PostgresExecutor';
import { FsPhotoStore } from '../../../src/server/sync/PhotoStore';
import { freshPglite } from '../../support/pglite';
import { openTestSchema } from '../../support/postgres';
import { startSyncServer, type SyncServer } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';

let server: SyncServer;
let work: string;
let archive: string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Every table as sorted JSON rows (schema_migrations included: the restored schema must match too);
 * not the epoch, which a restore makes anew (R35, checked on its own).
 */
async function snapshot(db: SqlExecutor): Promise<Record<string, string[]>> {
  const tables = await db.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'server_epoch' ORDER BY 1",
  );
  const out: Record<string, string[]> = {};
  for (const { t } of tables) {
    // applied_at is when a migration ran on that database, not content.
    const cols = t === 'schema_migrations' ? 'version, name, checksum' : '*';
    const rows = await db.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM (SELECT ${cols} FROM "${t}") x`);
    out[t] = rows.map((r) => r.j).sort();
  }
  return out;
}

async function photoFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const key of new FsPhotoStore(dir).list()) out[key] = sha((await new FsPhotoStore(dir).get(key))!);
  return out;
}

beforeAll(async () => {
  server = await startSyncServer();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-backup-'));
  archive = path.join(work, 'backup.zip');
  const schouwer = await server.user(['schouwer'], 'Schouwer Anna');
  const device = new TestDevice({ id: schouwer.id, roles: ['schouwer'] });
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
  const put = await server.app.inject({ method: 'PUT', url: `/api/photos/${sha(photo)}`, headers: { ...schouwer.headers, 'content-type': 'image/jpeg' }, payload: photo });
  expect(put.statusCode).toBe(201);
  const mutations = Array.from({ length: 12 }, (_, i) => device.create({ description: `Lamp kapot ${i}` }).mutation);
  const push = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: schouwer.headers, payload: { mutations } });
  expect(push.json().results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('a backup holds every table and photo with a manifest of counts and checksums', async () => {
    const m = await backup(archive, { db: server.executor, photos: new FsPhotoStore(server.photosDir) });
    expect(m.app).toBe('schouwkaart');
    expect(m.tables.sync_records!.rows).toBe(12);
    expect(m.tables.users!.rows).toBeGreaterThanOrEqual(2);
    expect(m.photos.count).toBeGreaterThanOrEqual(1);
    expect(Object.keys(m.photos.files)).toContain(Object.keys(await photoFiles(server.photosDir))[0]);
    expect(fs.existsSync(`${archive}.partial`)).toBe(false);
  });

  it('restored into a new PGlite instance, every table and photo is the same', async () => {
    const db = await freshPglite();
    const photosDir = path.join(work, 'photos-pglite');
    try {
      await restore(archive, { db, photos: new FsPhotoStore(photosDir) });
      expect(await snapshot(db)).toEqual(await snapshot(server.executor));
      expect(await photoFiles(photosDir)).toEqual(await photoFiles(server.photosDir));
      // R35: the restored database is another epoch, so devices of the old one pull everything again.
      const epoch = async (q: SqlExecutor) => (await q.query<{ epoch: string }>('SELECT epoch FROM server_epoch'))[0]!.epoch;
      expect(await epoch(db)).toMatch(/^[0-9a-f-]{36}$/);
      expect(await epoch(db)).not.toBe(await epoch(server.executor));
      // The revision counter came along: the next change gets a revision after every restored one.
      const [next] = await db.query<{ r: number }>('SELECT next_revision()::int AS r');
      const [max] = await server.executor.query<{ r: number }>('SELECT max(revision)::int AS r FROM sync_records');
      expect(next!.r).toBeGreaterThan(max!.r);
    } finally {
      await db.close();
    }
  });

  it('a non-empty target is refused and left as it was; --force replaces it', async () => {
    const db = await freshPglite();
    try {
      await restore(archive, { db, photos: new FsPhotoStore(path.join(work, 'photos-twice')) });
      await db.exec("UPDATE users SET display_name = 'changed after restore'");
      const before = await snapshot(db);
      const refused = await restore(archive, { db, photos: new FsPhotoStore(path.join(work, 'photos-twice')) }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BackupError);
      expect((refused as BackupError).refusal.code).toBe('not_empty');
      expect(await snapshot(db)).toEqual(before);
      await restore(archive, { db, photos: new FsPhotoStore(path.join(work, 'photos-twice')), force: true });
      expect(await snapshot(db)).toEqual(await snapshot(server.executor));
    } finally {
      await db.close();
    }
  });

  it('a damaged or foreign file is refused with a clear reason, and nothing is written', async () => {
    const db = await freshPglite();
    try {
      const bad = path.join(work, 'not-a-backup.zip');
      fs.writeFileSync(bad, 'just some text');
      const e1 = await restore(bad, { db, photos: new FsPhotoStore(path.join(work, 'photos-bad')) }).catch((e: unknown) => e);
      expect((e1 as BackupError).refusal.code).toBe('not_a_backup');
      const tables = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'users'");
      expect(tables).toEqual([]);
    } finally {
      await db.close();
    }
  });

  const url = process.env.TEST_DATABASE_URL;
  it.runIf(url)('a PGlite backup restores into PostgreSQL with the same tables and photos', async () => {
    const schema = await openTestSchema(url!);
    const db = await PostgresExecutor.open(url!, { schema: schema.name, max: 2 });
    const photosDir = path.join(work, 'photos-pg');
    try {
      await restore(archive, { db, photos: new FsPhotoStore(photosDir) });
      expect(await snapshot(db)).toEqual(await snapshot(server.executor));
      expect(await photoFiles(photosDir)).toEqual(await photoFiles(server.photosDir));
    } finally {
      await db.close();
      await schema.drop();
    }
  });
});
