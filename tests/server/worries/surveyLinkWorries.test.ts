/**
 * Issue 16, R53: a shop's personal survey link lets the shop pin a worry on its area's map, answered
 * or not, while the survey's year lasts; revoked, unknown, last year's and a shop outside every area get
 * a clear refusal and nothing is stored; the same per-link and per-address limits as an area's link; the
 * coordinator's moderation shows no shop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { amsterdamDate } from '../../../src/domain/overdue';
import { CURRENT_FIXED_VERSION } from '../../../src/domain/survey/fixedQuestions';
import { WORRY_LIMIT_PER_ADDRESS, WORRY_LIMIT_PER_LINK } from '../../../src/domain/worry';
import { hashToken } from '../../../src/server/auth/tokens';
import { square } from '../../support/fixtures';
import { pushAccepted, testShop } from '../../support/registerFixtures';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { area } from '../store.contract';

const YEAR = Number(amsterdamDate(new Date()).slice(0, 4));
const sq = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [square(lon, lat)] });
const json = { 'content-type': 'application/json' };
let server: SyncServer;
let coordinator: TestUser;
type Letter = { linkId: string; name: string; url: string };
let letters: Letter[] = [];
let lastYear: Letter[] = [];
const token = (name: string, from = letters) => from.find((l) => l.name === name)!.url.split('#')[1]!;

const api = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, user: TestUser | null = coordinator, ip = '198.51.100.1') =>
  server.app.inject({ method, url, remoteAddress: ip, headers: user ? { ...user.headers, ...json } : json, ...(payload !== undefined ? { payload: payload as object } : {}) });
const openLink = (t: string) => api('POST', '/api/public/worry-link', { token: t }, null);
const submit = (t: string, ip = '203.0.113.50', text = 'Kapotte lamp bij de ingang') =>
  api('POST', '/api/public/worries', { token: t, point: [6.205, 52.255], categoryCode: 'lighting', text }, null, ip);
const stored = async () => (await server.executor.query<{ n: number }>('SELECT count(*)::int AS n FROM worry_submissions'))[0]!.n;

beforeAll(async () => {
  server = await startSyncServer();
  coordinator = await server.user(['coordinator']);
  await server.store.replaceAreas('testdorp', [area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never })]);
  const shops = [testShop('Bakker Noord', 6.205, 52.255), testShop('Slager Noord', 6.206, 52.256), testShop('Buitenaf', 6.25, 52.255), testShop('Kapper Noord', 6.207, 52.257)];
  const office = new TestDevice(coordinator);
  await pushAccepted(server, coordinator, shops.map((s) => office.mutation('shops', s.id, { ...s }, [], null)));
  for (const year of [YEAR - 1, YEAR]) {
    expect((await api('PUT', '/api/survey', { year, fixedVersion: CURRENT_FIXED_VERSION, threshold: 5, resultsPublic: false, topical: [] })).statusCode).toBe(200);
  }
  lastYear = ((await api('POST', '/api/survey/links', { year: YEAR - 1 })).json() as { letters: Letter[] }).letters;
  letters = ((await api('POST', '/api/survey/links', { year: YEAR })).json() as { letters: Letter[] }).letters;
  expect(letters).toHaveLength(4);
}, 600_000);
afterAll(() => server?.close());

describe('a worry through a shop\'s survey link (R53)', () => {
  it('opens the map of the shop\'s area without naming the shop, and stores the worry tied to the hashed link only', async () => {
    const t = token('Bakker Noord');
    const res = await openLink(t);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ municipality: 'testdorp', via: 'survey', area: { id: 'noord', name: 'Noord' } });
    expect(res.body).not.toContain('Bakker');
    expect((await submit(t)).statusCode).toBe(201);
    const [row] = await server.executor.query<{ link_token: string; area_id: string }>('SELECT link_token, area_id FROM worry_submissions');
    expect(row).toEqual({ link_token: `survey:${hashToken(t)}`, area_id: 'noord' });
    const queue = await api('GET', '/api/worries?municipality=testdorp');
    expect(queue.json().worries).toHaveLength(1);
    expect(queue.body).not.toContain('Bakker');
    expect(queue.body).not.toContain(hashToken(t));
  });

  it('a spent link (survey answered) still reports worries this year', async () => {
    const t = token('Slager Noord');
    expect((await api('POST', '/api/public/survey/submit', { token: t, answers: { safeDay: 4 } }, null)).statusCode).toBe(200);
    expect((await openLink(t)).statusCode).toBe(200);
    expect((await submit(t, '203.0.113.51')).statusCode).toBe(201);
  });

  it('revoked, unknown and last year\'s links, and a shop outside every area: a clear 404, nothing stored', async () => {
    const kapper = letters.find((l) => l.name === 'Kapper Noord')!;
    expect((await api('POST', `/api/survey/links/${kapper.linkId}/revoke?municipality=testdorp`, {})).statusCode).toBe(200);
    const before = await stored();
    const cases: [string, string][] = [
      [token('Kapper Noord'), 'unknown_link'],
      ['A'.repeat(43), 'unknown_link'],
      [token('Bakker Noord', lastYear), 'unknown_link'],
      [token('Buitenaf'), 'outside_areas'],
    ];
    for (const [t, error] of cases) {
      const opened = await openLink(t);
      expect(opened.statusCode).toBe(404);
      expect(opened.json().error).toBe(error);
      const sent = await submit(t, '203.0.113.52');
      expect(sent.statusCode).toBe(404);
      expect(sent.json().error).toBe(error);
    }
    expect(await stored()).toBe(before);
  });

  it('is limited per address and per link like an area\'s link', async () => {
    const t = token('Bakker Noord');
    // Per address: the limit, then 429 (the first test sent one from another address).
    for (let i = 0; i < WORRY_LIMIT_PER_ADDRESS; i++) expect((await submit(t, '203.0.113.60', `Melding ${i}`)).statusCode).toBe(201);
    const tooMany = await submit(t, '203.0.113.60');
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.headers['retry-after']).toBeDefined();
    // Per link: fill the link's hour, then a fresh address is refused too.
    const used = (await server.executor.query<{ n: number }>('SELECT count(*)::int AS n FROM worry_submissions WHERE link_token = $1', [`survey:${hashToken(t)}`]))[0]!.n;
    for (let i = used; i < WORRY_LIMIT_PER_LINK; i++) {
      await server.executor.query(
        `INSERT INTO worry_submissions (id, municipality, area_id, link_token, client_key, point, category_code, text) VALUES ($1, 'testdorp', 'noord', $2, $3, '[6.205,52.255]'::jsonb, 'lighting', 'x')`,
        [uuidv7(), `survey:${hashToken(t)}`, `k${i}`],
      );
    }
    expect((await submit(t, '203.0.113.99')).statusCode).toBe(429);
    // Another shop's link is not touched by it.
    expect((await submit(token('Slager Noord'), '203.0.113.98')).statusCode).toBe(201);
  });
});
