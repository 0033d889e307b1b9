import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { FsPhotoStore } from '../../../src/server/sync/PhotoStore';
import { S3PhotoStore } from '../../../src/server/sync/S3PhotoStore';
import { loadConfig } from '../../../src/server/config';
import { freshStore } from '../../support/pglite';
import { startLocalS3, type LocalS3 } from '../../support/s3server';
import { sessionHeaders, createUser } from '../../support/auth';
import { tempDir, testMunicipality, testTiles, writeStaticDir } from '../../support/fixtures';
import { photoStoreContract } from './photoStore.contract';

const dirs: string[] = [];
let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

photoStoreContract('folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-photostore-'));
  dirs.push(dir);
  return new FsPhotoStore(dir);
});

let prefixes = 0;
photoStoreContract(
  'S3 (s3rver on loopback)',
  async () => new S3PhotoStore({ bucket: s3.bucket, endpoint: s3.endpoint, prefix: `run${++prefixes}`, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }),
  { checksAtomicVisibility: false },
);

describe('photos in S3 through the API', () => {
  it('an upload lands in the bucket with its sizes; the original, thumbnail and view size are served, a missing one is 404', async () => {
    const store = await freshStore();
    const photos = new S3PhotoStore({ bucket: s3.bucket, endpoint: s3.endpoint, prefix: 'api', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const statics = tempDir('sk-s3-static-');
    writeStaticDir(statics.dir);
    const app = buildApp({ store, photoStore: photos, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality });
    try {
      const user = await createUser(store, ['schouwer']);
      const headers = await sessionHeaders(store, user.id);
      const jpeg = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#36c' } }).jpeg().toBuffer();
      const hash = createHash('sha256').update(jpeg).digest('hex');
      const put = await app.inject({ method: 'PUT', url: `/api/photos/${hash}`, headers: { ...headers, 'content-type': 'image/jpeg' }, payload: jpeg });
      expect(put.statusCode).toBe(201);
      const keys: string[] = [];
      for await (const k of photos.list()) keys.push(k);
      expect(keys.sort()).toEqual([hash, `${hash}.thumb`, `${hash}.view`].sort());
      for (const [size, longSide] of [['thumb', 320], ['view', 1600]] as const) {
        const res = await app.inject({ method: 'GET', url: `/api/photos/${hash}?size=${size}`, headers });
        expect(res.statusCode).toBe(200);
        expect((await sharp(res.rawPayload).metadata()).width).toBe(longSide);
      }
      const missing = await app.inject({ method: 'GET', url: `/api/photos/${'0'.repeat(64)}?size=thumb`, headers });
      expect(missing.statusCode).toBe(404);
    } finally {
      await app.close();
      await store.close();
      statics.remove();
      photos.close();
    }
  });

  it('PHOTO_STORE=s3 without a bucket, or with half the credentials, is refused at start with one line each', () => {
    expect(() => loadConfig({ PHOTO_STORE: 's3', S3_ACCESS_KEY_ID: 'x' })).toThrow(/S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
    expect(() => loadConfig({ PHOTO_STORE: 'ftp' })).toThrow(/PHOTO_STORE must be fs or s3/);
    expect(loadConfig({ PHOTO_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000' }).photoStore).toMatchObject({ kind: 's3', bucket: 'b', endpoint: 'http://127.0.0.1:9000' });
  });
});
