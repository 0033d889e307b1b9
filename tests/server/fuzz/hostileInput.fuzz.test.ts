/**
 * Seeded fuzz of the write routes with hostile values (issue 12): NUL, lone surrogates, deep nesting,
 * huge strings, NaN/Infinity, far-away points, unknown codes, prototype keys. Each case asserts: no
 * 5xx, nothing stored from a refused request, and (push) never `retry` for bad input, so no device
 * queue can stick (SPEC R19, R24). The seed is printed; FUZZ_SEED=<n> replays one run.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../../src/server/auth/tokens';
import type { PushResponse } from '../../../src/sync/protocol';
import { areaFeature, square } from '../../support/fixtures';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';
import { area } from '../store.contract';
import { tables, testScope } from '../../support/syncScope';
import { rng } from '../../support/rng';
import { v7 as uuidv7 } from 'uuid';
import { CURRENT_FIXED_VERSION } from '../../../src/domain/survey/fixedQuestions';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const PUSH_CASES = Number(process.env.FUZZ_PUSH_CASES ?? 200);
const ROUTE_CASES = Number(process.env.FUZZ_ROUTE_CASES ?? 40);


// Raw JSON text for values JSON.stringify cannot write (NaN, Infinity, prototype keys, deep nesting).
const RAW = '\u0001raw:';
const hostile: (() => unknown)[] = [
  () => 'a\u0000b',
  () => 'a\ud800b',
  () => '\udc00',
  () => 'x'.repeat(200_000),
  () => `${RAW}NaN`,
  () => `${RAW}1e999`,
  () => `${RAW}-1e999`,
  () => `${RAW}${'['.repeat(5000)}${']'.repeat(5000)}`,
  () => `${RAW}{"__proto__": {"isAdmin": true}}`,
  () => `${RAW}{"constructor": {"prototype": {"isAdmin": true}}}`,
  () => ({ type: 'Point', coordinates: [139.69, 35.69] }),
  () => ({ type: 'Point', coordinates: [6.16, 52.25, ...new Array(5000).fill(0)] }),
  () => 'made_up_code',
  () => -1,
  () => 1e308,
  () => null,
  () => [],
  () => ({}),
  () => '',
  () => '🙂'.repeat(600),
];

function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => v).replace(new RegExp(`"${RAW.replace('\u0001', '\\\\u0001')}((?:[^"\\\\]|\\\\.)*)"`, 'g'), (_m, raw: string) => JSON.parse(`"${raw}"`) as string);
}

/** A copy of `base` with 1 to 3 values (at any depth) or keys replaced by hostile ones. */
function mutate(base: unknown, next: () => number): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const times = 1 + Math.floor(next() * 3);
  for (let t = 0; t < times; t++) {
    let node: Record<string, unknown> = copy;
    for (;;) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[Math.floor(next() * keys.length)]!;
      const child = node[key];
      if (child && typeof child === 'object' && next() < 0.6) {
        node = child as Record<string, unknown>;
        continue;
      }
      if (next() < 0.1) {
        node[`x\u0000${key}`] = node[key]; // a hostile key
      } else {
        node[key] = hostile[Math.floor(next() * hostile.length)]!();
      }
      break;
    }
  }
  return copy;
}

// A 1×1 PNG: the smallest real photo a shopkeeper could send.
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
/** The area's current worry link (a new one when a fuzz case revoked or replaced it). */
async function worryToken(): Promise<string> {
  const current = await server.store.worries.currentLink('testdorp', 'noord');
  if (current) return current.token;
  const token = `fuzz${Math.random().toString(36).slice(2)}${'x'.repeat(20)}`;
  return (await server.store.worries.newLink('testdorp', 'noord', token, coordinator.id)).token;
}

let server: SyncServer;
let app: FastifyInstance;
let schouwer: TestUser;
let coordinator: TestUser;
const sq = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [square(lon, lat)] });

