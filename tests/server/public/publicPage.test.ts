/**
 * R49: the public pages per area and per municipality carry counts and grades only. Findings with a
 * tell-tale text, a photo and exact coordinates are pushed; neither page (nor the certificate's data)
 * holds any of them. Hidden until the coordinator makes the pages public, except to members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { square } from '../../support/fixtures';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { area } from '../store.contract';

let server: SyncServer;
let coordinator: TestUser;
let schouwer: TestUser;
const sq = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [square(lon, lat)] });
const json = { 'content-type': 'application/json' };
const SECRET = 'Geheime-tekst-van-de-schouw';
const PHOTO = 'ab'.repeat(32);
const POINT: [number, number] = [6.2034567, 52.2545678];
const year = new Date().getFullYear();

beforeAll(async () => {
  server = await startSyncServer();
  coordinator = await server.user(['coordinator']);
  schouwer = await server.user(['schouwer']);
  await server.store.replaceAreas('testdorp', [area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never })]);
  const device = new TestDevice({ id: schouwer.id, roles: ['schouwer'] }, 'testdorp', POINT);
  const mutations = [
    device.create({ description: SECRET, photoHashes: [PHOTO] }, new Date()).mutation,
    device.create({ description: `${SECRET} twee` }, new Date()).mutation,
  ];
  const pushed = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...schouwer.headers, ...json }, payload: { mutations } });
  expect(pushed.json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
  // A frozen, passing certification of this year (the coordinator's device pushes it as a record).
  const cert = new TestDevice({ id: coordinator.id, roles: ['coordinator'] });
  const frozen = { at: `${year}-03-14T10:00:00.000Z`, score: { grade: 7.4, certified: true }, answers: {}, participation: {}, areaIds: ['noord'], shopIds: [] };
  const record = { id: `testdorp/noord/${year}`, municipality: 'testdorp', areaId: 'noord', year, answers: {}, frozen, updatedAt: new Date().toISOString() };
  const c = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...coordinator.headers, ...json }, payload: { mutations: [cert.mutation('certifications', record.id, record, [], null)] } });
  expect(c.json().results[0].status).toBe('accepted');
});
afterAll(() => server?.close());

const get = (url: string, user?: TestUser) => server.app.inject({ method: 'GET', url, headers: user ? user.headers : {} });

describe('R49 public pages', () => {
  it('are hidden from strangers until the coordinator makes them public; members see them', async () => {
    expect((await get('/api/public/pages/testdorp/noord')).statusCode).toBe(404);
    expect((await get('/api/public/pages/testdorp')).statusCode).toBe(404);
    expect((await get('/api/public/pages/testdorp/noord', schouwer)).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'PUT', url: '/api/public-pages', headers: { ...schouwer.headers, ...json }, payload: { public: true } })).statusCode).toBe(403);
    const on = await server.app.inject({ method: 'PUT', url: '/api/public-pages', headers: { ...coordinator.headers, ...json }, payload: { public: true } });
    expect(on.statusCode).toBe(200);
    expect((await get('/api/public/pages/testdorp/noord')).statusCode).toBe(200);
    expect((await get('/api/public/pages/nergens')).statusCode).toBe(404);
  });

  it('show counts per theme, fixed per owner type, grade and certificate, and never a text, photo or exact point', async () => {
    const areaPage = await get('/api/public/pages/testdorp/noord');
    const town = await get('/api/public/pages/testdorp');
    const cert = await get(`/api/public/certificates/testdorp/noord/${year}`);
    expect(areaPage.statusCode).toBe(200);
    expect(town.statusCode).toBe(200);
    expect(cert.statusCode).toBe(200);
    const page = areaPage.json();
    expect(page.schouw.found).toEqual({ sociale_veiligheid: 2 });
    expect(page.schouw.totalFound).toBe(2);
    expect(page.grade).toBe(7.4);
    expect(page.certificate).toMatchObject({ year, validFrom: `${year}-03-14`, validUntil: `${year + 3}-03-13` });
    expect(town.json().schouw.totalFound).toBe(2);
    for (const body of [areaPage.body, town.body, cert.body]) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(PHOTO);
      expect(body).not.toContain('photo');
      expect(body).not.toContain(String(POINT[0]));
      expect(body).not.toContain(String(POINT[1]));
      expect(body).not.toContain('6.20345');
      expect(body).not.toContain(schouwer.id);
      expect(body).not.toContain('coordinates');
    }
  });

  it('a certificate exists only for a frozen passing year', async () => {
    expect((await get(`/api/public/certificates/testdorp/noord/${year - 1}`)).statusCode).toBe(404);
    expect((await get('/api/public/certificates/testdorp/nergens/2026')).statusCode).toBe(404);
    expect((await get('/api/public/certificates/testdorp/noord/abc')).statusCode).toBe(404);
  });
});
