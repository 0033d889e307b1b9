import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityConfig } from '../../src/domain/municipality';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/Store';
import { wgs84ToRd } from '../../src/domain/coordsRd';
import { freshStore } from '../support/pglite';
import { square, tempDir, testBoundary, testMunicipality, testTiles, writeStaticDir } from '../support/fixtures';
import { area } from './store.contract';

const sq = (lon: number, lat: number, size = 0.01) => ({ type: 'Polygon', coordinates: [square(lon, lat, size)] });
const other: MunicipalityConfig = { ...testMunicipality, id: 'anderdorp', name: 'Anderdorp', areasFile: 'anderdorp.geojson' };

describe('area editing API', () => {
  let store: Store;
  let app: FastifyInstance;
  const statics = tempDir('schouwkaart-static-');

  beforeAll(async () => {
    writeStaticDir(statics.dir);
    store = await freshStore();
    await store.replaceAreas('testdorp', [
      area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never }),
      area('testdorp', 'zuid', { name: 'Zuid', geometry: sq(6.2, 52.23) as never }),
    ]);
    await store.replaceAreas('anderdorp', [area('anderdorp', 'dorp', { name: 'Dorp', geometry: sq(6.15, 52.22) as never })]);
    app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality, municipalities: [other] });
    // Stands in for a session: "id:role" in a test header (added after the auth layer's own session hook).
    app.addHook('onRequest', async (request) => {
      const h = request.headers['x-test-actor'];
      if (typeof h === 'string') {
        const [id, role] = h.split(':');
        request.actor = { id: id!, roles: [role as 'coordinator'], municipalities: { testdorp: [role as 'coordinator'], anderdorp: [role as 'coordinator'] } };
      }
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    statics.remove();
  });

  const as = (role: string | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { 'x-requested-with': 'schouwkaart', ...(role ? { 'x-test-actor': `${role}-1:${role}` } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const shape = (geometry: unknown, extra: Record<string, unknown> = {}) => ({ name: 'Noord', kind: 'street', kvoStatus: 'participating', geometry, reason: 'test', ...extra });
  const areaIds = async (m = 'testdorp') => ((await as(null, 'GET', `/api/areas?municipality=${m}`)).json().features as { id: string }[]).map((f) => f.id);

  it('only a coordinator may save: 401 without a session, 403 for another role', async () => {
    expect((await as(null, 'PUT', '/api/areas/noord', shape(sq(6.2, 52.25, 0.012)))).statusCode).toBe(401);
    for (const role of ['schouwer', 'partner', 'wijkbeheerder']) {
      expect((await as(role, 'PUT', '/api/areas/noord', shape(sq(6.2, 52.25, 0.012)))).statusCode).toBe(403);
      expect((await as(role, 'GET', '/api/areas/noord/versions')).statusCode).toBe(403);
    }
  });

  it('saves a new shape as a new version with who and why', async () => {
    const res = await as('coordinator', 'PUT', '/api/areas/noord', shape(sq(6.2, 52.25, 0.012), { reason: 'street added' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    const versions = (await as('coordinator', 'GET', '/api/areas/noord/versions')).json().versions;
    expect(versions.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([[2, 'changed'], [1, 'loaded']]);
    expect(versions[0]).toMatchObject({ actorId: 'coordinator-1', reason: 'street added' });
  });

  it('refuses an overlap with 422, both names and the shared ground; nothing changes', async () => {
    const before = await store.listAreas('testdorp');
    const res = await as('coordinator', 'PUT', '/api/areas/zuid', shape(sq(6.2, 52.235, 0.02), { name: 'Zuid' }));
    expect(res.statusCode).toBe(422);
    const err = res.json().errors.find((e: { reason: string }) => e.reason === 'overlap');
    expect([err.area, err.other].sort()).toEqual(['Noord', 'Zuid']);
    expect(err.overlap.type).toMatch(/Polygon/);
    expect(await store.listAreas('testdorp')).toEqual(before);
    expect((await as('coordinator', 'GET', '/api/areas/zuid/versions')).json().versions).toHaveLength(1);
  });

  it('restoring an old version is a new version', async () => {
    const res = await as('coordinator', 'POST', '/api/areas/noord/restore', { version: 1, reason: 'back' });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(3);
    const versions = (await as('coordinator', 'GET', '/api/areas/noord/versions')).json().versions;
    expect(versions[0]).toMatchObject({ version: 3, action: 'restored', restoredFrom: 1 });
    expect(versions[0].area.geometry).toEqual(versions[2].area.geometry);
    expect((await as('coordinator', 'POST', '/api/areas/noord/restore', { version: 99 })).statusCode).toBe(404);
  });

  it('creates, retires (hidden from the map, kept in history), and keeps municipalities apart', async () => {
    const created = await as('coordinator', 'POST', '/api/areas?municipality=anderdorp', shape(sq(6.17, 52.22), { name: 'Nieuw Plein' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().id).toBe('nieuw-plein');
    expect(await areaIds('anderdorp')).toEqual(['dorp', 'nieuw-plein']);
    expect(await areaIds('testdorp')).toEqual(['noord', 'zuid']);
    expect((await as('coordinator', 'POST', '/api/areas?municipality=anderdorp', shape(sq(6.17, 52.22), { name: 'Nieuw Plein' }))).statusCode).toBe(409);
    expect((await as('coordinator', 'POST', '/api/areas/nieuw-plein/retire?municipality=anderdorp', { reason: 'closed' })).statusCode).toBe(200);
    expect(await areaIds('anderdorp')).toEqual(['dorp']);
    expect((await as('coordinator', 'GET', '/api/areas/nieuw-plein/versions?municipality=anderdorp')).json().versions[0]).toMatchObject({ action: 'retired', retired: true });
    expect((await as(null, 'GET', '/api/areas?municipality=nergens')).statusCode).toBe(404);
    const config = (await as(null, 'GET', '/api/config')).json();
    expect(config.municipality.id).toBe('testdorp');
    expect(config.municipalities.map((m: { id: string }) => m.id)).toEqual(['testdorp', 'anderdorp']);
  });

  it('answers bad input with 400 or 422, never 500', async () => {
    const cases: [string, 'PUT' | 'POST', string, unknown][] = [
      ['no body', 'PUT', '/api/areas/noord', undefined],
      ['not an object', 'PUT', '/api/areas/noord', [1, 2]],
      ['geometry garbage', 'PUT', '/api/areas/noord', shape('x')],
      ['open ring', 'PUT', '/api/areas/noord', shape({ type: 'Polygon', coordinates: [[[6.2, 52.25], [6.21, 52.25], [6.21, 52.26], [6.2, 52.26]]] })],
      ['latitude 91', 'PUT', '/api/areas/noord', shape({ type: 'Polygon', coordinates: [[[6.2, 91], [6.21, 52.25], [6.21, 52.26], [6.2, 91]]] })],
      ['bad kind', 'PUT', '/api/areas/noord', shape(sq(6.2, 52.25), { kind: 'castle' })],
      ['restore without version', 'POST', '/api/areas/noord/restore', { version: 'one' }],
      ['import neither file', 'POST', '/api/areas/import', {}],
      ['import not geojson', 'POST', '/api/areas/import', { geojson: { hello: 1 } }],
      ['import bad zip', 'POST', '/api/areas/import', { shapefile: 'bm90IGEgemlw' }],
      ['apply nothing', 'POST', '/api/areas/import/apply', { features: [] }],
      ['apply a bad feature', 'POST', '/api/areas/import/apply', { features: [{ type: 'Feature' }] }],
    ];
    for (const [name, method, url, payload] of cases) {
      const res = await as('coordinator', method, url, payload);
      expect([400, 404, 422], `${name}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    }
    expect((await as('coordinator', 'PUT', '/api/areas/nergens', shape(sq(6.12, 52.21)))).statusCode).toBe(404);
  });

  it('imports GeoJSON in RD New with a preview (added/changed/refused) and applies it in one go', async () => {
    const rd = (g: { coordinates: number[][][] }) => ({ type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((p) => wgs84ToRd([p[0]!, p[1]!]))) });
    const geojson = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        { type: 'Feature', properties: { naam: 'Oost' }, geometry: rd(sq(6.24, 52.25)) },
        { type: 'Feature', properties: { name: 'Zuid', kind: 'centre' }, geometry: rd(sq(6.2, 52.23, 0.008)) },
        { type: 'Feature', properties: { name: 'Botsing' }, geometry: rd(sq(6.205, 52.255)) },
        { type: 'Feature', properties: { name: 'Buiten' }, geometry: rd(sq(6.5, 52.25)) },
        { type: 'Feature', properties: { name: 'Punt' }, geometry: { type: 'Point', coordinates: [200000, 470000] } },
      ],
    };
    const before = await store.listAreas('testdorp');
    const preview = await as('coordinator', 'POST', '/api/areas/import', { geojson, fileName: 'gebieden.geojson' });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.crs).toBe('rd');
    expect(body.items.map((i: { label: string; status: string }) => `${i.label}:${i.status}`)).toEqual(['Oost:added', 'Zuid:changed', 'Botsing:refused', 'Buiten:refused', 'Punt:refused']);
    expect(body.items[2].reasons[0]).toMatchObject({ reason: 'overlap', other: 'Noord' });
    expect(body.items[3].reasons[0].reason).toBe('outside_municipality');
    expect(await store.listAreas('testdorp')).toEqual(before);

    const accepted = body.items.filter((i: { status: string }) => i.status === 'added' || i.status === 'changed').map((i: { feature: unknown }) => i.feature);
    const applied = await as('coordinator', 'POST', '/api/areas/import/apply', { features: accepted, reason: 'import' });
    expect(applied.statusCode).toBe(200);
    expect(await areaIds()).toEqual(['noord', 'oost', 'zuid']);
    expect((await store.listAreas('testdorp')).find((a) => a.id === 'zuid')?.kind).toBe('centre');
    // Applying a set that overlaps now is refused as a whole.
    const clash = { ...accepted[0], properties: { ...accepted[0].properties, id: 'oost-2', name: 'Oost 2' } };
    const refused = await as('coordinator', 'POST', '/api/areas/import/apply', { features: [clash] });
    expect(refused.statusCode).toBe(422);
    expect(await areaIds()).toEqual(['noord', 'oost', 'zuid']);
  });

  it('exports the areas as GeoJSON', async () => {
    const res = await as(null, 'GET', '/api/areas/export?municipality=testdorp');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('testdorp-gebieden.geojson');
    expect(res.json().features.map((f: { id: string }) => f.id)).toEqual(['noord', 'oost', 'zuid']);
  });
});

void testBoundary;
