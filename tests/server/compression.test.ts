/** Compressed answers (SPEC.md R24): the right Content-Encoding, and the same bytes after decoding. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { chooseEncoding } from '../../src/server/compression';
import type { SqlStore } from '../../src/server/store/SqlStore';
import { freshStore } from '../support/pglite';
import { tempDir, testMunicipality, testTiles, writeStaticDir } from '../support/fixtures';
import { startSyncServer, type SyncServer, type TestUser } from '../support/syncServer';
import { TestDevice } from '../support/syncMutations';

const statics = tempDir('schouwkaart-compress-');
const bigJs = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `{"id":${i},"name":"gebied ${i}"}`).join(',')}];\n`;
let store: SqlStore;
let app: FastifyInstance;
let server: SyncServer;
let user: TestUser;

function decode(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  return body;
}

beforeAll(async () => {
  writeStaticDir(statics.dir);
  fs.writeFileSync(path.join(statics.dir, 'assets', 'big-AbC123.js'), bigJs);
  fs.writeFileSync(path.join(statics.dir, 'index.html'), `<!doctype html><title>Schouwkaart</title>${'<p>shell</p>'.repeat(200)}`);
  // The build's own step makes the .br/.gz copies.
  const run = spawnSync(process.execPath, ['scripts/precompress.mjs', statics.dir], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  store = await freshStore();
  app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality });
  await app.ready();
  server = await startSyncServer();
  user = await server.user(['schouwer']);
  const device = new TestDevice(user);
  const mutations = Array.from({ length: 20 }, (_, i) => device.create({ description: `bevinding ${i}` }).mutation);
  await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...user.headers, 'content-type': 'application/json' }, payload: { mutations } });
});
afterAll(async () => {
  await app.close();
  await store.close();
  await server.close();
  statics.remove();
});

describe('compressed answers', () => {
  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=1, br;q=0', 'gzip'],
    ['identity', null],
    ['', null],
    [undefined, null],
    ['*', 'br'],
  ] as const)('R27: Accept-Encoding %j chooses %j', (accept, expected) => {
    expect(chooseEncoding(accept)).toBe(expected);
  });

  it.each([['br'], ['gzip']])('R27: a built JS file is served precompressed with %s and decodes to the same bytes', async (enc) => {
    const res = await app.inject({ url: '/assets/big-AbC123.js', headers: { 'accept-encoding': enc } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(enc);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(bigJs.length / 4);
    expect(decode(enc, res.rawPayload).toString()).toBe(bigJs);
  });

  it('R27: the app shell comes compressed too; a client that accepts nothing gets the plain bytes', async () => {
    const shell = fs.readFileSync(path.join(statics.dir, 'index.html'), 'utf8');
    const br = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(decode('br', br.rawPayload).toString()).toBe(shell);
    // A client-side route gets the same shell, compressed.
    const route = await app.inject({ url: '/gebied/binnenstad', headers: { 'accept-encoding': 'gzip', accept: 'text/html' } });
    expect(route.headers['content-encoding']).toBe('gzip');
    expect(decode('gzip', route.rawPayload).toString()).toBe(shell);
    const plain = await app.inject({ url: '/assets/big-AbC123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(bigJs);
  });

  it.each([['br'], ['gzip']])('R27: a large JSON answer (pull) is compressed with %s and decodes to the same JSON', async (enc) => {
    const plain = await server.app.inject({ url: '/api/sync/pull?since=0', headers: user.headers });
    const packed = await server.app.inject({ url: '/api/sync/pull?since=0', headers: { ...user.headers, 'accept-encoding': enc } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe(enc);
    expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
    expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(decode(enc, packed.rawPayload).toString()).toBe(plain.payload);
    expect((JSON.parse(plain.payload) as { records: unknown[] }).records).toHaveLength(20);
  });

  it('R27: a small JSON answer goes out as it is', async () => {
    const res = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toMatchObject({ ok: true });
  });
});