beforeAll(async () => {
  console.log(`hostile input fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it)`);
  server = await startSyncServer();
  app = server.app;
  schouwer = await server.user(['schouwer']);
  coordinator = await server.user(['coordinator']);
  await server.store.replaceAreas('testdorp', [area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never })]);
  await server.store.survey.saveSetup({ municipality: 'testdorp', year: SURVEY_YEAR, fixedVersion: CURRENT_FIXED_VERSION, topical: [], threshold: 5, resultsPublic: true }, coordinator.id);
});

const SURVEY_YEAR = 2026;
/** A fresh open survey link (its shop need not exist: the flag write then has nothing to do). */
async function surveyToken(): Promise<string> {
  const token = newToken();
  await server.store.survey.addLinks('testdorp', SURVEY_YEAR, [{ id: uuidv7(), shopId: uuidv7(), tokenHash: hashToken(token) }]);
  return token;
}
const surveyAnswers = () => ({ safeDay: 3, shoplifting: true, bestMeasure: 'lighting', remarks: 'Donker bij de kerk' });
afterAll(() => server?.close());

async function snapshot(): Promise<string> {
  const pulled = await server.store.sync.pull(0, 100_000, testScope, tables(['findings', 'inspections', 'shops', 'certifications']));
  const users = await server.store.users.listUsers();
  const areas = await server.store.areaVersions.listAllAreas('testdorp');
  const survey = await server.executor.query(
    `SELECT (SELECT count(*)::int FROM survey_answers) AS answers, (SELECT string_agg(status || coalesce(draft::text, ''), ',' ORDER BY id) FROM survey_links) AS links,
            (SELECT string_agg(threshold || topical::text || results_public::text, ',') FROM survey_setups) AS setups`,
  );
  const worries = await server.store.worries.list('testdorp');
  return JSON.stringify([pulled.count, users.length, areas, survey, worries.map((w) => [w.id, w.state]), await server.store.publicPages.isPublic('testdorp')]);
}

