/**
 * Issue 16, trends on the public page (R46, R49): `GET /api/public/trends/:municipality[/:areaId]`
 * answers strangers only once the coordinator made the pages public (404 like the page), carries counts,
 * shares and grades only, and never a year's survey scores below that year's threshold or when the
 * year's results are not public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { CURRENT_FIXED_VERSION } from '../../../src/domain/survey/fixedQuestions';
import { amsterdamDate } from '../../../src/domain/overdue';
import { square } from '../../support/fixtures';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { area } from '../store.contract';

const YEAR = Number(amsterdamDate(new Date()).slice(0, 4));
const SECRET = 'Geheime-tekst-trends';
const POINT: [number, number] = [6.2034567, 52.2545678];
const json = { 'content-type': 'application/json' };
const sq = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [square(lon, lat)] });
let server: SyncServer;
let coordinator: TestUser;
let schouwer: TestUser;

/** `n` answer sets of one year in area `areaId`, each scoring `safeDay` with `score`. */
async function answers(year: number, areaId: string, n: number, score: number) {
  for (let i = 0; i < n; i++) {
    await server.executor.query(
      `INSERT INTO survey_answers (id, municipality, year, area_id, fixed_version, answers) VALUES ($1, 'testdorp', $2, $3, $4, $5::jsonb)`,
      [uuidv7(), year, areaId, CURRENT_FIXED_VERSION, JSON.stringify({ safeDay: score, remarks: SECRET })],
    );
  }
}

beforeAll(async () => {
  server = await startSyncServer();
  coordinator = await server.user(['coordinator']);
  schouwer = await server.user(['schouwer']);
  await server.store.replaceAreas('testdorp', [area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never }), area('testdorp', 'zuid', { name: 'Zuid', geometry: sq(6.3, 52.2) as never })]);
  const device = new TestDevice({ id: schouwer.id, roles: ['schouwer'] }, 'testdorp', POINT);
  const pushed = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...schouwer.headers, ...json }, payload: { mutations: [device.create({ description: SECRET }, new Date()).mutation] } });
  expect(pushed.json().results[0].status).toBe('accepted');
  // Last year frozen with a grade and participation counts.
  const cert = new TestDevice({ id: coordinator.id, roles: ['coordinator'] });
  const frozen = { at: `${YEAR - 1}-03-14T10:00:00.000Z`, score: { grade: 6.8, certified: true }, answers: {}, participation: { collectiveBan: { taking: 3, open: 5 } }, areaIds: ['noord'], shopIds: [] };
  const record = { id: `testdorp/noord/${YEAR - 1}`, municipality: 'testdorp', areaId: 'noord', year: YEAR - 1, answers: {}, frozen, updatedAt: new Date().toISOString() };
  const c = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...coordinator.headers, ...json }, payload: { mutations: [cert.mutation('certifications', record.id, record, [], null)] } });
  expect(c.json().results[0].status).toBe('accepted');
  // Surveys: two years ago enough answers but results not public; last year 6 answers (threshold 5); this year 5 answers under a threshold of 6.
  for (const [year, threshold, resultsPublic] of [[YEAR - 2, 5, false], [YEAR - 1, 5, true], [YEAR, 6, true]] as const) {
    await server.store.survey.saveSetup({ municipality: 'testdorp', year, fixedVersion: CURRENT_FIXED_VERSION, topical: [], threshold, resultsPublic }, coordinator.id);
  }
  await answers(YEAR - 2, 'noord', 7, 2);
  await answers(YEAR - 1, 'noord', 6, 4);
  await answers(YEAR, 'noord', 5, 1);
  await answers(YEAR, 'zuid', 2, 1);
}, 600_000);
afterAll(() => server?.close());

const get = (url: string, user?: TestUser) => server.app.inject({ method: 'GET', url, headers: user ? user.headers : {} });
type Year = { year: number; findings: number; grade: number | null; participation: Record<string, { taking: number; open: number }> | null; survey: { answers: number; means: Record<string, number> } | null };

describe('public trends', () => {
  it('answer strangers 404 while the pages are not public (members see them); an unknown area is 404', async () => {
    const hidden = await get('/api/public/trends/testdorp/noord');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toBe('not_public');
    expect(hidden.body).not.toContain('years');
    expect((await get('/api/public/trends/testdorp')).statusCode).toBe(404);
    expect((await get('/api/public/trends/testdorp/noord', schouwer)).statusCode).toBe(200);
    const on = await server.app.inject({ method: 'PUT', url: '/api/public-pages', headers: { ...coordinator.headers, ...json }, payload: { public: true } });
    expect(on.statusCode).toBe(200);
    expect((await get('/api/public/trends/testdorp/nergens')).statusCode).toBe(404);
    expect((await get('/api/public/trends/nergens')).statusCode).toBe(404);
  });

  it('show findings, grade and participation per year, and survey scores only for a public year at or over its threshold', async () => {
    const res = await get('/api/public/trends/testdorp/noord');
    expect(res.statusCode).toBe(200);
    const years = (res.json() as { years: Year[] }).years;
    const of = (y: number) => years.find((x) => x.year === y)!;
    expect(years.map((y) => y.year)).toContain(YEAR - 1);
    expect(of(YEAR).findings).toBe(1);
    expect(of(YEAR - 1)).toMatchObject({ grade: 6.8, participation: { collectiveBan: { taking: 3, open: 5 } } });
    expect(of(YEAR - 1).survey).toEqual({ answers: 6, means: { safeDay: 4 } });
    // This year: 5 answers under a threshold of 6: nothing, not even the count.
    expect(of(YEAR).survey).toBeNull();
    for (const body of [res.body, (await get('/api/public/trends/testdorp')).body]) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(String(POINT[0]));
      expect(body).not.toContain('coordinates');
      expect(body).not.toContain(schouwer.id);
    }
  });

  it('never show a year whose results are not public, even with enough answers', async () => {
    const years = ((await get('/api/public/trends/testdorp/noord')).json() as { years: Year[] }).years;
    expect(years.find((y) => y.year === YEAR - 2)?.survey ?? null).toBeNull();
    expect(JSON.stringify(years)).not.toContain('"safeDay":2');
  });

  it('the municipality counts every area: this year 7 answers reach the threshold of 6 there, though no area does', async () => {
    const town = (await get('/api/public/trends/testdorp')).json() as { area: null; years: Year[] };
    expect(town.area).toBeNull();
    const now = town.years.find((y) => y.year === YEAR)!;
    expect(now.survey).toEqual({ answers: 7, means: { safeDay: 1 } });
    expect(now.grade).toBeNull();
    const zuid = ((await get('/api/public/trends/testdorp/zuid')).json() as { years: Year[] }).years;
    expect(zuid.every((y) => y.survey === null)).toBe(true);
  });
});
