import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { ImportCheckTimeout, checkImportOffThread } from '../../src/server/areas/importCheck';
import type { Store } from '../../src/server/store/Store';
import { freshStore } from '../support/pglite';
import { tempDir, testBoundary, testMunicipality, testTiles, writeStaticDir } from '../support/fixtures';

/** A closed ring of `n` vertices around a point inside testBoundary. */
function circle(n: number, lon = 6.2, lat = 52.25, r = 0.01): number[][] {
  const ring = Array.from({ length: n - 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / (n - 1);
    return [Math.round((lon + r * Math.cos(a)) * 1e7) / 1e7, Math.round((lat + r * Math.sin(a)) * 1e7) / 1e7];
  });
  return [...ring, ring[0]!];
}
const collection = (name: string, n: number) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name, kind: 'street', kvoStatus: 'participating' }, geometry: { type: 'Polygon', coordinates: [circle(n)] } }],
});

/** An app on a fresh store where a request with `x-test-actor` is a coordinator of testdorp; for one describe block. */
function coordinatorApp(): { app: () => FastifyInstance } {
  let store: Store;
  let app: FastifyInstance;
  const statics = tempDir('schouwkaart-static-');

  beforeAll(async () => {
    writeStaticDir(statics.dir);
    store = await freshStore();
    app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality });
    app.addHook('onRequest', async (request) => {
      if (request.headers['x-test-actor']) request.actor = { id: 'c-1', roles: ['coordinator'], municipalities: { testdorp: ['coordinator'] } };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    statics.remove();
  });
  return { app: () => app };
}

describe('area import limits (issue 12, defect 6)', () => {
  const server = coordinatorApp();

  const post = (url: string, payload: object) =>
    server.app().inject({ method: 'POST', url, headers: { 'x-requested-with': 'schouwkaart', 'x-test-actor': '1' }, payload });

  it('refuses a 50,000-vertex polygon with 400, naming the feature and its vertex count, for preview and apply', async () => {
    const big = collection('Reuzenwijk', 50_000);
    const preview = await post('/api/areas/import', { geojson: big });
    expect(preview.statusCode, preview.body).toBe(400);
    expect(preview.json()).toMatchObject({ error: 'too_many_vertices', message: expect.stringMatching(/"Reuzenwijk" has 50,000 vertices.*at most 20,000/) });

    const apply = await post('/api/areas/import/apply', { features: big.features.map((f) => ({ ...f, properties: { ...f.properties, id: 'reuzenwijk' } })), reason: 'x' });
    expect(apply.statusCode).toBe(400);
    expect(apply.json().message).toMatch(/"Reuzenwijk" has 50,000 vertices/);
    expect((await server.app().inject('/api/areas')).json().features).toEqual([]);
  });

  it('answers /api/health while a large preview is being checked (the check runs off the event loop)', async () => {
    const order: string[] = [];
    const preview = post('/api/areas/import', { geojson: collection('Grote wijk', 6_000) }).then((r) => {
      order.push('preview');
      return r;
    });
    // Let the preview reach its geometry check before health is asked.
    await new Promise((r) => setTimeout(r, 50));
    const health = server.app().inject('/api/health').then((r) => {
      order.push('health');
      return r;
    });
    const [p, h] = await Promise.all([preview, health]);
    expect(h.statusCode).toBe(200);
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ counts: { added: 1, refused: 0 } });
    expect(order).toEqual(['health', 'preview']);
  });

  it('answers /api/health while a large apply is being checked, and the apply then saves the area', async () => {
    const order: string[] = [];
    const features = collection('Grote wijk', 6_000).features.map((f) => ({ ...f, properties: { ...f.properties, id: 'grote-wijk', source: 'test' } }));
    const apply = post('/api/areas/import/apply', { features, reason: 'import' }).then((r) => {
      order.push('apply');
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const health = server.app().inject('/api/health').then((r) => {
      order.push('health');
      return r;
    });
    const [a, h] = await Promise.all([apply, health]);
    expect(h.statusCode).toBe(200);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ applied: [{ id: 'grote-wijk' }] });
    expect(order).toEqual(['health', 'apply']);
  });

  it('stops a check that passes its time limit (ImportCheckTimeout), so the route can refuse it', async () => {
    const job = { input: collection('Wijk', 15_000), raws: collection('Wijk', 15_000).features, all: [], boundary: testBoundary, source: 'test' };
    await expect(checkImportOffThread(job, 1)).rejects.toBeInstanceOf(ImportCheckTimeout);
  });
});

describe('area editing limit (issue 12, defect 6: the editor check runs on the request thread)', () => {
  const server = coordinatorApp();

  const send = (method: 'POST' | 'PUT', url: string, payload: object) =>
    server.app().inject({ method, url, headers: { 'x-requested-with': 'schouwkaart', 'x-test-actor': '1' }, payload });
  const shape = (n: number) => ({ name: 'Wijk', kind: 'street', kvoStatus: 'participating', geometry: { type: 'Polygon', coordinates: [circle(n)] }, reason: 'test' });

  it('refuses creating or saving an outline of more than 5,000 vertices with 400 at /geometry, and keeps the area as it was', async () => {
    const made = await send('POST', '/api/areas', { ...shape(200), id: 'wijk' });
    expect(made.statusCode, made.body).toBe(201);

    const create = await send('POST', '/api/areas', { ...shape(6_000), id: 'reus' });
    expect(create.statusCode).toBe(400);
    expect(create.json()).toMatchObject({ error: 'too_many_vertices', issues: [{ path: '/geometry', message: expect.stringMatching(/6,000 vertices.*at most 5,000/) }] });

    const save = await send('PUT', '/api/areas/wijk', shape(6_000));
    expect(save.statusCode).toBe(400);
    expect(save.json().issues[0].path).toBe('/geometry');

    const areas = (await server.app().inject('/api/areas')).json().features as { properties: { id: string }; geometry: { coordinates: number[][][] } }[];
    expect(areas.map((f) => f.properties.id)).toEqual(['wijk']);
    expect(areas[0]!.geometry.coordinates[0]).toHaveLength(200);
  });

  it('saves an outline of 5,000 vertices', async () => {
    const save = await send('PUT', '/api/areas/wijk', shape(5_000));
    expect(save.statusCode, save.body.slice(0, 300)).toBe(200);
  });
});
