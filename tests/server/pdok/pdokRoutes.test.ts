/**
 * Issue 14: geocoding for the shop import and BAG premises per area, against the local fake PDOK
 * (tests/support/fakePdok.ts) on loopback. Coordinators of the municipality only (R30); a service that
 * fails answers 503 with a reason; an address asked once comes from the cache (migration 060).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MunicipalityConfig } from '../../../src/domain/municipality';
import { pdokServices } from '../../../src/server/pdok/services';
import { square, testMunicipality } from '../../support/fixtures';
import { bagId, startFakePdok, type FakeAddress, type FakePdok, type FakePremises } from '../../support/fakePdok';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { area } from '../store.contract';

const westland: MunicipalityConfig = { ...testMunicipality, id: 'westland', name: 'Westland', code: 'GM1783', boundary: { type: 'Polygon', coordinates: [square(4.1, 51.9, 0.3)] } as MunicipalityConfig['boundary'] };

const addr = (n: number, extra: Partial<FakeAddress>): FakeAddress => ({
  straat: 'Brink',
  huisnummer: n,
  postcode: '7411BT',
  woonplaats: 'Testdorp',
  gemeente: 'Testdorp',
  point: [6.2 + n * 0.0001, 52.25],
  nummeraanduidingId: bagId('na', n),
  adresseerbaarObjectId: bagId('vo', n),
  ...extra,
});
const addresses: FakeAddress[] = [
  addr(1, {}),
  addr(2, {}),
  addr(2, { huisletter: 'A', nummeraanduidingId: bagId('na', 102), adresseerbaarObjectId: bagId('vo', 102) }),
  // No plain 3: "3" has two candidates that score alike.
  addr(3, { huisletter: 'A', nummeraanduidingId: bagId('na', 103), adresseerbaarObjectId: bagId('vo', 103) }),
  addr(3, { huisletter: 'B', nummeraanduidingId: bagId('na', 203), adresseerbaarObjectId: bagId('vo', 203) }),
  // Another municipality only.
  addr(9, { postcode: '2671AA', woonplaats: 'Naaldwijk', gemeente: 'Westland', point: [4.2, 52.0] }),
];
const premises: FakePremises[] = Array.from({ length: 25 }, (_, i) => ({
  id: bagId('vo', 500 + i),
  point: [6.2005 + (i % 5) * 0.001, 52.2505 + Math.floor(i / 5) * 0.001] as [number, number],
  gebruiksdoel: i % 4 === 3 ? 'woonfunctie' : 'winkelfunctie',
  straat: 'Markt',
  huisnummer: i + 1,
  postcode: '7411AA',
  woonplaats: 'Testdorp',
}));

let fake: FakePdok;
let server: SyncServer;
let coordinator: TestUser;
let schouwer: TestUser;
let westlander: TestUser;

beforeAll(async () => {
  fake = await startFakePdok({ addresses, premises });
  const config = { locatieserverUrl: fake.locatieserverUrl, bagUrl: fake.bagUrl, ratePerSecond: 100, timeoutMs: 3000 };
  server = await startSyncServer({ municipality: testMunicipality, others: [westland], pdok: (store) => pdokServices(config, store) });
});
beforeAll(async () => {
  await server.store.replaceAreas('testdorp', [
    area('testdorp', 'brink', { geometry: { type: 'Polygon', coordinates: [square(6.2, 52.249, 0.002)] } as never }),
    area('testdorp', 'markt', { geometry: { type: 'Polygon', coordinates: [square(6.2, 52.25, 0.005)] } as never }),
  ].slice(1));
  coordinator = await server.user(['coordinator'], 'coordinator');
  schouwer = await server.user(['schouwer'], 'schouwer');
  westlander = await server.user(['coordinator'], 'westland', 'westland');
});
afterAll(async () => {
  await server.close();
  await fake.close();
});
beforeEach(() => {
  fake.setFault('locatieserver', null);
  fake.setFault('bag', null);
});

const geocode = (user: TestUser, rows: unknown[], municipality = 'testdorp') =>
  server.app.inject({ method: 'POST', url: `/api/geocode?municipality=${municipality}`, headers: user.headers, payload: { rows } });

describe('POST /api/geocode', () => {
  it('answers sure, unsure (several candidates, other municipality) and not found per row, with BAG ids and area', async () => {
    const res = await geocode(coordinator, [
      { row: 2, query: { postcode: '7411 bt', huisnummer: '1' } },
      { row: 3, query: { postcode: '7411BT', huisnummer: '3' } },
      { row: 4, query: { straat: 'Brink', huisnummer: '2', huisletter: 'a', plaats: 'Testdorp' } },
      { row: 5, query: { postcode: '2671AA', huisnummer: '9' } },
      { row: 6, query: { postcode: '7411BT', huisnummer: '77' } },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const results = (res.json() as { results: { row: number; status: string; why?: string; best: { bag: unknown; point: number[] } | null; candidates: unknown[]; areaId: string | null }[] }).results;
    expect(results.map((r) => [r.row, r.status, r.why ?? null])).toEqual([
      [2, 'sure', null],
      [3, 'unsure', 'several'],
      [4, 'sure', null],
      [5, 'unsure', 'other_municipality'],
      [6, 'not_found', null],
    ]);
    expect(results[0]!.best!.bag).toEqual({ nummeraanduidingId: bagId('na', 1), adresseerbaarObjectId: bagId('vo', 1) });
    expect(results[0]!.areaId).toBe('markt');
    expect(results[1]!.candidates).toHaveLength(2);
  });

  it('R43: asks an address once: the second time it comes from the cache (migration 060)', async () => {
    const before = fake.stats.locatieserver;
    const rows = [{ row: 2, query: { postcode: '7411BT', huisnummer: '1' } }];
    const first = await geocode(coordinator, [{ row: 2, query: { postcode: '7411 BT', huisnummer: '1', toevoeging: '' } }]);
    expect(first.statusCode).toBe(200);
    const again = await geocode(coordinator, rows);
    expect((again.json() as { cached: number }).cached).toBe(1);
    expect(fake.stats.locatieserver - before).toBeLessThanOrEqual(1);
  });

  it.each([
    ['500', { status: 500 as const }, 'server_error'],
    ['429 twice', { status: 429 as const, times: 2 }, 'rate_limited'],
    ['no answer', { hang: true }, 'timeout'],
  ])('a service that fails (%s) answers 503 geocoder_unavailable with its reason', async (_name, fault, reason) => {
    fake.setFault('locatieserver', fault);
    const res = await geocode(coordinator, [{ row: 2, query: { postcode: '7411BT', huisnummer: '55' } }]);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'geocoder_unavailable', reason });
  });

  it('waits out one 429 and then answers', async () => {
    fake.setFault('locatieserver', { status: 429, times: 1 });
    const res = await geocode(coordinator, [{ row: 2, query: { postcode: '7411BT', huisnummer: '56' } }]);
    expect(res.statusCode).toBe(200);
  });

  it('a slow answer within the timeout is fine', async () => {
    fake.setFault('locatieserver', { delayMs: 100 });
    const res = await geocode(coordinator, [{ row: 2, query: { postcode: '7411BT', huisnummer: '57' } }]);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { results: { status: string }[] }).results[0]!.status).toBe('not_found');
  });

  it('refuses a bad address naming the row and field', async () => {
    const res = await geocode(coordinator, [{ row: 7, query: { postcode: '12345', huisnummer: '1' } }]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: '/rows/0/query/postcode', message: 'row 7: invalid_postcode' }] });
  });

  it('R30: only coordinators, and only of that municipality', async () => {
    expect((await geocode(schouwer, [{ row: 2, query: { postcode: '7411BT', huisnummer: '1' } }])).statusCode).toBe(403);
    const other = await geocode(westlander, [{ row: 2, query: { postcode: '7411BT', huisnummer: '1' } }]);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: 'not_allowed_for_municipality' });
  });
});

describe('BAG premises', () => {
  const get = (user: TestUser, id = 'markt', municipality = 'testdorp') => server.app.inject({ method: 'GET', url: `/api/bag/areas/${id}/premises?municipality=${municipality}`, headers: user.headers });

  it('R43: fetches every page (rel=next), keeps the shop premises inside the outline and caches them with the date', async () => {
    // A page size of 1000 holds the fake's 25; paging is tested below with a smaller page.
    const before = fake.stats.bag;
    const res = await get(coordinator);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { premises: { id: string }[]; fetchedAt: string; source: string; attribution: string };
    // 25 objects, every fourth a dwelling; the outline (0.005 square) holds all columns and rows.
    expect(body.premises).toHaveLength(19);
    expect(body.source).toBe('pdok');
    expect(body.attribution).toMatch(/BAG/);
    expect(fake.stats.bag - before).toBe(1);
    const again = await get(coordinator);
    expect((again.json() as { source: string; fetchedAt: string }).source).toBe('cache');
    expect((again.json() as { fetchedAt: string }).fetchedAt).toBe(body.fetchedAt);
    expect(fake.stats.bag - before).toBe(1);
  });

  it('a BAG service that fails answers 503 and says when the cache was made', async () => {
    fake.setFault('bag', { status: 500 });
    const res = await server.app.inject({ method: 'POST', url: '/api/bag/areas/markt/refresh?municipality=testdorp', headers: coordinator.headers, payload: {} });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'bag_unavailable', reason: 'server_error' });
    expect((res.json() as { cachedAt?: string }).cachedAt).toBeTruthy();
  });

  it('premises in a box around an area (editor layer and proposal): shop premises in the box only; a box too large or malformed is 400', async () => {
    const url = (bbox: string, m = 'testdorp') => `/api/bag/premises?municipality=${m}&bbox=${bbox}`;
    const res = await server.app.inject({ method: 'GET', url: url('6.2,52.25,6.2026,52.252'), headers: coordinator.headers });
    expect(res.statusCode).toBe(200);
    // Columns 0-2 and rows 0-1 of the 5×5 grid: objects 0, 1, 2, 5, 6, 7, of which 7 is a dwelling.
    const ids = (res.json() as { premises: { id: string }[] }).premises.map((p) => p.id).sort();
    expect(ids).toEqual([500, 501, 502, 505, 506].map((n) => bagId('vo', n)));
    const big = await server.app.inject({ method: 'GET', url: url('6.0,52.0,6.5,52.5'), headers: coordinator.headers });
    expect(big.statusCode).toBe(400);
    expect(JSON.stringify(big.json())).toMatch(/bbox larger/);
    const bad = await server.app.inject({ method: 'GET', url: url('6.2,52.25,x,52.26'), headers: coordinator.headers });
    expect(bad.statusCode).toBe(400);
    const other = await server.app.inject({ method: 'GET', url: url('6.2,52.25,6.2022,52.2525'), headers: westlander.headers });
    expect(other.statusCode).toBe(403);
  });

  it('R43: the summary lists the cached premises per area and the decisions, without asking PDOK', async () => {
    await get(coordinator);
    const before = fake.stats.bag;
    const res = await server.app.inject({ method: 'GET', url: '/api/bag/summary?municipality=testdorp', headers: coordinator.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { areas: { areaId: string; premises: unknown[]; fetchedAt: string }[]; decisions: unknown[] };
    expect(body.areas.map((a) => [a.areaId, a.premises.length])).toEqual([['markt', 19]]);
    expect(fake.stats.bag).toBe(before);
    const sneak = await server.app.inject({ method: 'GET', url: '/api/bag/summary?municipality=testdorp', headers: schouwer.headers });
    expect(sneak.statusCode).toBe(403);
  });

  it('R42: decisions are kept per municipality (R30), taken back with null', async () => {
    const id = bagId('vo', 501);
    const put = await server.app.inject({ method: 'PUT', url: `/api/bag/decisions/${id}?municipality=testdorp`, headers: coordinator.headers, payload: { kind: 'horeca' } });
    expect(put.statusCode).toBe(200);
    const list = await server.app.inject({ method: 'GET', url: '/api/bag/decisions?municipality=testdorp', headers: coordinator.headers });
    expect((list.json() as { decisions: { premisesId: string; kind: string }[] }).decisions).toEqual([expect.objectContaining({ premisesId: id, kind: 'horeca' })]);
    const westlandList = await server.app.inject({ method: 'GET', url: '/api/bag/decisions?municipality=westland', headers: westlander.headers });
    expect((westlandList.json() as { decisions: unknown[] }).decisions).toEqual([]);
    const sneak = await server.app.inject({ method: 'GET', url: '/api/bag/decisions?municipality=testdorp', headers: westlander.headers });
    expect(sneak.statusCode).toBe(403);
    const bad = await server.app.inject({ method: 'PUT', url: `/api/bag/decisions/${id}?municipality=testdorp`, headers: coordinator.headers, payload: { kind: 'café' } });
    expect(bad.statusCode).toBe(400);
    const clear = await server.app.inject({ method: 'PUT', url: `/api/bag/decisions/${id}?municipality=testdorp`, headers: coordinator.headers, payload: { kind: null } });
    expect(clear.statusCode).toBe(200);
    const after = await server.app.inject({ method: 'GET', url: '/api/bag/decisions?municipality=testdorp', headers: coordinator.headers });
    expect((after.json() as { decisions: unknown[] }).decisions).toEqual([]);
  });
});
