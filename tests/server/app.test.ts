import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientConfigSchema } from '../../src/services/config';
import { areaFeatureSchema } from '../../src/domain/area';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/Store';
import { area } from './store.contract';
import { freshStore } from '../support/pglite';
import { tempDir, testMunicipality, testTiles, writeStaticDir } from '../support/fixtures';

describe('HTTP app', () => {
  let store: Store;
  let app: FastifyInstance;
  const statics = tempDir('schouwkaart-static-');

  beforeAll(async () => {
    writeStaticDir(statics.dir);
    store = await freshStore();
    await store.replaceAreas('testdorp', [
      area('testdorp', 'noord', { approximate: true }),
      area('testdorp', 'centrum', { name: 'Centrum', kind: 'centre', kvoStatus: 'certified' }),
    ]);
    await store.replaceAreas('elders', [area('elders', 'ander')]);
    const testRoutes = { 'POST /api/__test/schema': 'open', 'POST /api/__test/zod': 'open', 'GET /api/__test/boom': 'open' } as const;
    app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality, auth: { extraAccess: testRoutes } });

    // Test-only routes, to exercise the error handler on input (the app has no POST route yet).
    app.post('/api/__test/schema', { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } }, async () => ({ ok: true }));
    app.post('/api/__test/zod', async (request) => {
      z.object({ name: z.string(), items: z.array(z.number()) }).parse(request.body);
      return { ok: true };
    });
    app.get('/api/__test/boom', async () => {
      throw new Error('secret internals at /srv/app.ts:12');
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
    statics.remove();
  });

  it('GET /api/health says ok and which database', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, db: 'pglite', database: 'reachable' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/health answers 503 when the database does not', async () => {
    const down = { ...store, kind: 'postgres', health: async () => ({ ok: false }) } as unknown as Store;
    const other = buildApp({ store: down, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality });
    const res = await other.inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, db: 'postgres', database: 'unreachable' });
    await other.close();
  });

  it('GET /api/health answers 503 "photos: not writable" when the photo folder cannot be written, and ok once it can', async () => {
    const tmp = tempDir('schouwkaart-photos-');
    // Root writes through chmod 0500, so a folder below a regular file stands in (it fails for everyone).
    const blocked = path.join(tmp.dir, 'a-file');
    fs.writeFileSync(blocked, 'not a folder');
    let photosDir = path.join(blocked, 'photos');
    if (process.getuid?.() !== 0) {
      photosDir = path.join(tmp.dir, 'photos');
      fs.mkdirSync(photosDir, { mode: 0o500 });
    }
    const other = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles, photosDir }, municipality: testMunicipality });
    const res = await other.inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ ok: false, db: 'pglite', database: 'reachable', photos: 'not writable' });
    await other.close();

    const fine = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles, photosDir: path.join(tmp.dir, 'ok-photos') }, municipality: testMunicipality });
    const good = await fine.inject('/api/health');
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ ok: true, database: 'reachable', photos: 'writable' });
    await fine.close();
    fs.chmodSync(tmp.dir, 0o700);
    if (fs.existsSync(path.join(tmp.dir, 'photos'))) fs.chmodSync(path.join(tmp.dir, 'photos'), 0o700);
    tmp.remove();
  });

  it('GET /api/areas is a FeatureCollection of this municipality only, not cacheable', async () => {
    const res = await app.inject('/api/areas');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { id: string }) => f.id)).toEqual(['centrum', 'noord']);
    expect(body.features[0]).toEqual({
      type: 'Feature',
      id: 'centrum',
      properties: { id: 'centrum', name: 'Centrum', kind: 'centre', kvoStatus: 'certified', source: 'test', approximate: false },
      geometry: area('x', 'x').geometry,
    });
    expect(body.features[1].properties.approximate).toBe(true);
    // What the client parses it with.
    for (const f of body.features) expect(areaFeatureSchema.safeParse(f).success).toBe(true);
  });

  it('GET /api/config gives the municipality and the three basemaps, in the shape the client parses', async () => {
    const res = await app.inject('/api/config');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(clientConfigSchema.parse(body)).toEqual(body);
    expect(body.municipality).toEqual({
      id: 'testdorp',
      name: 'Testdorp',
      center: [6.2, 52.25],
      zoom: 13,
      boundary: testMunicipality.boundary,
      attribution: 'Test boundary',
    });
    expect(body.basemaps.map((b: { id: string }) => b.id)).toEqual(['brt', 'brt-grey', 'luchtfoto']);
    expect(body.basemaps[0].url).toBe(testTiles.brt);
    expect(body.basemaps[1].url).toContain('/grijs/');
    expect(body.basemaps[2].url).toBe(testTiles.luchtfoto);
    for (const b of body.basemaps) expect(b.attribution).toMatch(/PDOK/);
  });

  it('unknown /api routes are a 404 in JSON, whatever the Accept header', async () => {
    for (const [method, accept] of [
      ['GET', 'text/html'],
      ['GET', 'application/json'],
      ['POST', '*/*'],
      ['DELETE', 'text/html'],
    ] as const) {
      const res = await app.inject({ method, url: '/api/nope', headers: { accept } });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'not_found' });
    }
  });

  it('malformed JSON is a 400 with a clear message, never a 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/__test/schema',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Brink",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_json', message: 'The request body is not valid JSON.' });

    const empty = await app.inject({ method: 'POST', url: '/api/__test/schema', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('invalid_json');
  });

  it('schema and zod validation errors are 400 invalid_input with paths', async () => {
    const schema = await app.inject({ method: 'POST', url: '/api/__test/schema', payload: { other: 1 } });
    expect(schema.statusCode).toBe(400);
    expect(schema.json()).toEqual({ error: 'invalid_input', issues: [{ path: '/name', message: expect.any(String) }] });

    const zod = await app.inject({ method: 'POST', url: '/api/__test/zod', payload: { name: 3, items: [1, 'x'] } });
    expect(zod.statusCode).toBe(400);
    const body = zod.json();
    expect(body.error).toBe('invalid_input');
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/items/1', '/name']);
  });

  it('a body over the limit is a 413, an unknown content type a 415', async () => {
    const big = await app.inject({ method: 'POST', url: '/api/__test/schema', payload: { name: 'x'.repeat(1024 * 1024 + 10) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('payload_too_large');

    const type = await app.inject({ method: 'POST', url: '/api/__test/schema', headers: { 'content-type': 'application/x-nope' }, payload: 'x' });
    expect(type.statusCode).toBe(415);
  });

  it('an unexpected error is a 500 {error:"internal"} without details', async () => {
    const res = await app.inject('/api/__test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal' });
    expect(res.body).not.toContain('secret');
  });

  it('serves the built app: index.html, sw.js and the manifest revalidate, hashed assets are immutable', async () => {
    const root = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('Schouwkaart test');
    expect(root.headers['cache-control']).toBe('no-cache');

    for (const file of ['/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await app.inject(file);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['cache-control'], file).toBe('no-cache');
    }
    expect((await app.inject('/sw.js')).headers['content-type']).toMatch(/javascript/);

    const asset = await app.inject('/assets/index-AbC123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.etag).toBeTruthy();
  });

  it('falls back to index.html for page routes, but not for missing files or non-HTML requests', async () => {
    const page = await app.inject({ url: '/gebied/centrum?x=1', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Schouwkaart test');
    expect(page.headers['cache-control']).toBe('no-cache');

    // A chunk an old shell still asks for must be a 404, not HTML posing as JavaScript.
    expect((await app.inject({ url: '/assets/gone-123.js', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/gebied/centrum', headers: { accept: 'application/json' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/gebied/centrum', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    // No escaping the static root.
    const traversal = await app.inject({ url: '/../package.json' });
    expect(traversal.body).not.toContain('"dependencies"');
  });

  it('sends security headers on every response', async () => {
    for (const url of ['/api/health', '/', '/api/nope', '/assets/index-AbC123.js']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toMatch(/img-src 'self' data: blob: https:/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
    }
  });

  it('allows tiles from a configured http origin (local tile servers in tests)', async () => {
    const local = buildApp({
      store,
      config: { staticDir: statics.dir, tiles: { ...testTiles, brt: 'http://127.0.0.1:9999/tiles/{z}/{x}/{y}.png' } },
      municipality: testMunicipality,
    });
    const csp = String((await local.inject('/api/health')).headers['content-security-policy']);
    expect(csp).toMatch(/img-src [^;]*http:\/\/127\.0\.0\.1:9999/);
    expect(csp).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:9999/);
    await local.close();
  });
});