describe(`hostile input fuzz (seed ${SEED})`, () => {
  it(`R24: ${PUSH_CASES} pushes of a finding with hostile values: never 5xx, never retry, only accepted ones stored`, async () => {
    const next = rng(SEED);
    for (let i = 0; i < PUSH_CASES; i++) {
      const device = new TestDevice(schouwer);
      const good = device.create().mutation;
      const bad = mutate({ changes: good.changes, events: good.events }, next) as { changes: unknown; events: unknown };
      const before = (await server.store.sync.pull(0, 100_000, testScope, tables(['findings']))).count;
      const payload = toJson({ mutations: [{ ...good, ...bad }] });
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...schouwer.headers, 'content-type': 'application/json' }, payload });
      const where = `seed ${SEED} case ${i}`;
      expect(res.statusCode, where).toBeLessThan(500);
      const after = (await server.store.sync.pull(0, 100_000, testScope, tables(['findings']))).count;
      if (res.statusCode !== 200) {
        expect(after, where).toBe(before);
        continue;
      }
      const [r] = (res.json() as PushResponse).results;
      expect(r!.status, where).not.toBe('retry');
      expect(after - before, where).toBe(r!.status === 'accepted' ? 2 : 0);
    }
  });

  const routes: { name: string; method: 'POST' | 'PUT'; url: string; user: () => TestUser | null; body: () => Promise<unknown> }[] = [
    { name: 'login', method: 'POST', url: '/api/auth/login', user: () => null, body: async () => ({ login: 'iemand', password: 'een lang wachtwoord' }) },
    {
      name: 'accept-invite',
      method: 'POST',
      url: '/api/auth/accept-invite',
      user: () => null,
      body: async () => {
        const token = newToken();
        await server.store.users.createInvite({ tokenHash: hashToken(token), roles: ['schouwer'], createdBy: null, expiresAt: new Date(Date.now() + 3600_000) });
        return { token, name: 'Nieuw', login: `nieuw${Math.random().toString(36).slice(2, 8)}`, password: 'de fiets staat bij de molen' };
      },
    },
    { name: 'area edit', method: 'PUT', url: '/api/areas/noord', user: () => coordinator, body: async () => ({ name: 'Noord', kind: 'street', kvoStatus: 'participating', geometry: sq(6.2, 52.25), reason: 'correctie' }) },
    { name: 'area restore', method: 'POST', url: '/api/areas/noord/restore', user: () => coordinator, body: async () => ({ version: 1, reason: 'terug' }) },
    { name: 'area import preview', method: 'POST', url: '/api/areas/import', user: () => coordinator, body: async () => ({ geojson: { type: 'FeatureCollection', features: [areaFeature('oost', 'Oost', square(6.25, 52.25))] } }) },
    { name: 'area import apply', method: 'POST', url: '/api/areas/import/apply', user: () => coordinator, body: async () => ({ features: [areaFeature('oost', 'Oost', square(6.25, 52.25))], reason: 'import' }) },
    // The survey (issue 16, SPEC.md R45): the public routes need no account; a new link per case.
    { name: 'survey open', method: 'POST', url: '/api/public/survey/open', user: () => null, body: async () => ({ token: await surveyToken() }) },
    { name: 'survey draft', method: 'PUT', url: '/api/public/survey/draft', user: () => null, body: async () => ({ token: await surveyToken(), answers: surveyAnswers() }) },
    { name: 'survey submit', method: 'POST', url: '/api/public/survey/submit', user: () => null, body: async () => ({ token: await surveyToken(), answers: surveyAnswers() }) },
    {
      name: 'survey set-up',
      method: 'PUT',
      url: '/api/survey',
      user: () => coordinator,
      body: async () => ({ year: SURVEY_YEAR, fixedVersion: CURRENT_FIXED_VERSION, threshold: 5, resultsPublic: true, topical: [{ id: 't1', kind: 'choice', text: { nl: 'Open op zondag?' }, options: [{ label: { nl: 'Ja' } }, { label: { nl: 'Nee' } }] }] }),
    },
    { name: 'survey links', method: 'POST', url: '/api/survey/links', user: () => coordinator, body: async () => ({ year: SURVEY_YEAR, shopIds: [uuidv7()] }) },
    { name: 'survey reissue', method: 'POST', url: '/api/survey/links/reissue', user: () => coordinator, body: async () => ({ year: SURVEY_YEAR, linkIds: [uuidv7()] }) },
    // Worries (R47) and the public pages (R49): the shopkeeper's routes are open to the internet.
    { name: 'worry link', method: 'POST', url: '/api/public/worry-link', user: () => null, body: async () => ({ token: await worryToken() }) },
    { name: 'worry submit', method: 'POST', url: '/api/public/worries', user: () => null, body: async () => ({ token: await worryToken(), point: [6.205, 52.255], categoryCode: 'lighting', text: 'Donker hoekje', photo: TINY_PNG }) },
    { name: 'worry link create', method: 'POST', url: '/api/worry-links', user: () => coordinator, body: async () => ({ areaId: 'noord' }) },
    { name: 'worry link revoke', method: 'POST', url: '/api/worry-links/revoke', user: () => coordinator, body: async () => ({ areaId: 'nergens' }) },
    { name: 'worry decision', method: 'POST', url: '/api/worries/0190a000-0000-7000-8000-000000000001/decision', user: () => coordinator, body: async () => ({ decision: 'reject' }) },
    { name: 'public pages switch', method: 'PUT', url: '/api/public-pages', user: () => coordinator, body: async () => ({ public: false }) },
  ];

  for (const [r, route] of routes.entries()) {
    it(`${route.name}: ${ROUTE_CASES} hostile bodies: never 5xx, a refused one changes nothing`, async () => {
      const next = rng(SEED + r + 1);
      for (let i = 0; i < ROUTE_CASES; i++) {
        const body = mutate(await route.body(), next);
        const before = await snapshot();
        const user = route.user();
        const res = await app.inject({
          method: route.method,
          url: route.url,
          // One address per case: the per-address limits (login, survey) would otherwise answer 429 to most cases.
          remoteAddress: `10.${r + 1}.${i >> 8}.${i & 255}`,
          headers: { ...(user ? user.headers : { 'x-requested-with': 'schouwkaart' }), 'content-type': 'application/json' },
          payload: toJson(body),
        });
        const where = `${route.name}, seed ${SEED} case ${i}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        if (res.statusCode >= 400) expect(await snapshot(), where).toBe(before);
      }
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }
});
