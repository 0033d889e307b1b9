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
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { hashPassword } from '../../../src/server/auth/password';
import { areaCertificationId, programmeFreezeId, programmeResponseId } from '../../../src/domain/certificationRecord';
import { scoringTableRecordId } from '../../../src/domain/scoring/scoringTableRecord';
import { AREA_CERTIFICATION_TABLE } from '../../../src/domain/scoring/areaCertification';
import type { Mutation } from '../../../src/sync/protocol';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const PUSH_CASES = Number(process.env.FUZZ_PUSH_CASES ?? 200);
const ROUTE_CASES = Number(process.env.FUZZ_ROUTE_CASES ?? 40);
const KIND_CASES = Number(process.env.FUZZ_KIND_CASES ?? 40);


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

/** A path segment; a lone surrogate goes as the bytes a careless client would send (invalid UTF-8). */
function pathPart(text: string): string {
  return text.replace(/[\ud800-\udfff]/g, '\u0000SURROGATE').split('\u0000SURROGATE').map((p) => encodeURIComponent(p)).join('%ED%A0%80');
}

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
/** Changes their own password in the fuzz; their hash is set back to KNOWN_PASSWORD's before each case. */
let passwordUser: TestUser;
let retired = 0;
const KNOWN_PASSWORD = 'de molen draait bij harde wind';
let known: Promise<string> | undefined;
const knownHash = () => (known ??= hashPassword(KNOWN_PASSWORD));
async function newOrganisation(): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/owners', headers: coordinator.headers, payload: { name: `Organisatie ${uuidv7().slice(-8)}`, emails: ['org@test.nl'] } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { organisation: { id: string } }).organisation.id;
}
const sq = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [square(lon, lat)] });

beforeAll(async () => {
  console.log(`hostile input fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it)`);
  server = await startSyncServer();
  app = server.app;
  schouwer = await server.user(['schouwer']);
  coordinator = await server.user(['coordinator']);
  passwordUser = await server.user(['schouwer'], 'wachtwoord');
  await server.store.replaceAreas('testdorp', [area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never })]);
  await server.store.survey.saveSetup({ municipality: 'testdorp', year: SURVEY_YEAR, fixedVersion: CURRENT_FIXED_VERSION, topical: [], threshold: 5, resultsPublic: true }, coordinator.id);
}, 600_000);

const SURVEY_YEAR = 2026;
/** A fresh open survey link (its shop need not exist: the flag write then has nothing to do). */
async function surveyToken(): Promise<string> {
  const token = newToken();
  await server.store.survey.addLinks('testdorp', SURVEY_YEAR, [{ id: uuidv7(), shopId: uuidv7(), tokenHash: hashToken(token) }]);
  return token;
}
const surveyAnswers = () => ({ safeDay: 3, shoplifting: true, bestMeasure: 'lighting', remarks: 'Donker bij de kerk' });
afterAll(() => server?.close());

// What a refused request may still touch: counters and logs of attempts, decided mutations (R6), the
// sliding end of a session. Everything else must be byte for byte the same after a refused request.
const volatileTables = new Set(['revision_counter', 'sync_mutations', 'login_attempts', 'public_rate_windows', 'schema_migrations', 'worker_leases', 'server_epoch', 'sessions']);

/** Every table of the database, each as a digest of its rows, plus the sessions (who is logged in). */
async function snapshot(): Promise<string> {
  const names = (await server.executor.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r) => r.t).filter((t) => !volatileTables.has(t));
  const parts = names.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${t} x`);
  const rows = await server.executor.query(parts.join(' UNION ALL '));
  const sessions = await server.executor.query(`SELECT token_hash, user_id FROM sessions ORDER BY token_hash`);
  return JSON.stringify([rows, sessions, fs.readdirSync(server.photosDir, { recursive: true }).length]);
}

// Each route's 40 cases run one after the other against one server, and every import case starts its own
// worker thread (under tsx here): together longer than Vitest's default 60 s per test on two busy cores.
describe(`hostile input fuzz (seed ${SEED})`, { timeout: 600_000 }, () => {
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

  // Every synced kind the devices push, each a new record made the way the app makes it (R24, R32).
  const now = '2026-03-02T10:00:00.000Z';
  const flags = { partnershipMember: true, whatsappGroup: false, collectiveBan: false, nuisanceFee: false, surveyAnswered: false, newsletter: false, kvoApp: false };
  const kinds: { name: string; user: () => TestUser; make: (n: number) => Mutation }[] = [
    {
      name: 'shops',
      user: () => coordinator,
      make: () => {
        const id = uuidv7();
        return new TestDevice(coordinator).mutation('shops', id, { id, municipality: 'testdorp', name: 'Bakker', address: 'Markt 1', point: { type: 'Point', coordinates: [6.16, 52.25] }, sector: 'food', open: true, flags, shopChecks: [], visits: [], courses: [] }, [], null);
      },
    },
    {
      name: 'inspections',
      user: () => schouwer,
      make: () => {
        const id = uuidv7();
        return new TestDevice(schouwer).mutation('inspections', id, { id, municipality: 'testdorp', areaId: 'noord', startsAt: '2026-03-02T10:00', participants: [], notes: 'Route langs de markt', status: 'planned', createdAt: now, updatedAt: now }, [], null);
      },
    },
    {
      name: 'certifications: area answers',
      user: () => coordinator,
      make: (n) => {
        const id = areaCertificationId('testdorp', `gebied-${n}`, 2026);
        return new TestDevice(coordinator).mutation('certifications', id, { id, municipality: 'testdorp', areaId: `gebied-${n}`, year: 2026, answers: { q1: true, q2: null }, updatedAt: now }, [], null);
      },
    },
    {
      name: 'certifications: programme response',
      user: () => coordinator,
      make: (n) => {
        const id = programmeResponseId('testdorp', 2000 + n, 'police');
        return new TestDevice(coordinator).mutation('certifications', id, { id, municipality: 'testdorp', year: 2000 + n, respondent: 'police', answers: { q1: true }, evaluation: 'Goed overleg', updatedAt: now }, [], null);
      },
    },
    {
      name: 'certifications: programme freeze',
      user: () => coordinator,
      make: (n) => {
        const id = programmeFreezeId('testdorp', 2000 + n);
        return new TestDevice(coordinator).mutation('certifications', id, { id, municipality: 'testdorp', year: 2000 + n, at: now, tableVersion: 'v1', table: {}, respondents: { police: { q1: true } }, evaluations: { police: 'Goed' }, facts: {}, computed: {}, areaIds: ['noord'], score: { grade: 7.5 } }, [], null);
      },
    },
    {
      name: 'certifications: scoring table',
      user: () => coordinator,
      make: (n) => {
        const version = `kvo/area/${n}.${uuidv7().slice(0, 8)}`;
        const id = scoringTableRecordId('testdorp', 'area', version);
        return new TestDevice(coordinator).mutation('certifications', id, { id, municipality: 'testdorp', kind: 'area', version, basedOn: AREA_CERTIFICATION_TABLE.version, changed: ['q1.points'], why: 'Afspraak', createdBy: coordinator.id, createdAt: now, table: AREA_CERTIFICATION_TABLE }, [], null);
      },
    },
  ];
  const recordCount = async () => (await server.store.sync.pull(0, 100_000, testScope, tables(['findings', 'inspections', 'shops', 'certifications']))).count;

  for (const [k, kind] of kinds.entries()) {
    it(`R24: ${KIND_CASES} pushes of ${kind.name} with hostile values: never 5xx, never retry, only accepted ones stored`, async () => {
      const next = rng(SEED + 100 + k);
      for (let i = 0; i < KIND_CASES; i++) {
        // A case of a batch: the hostile mutation between two good ones; the good ones are decided as usual (R24).
        const good = kind.make(3 * i);
        const other = kind.make(3 * i + 1);
        const bad = { ...other, ...(mutate({ changes: other.changes }, next) as { changes: unknown }), clientId: good.clientId, seq: good.seq + 1 };
        const after = { ...kind.make(3 * i + 2), clientId: good.clientId, seq: good.seq + 2 };
        const before = await recordCount();
        const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...kind.user().headers, 'content-type': 'application/json' }, payload: toJson({ mutations: [good, bad, after] }) });
        const where = `${kind.name}, seed ${SEED} case ${i}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        if (res.statusCode !== 200) {
          // R19: a body nested too deep is refused whole, before any mutation is looked at.
          expect(res.statusCode, where).toBe(400);
          expect(await recordCount(), where).toBe(before);
          continue;
        }
        const results = (res.json() as PushResponse).results;
        expect(results.map((r) => r.status), where).not.toContain('retry');
        expect([results[0]!.status, results[2]!.status], where).toEqual(['accepted', 'accepted']);
        // Each accepted mutation made one record; a refused one nothing.
        expect((await recordCount()) - before, where).toBe(results.filter((r) => r.status === 'accepted').length);
        // Resent, the same answers (R6, R24): a refused one never turns into retry.
        const again = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...kind.user().headers, 'content-type': 'application/json' }, payload: toJson({ mutations: [good, bad, after] }) });
        expect((again.json() as PushResponse).results.map((r) => r.status), where).toEqual(results.map((r) => r.status));
      }
    });
  }

  /**
   * One write route: `url` is its pattern as registered (`/api/users/:id`); `params` gives good values for
   * its `:names`, fuzzed like the body (a hostile id in a path must be a 4xx too).
   */
  const routes: { name: string; method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; user: () => TestUser | null; body: () => Promise<unknown>; params?: () => Promise<Record<string, string>>; service?: true }[] = [
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
    { name: 'area edit', method: 'PUT', url: '/api/areas/:id', user: () => coordinator, params: async () => ({ id: 'noord' }), body: async () => ({ name: 'Noord', kind: 'street', kvoStatus: 'participating', geometry: sq(6.2, 52.25), reason: 'correctie' }) },
    { name: 'area restore', method: 'POST', url: '/api/areas/:id/restore', user: () => coordinator, params: async () => ({ id: 'noord' }), body: async () => ({ version: 1, reason: 'terug' }) },
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
    // Survey mail (R51, R52): a shop's business address, a file of them, sending and reminding.
    { name: 'survey mail address', method: 'PUT', url: '/api/survey/contacts/:shopId', user: () => coordinator, body: async () => ({ email: 'info@bakker.nl' }), params: async () => ({ shopId: uuidv7() }) },
    { name: 'survey mail address remove', method: 'DELETE', url: '/api/survey/contacts/:shopId', user: () => coordinator, body: async () => ({}), params: async () => ({ shopId: uuidv7() }) },
    { name: 'survey mail addresses file', method: 'POST', url: '/api/survey/contacts/import', user: () => coordinator, body: async () => ({ csv: 'naam;email\nBakker;info@bakker.nl\n' }) },
    { name: 'survey mail send', method: 'POST', url: '/api/survey/mail', user: () => coordinator, body: async () => ({ year: SURVEY_YEAR, reminder: true, closesOn: '2026-12-31' }) },
    // Worries (R47) and the public pages (R49): the shopkeeper's routes are open to the internet.
    { name: 'worry link', method: 'POST', url: '/api/public/worry-link', user: () => null, body: async () => ({ token: await worryToken() }) },
    { name: 'worry submit', method: 'POST', url: '/api/public/worries', user: () => null, body: async () => ({ token: await worryToken(), point: [6.205, 52.255], categoryCode: 'lighting', text: 'Donker hoekje', photo: TINY_PNG }) },
    { name: 'worry link create', method: 'POST', url: '/api/worry-links', user: () => coordinator, body: async () => ({ areaId: 'noord' }) },
    { name: 'worry link revoke', method: 'POST', url: '/api/worry-links/revoke', user: () => coordinator, body: async () => ({ areaId: 'nergens' }) },
    { name: 'worry decision', method: 'POST', url: '/api/worries/:id/decision', user: () => coordinator, body: async () => ({ decision: 'reject' }), params: async () => ({ id: '0190a000-0000-7000-8000-000000000001' }) },
    { name: 'public pages switch', method: 'PUT', url: '/api/public-pages', user: () => coordinator, body: async () => ({ public: false }) },
    { name: 'survey link revoke', method: 'POST', url: '/api/survey/links/:id/revoke', user: () => coordinator, body: async () => ({}), params: async () => ({ id: uuidv7() }) },
    // Accounts (issue 12): invites, people, settings, passwords; each case has its own target person.
    { name: 'invite create', method: 'POST', url: '/api/users/invites', user: () => coordinator, body: async () => ({ roles: ['schouwer'], municipality: 'testdorp', expiresInDays: 7 }) },
    {
      name: 'invite revoke',
      method: 'DELETE',
      url: '/api/users/invites/:id',
      user: () => coordinator,
      body: async () => ({}),
      params: async () => {
        const res = await app.inject({ method: 'POST', url: '/api/users/invites', headers: coordinator.headers, payload: { roles: ['schouwer'] } });
        return { id: (res.json() as { id: string }).id };
      },
    },
    { name: 'user patch', method: 'PATCH', url: '/api/users/:id', user: () => coordinator, body: async () => ({ roles: ['schouwer', 'wijkbeheerder'], disabled: false, organisation: 'Politie', municipality: 'testdorp' }), params: async () => ({ id: (await server.user(['schouwer'])).id }) },
    { name: 'user remove', method: 'POST', url: '/api/users/:id/remove', user: () => coordinator, body: async () => ({}), params: async () => ({ id: (await server.user(['schouwer'])).id }) },
    { name: 'user reset link', method: 'POST', url: '/api/users/:id/reset-link', user: () => coordinator, body: async () => ({ expiresInHours: 48 }), params: async () => ({ id: (await server.user(['schouwer'])).id }) },
    { name: 'settings', method: 'PATCH', url: '/api/settings', user: () => coordinator, body: async () => ({ partnersPublic: false }) },
    { name: 'retention policy', method: 'PUT', url: '/api/retention', user: () => coordinator, body: async () => ({ closedFindingYears: 3, certificationYears: 3 }) },
    {
      name: 'password change',
      method: 'POST',
      url: '/api/auth/password',
      user: () => passwordUser,
      body: async () => {
        await server.executor.query('UPDATE users SET password_hash = $2 WHERE id = $1', [passwordUser.id, await knownHash()]);
        return { current: KNOWN_PASSWORD, password: 'het paard eet geen komkommersla' };
      },
    },
    {
      name: 'password reset',
      method: 'POST',
      url: '/api/auth/reset-password',
      user: () => null,
      body: async () => {
        const target = await server.user(['schouwer']);
        const token = newToken();
        await server.store.users.createPasswordReset({ tokenHash: hashToken(token), userId: target.id, createdBy: null, expiresAt: new Date(Date.now() + 3600_000) });
        return { token, password: 'het paard eet geen komkommersla' };
      },
    },
    { name: 'setup', method: 'POST', url: '/api/auth/setup', user: () => null, body: async () => ({ token: newToken(), name: 'Eerste', login: 'eerste@test.nl', password: 'de fiets staat bij de molen' }) },
    { name: 'logout', method: 'POST', url: '/api/auth/logout', user: () => null, body: async () => ({}) },
    // Owner organisations and their members (src/server/mail/ownerRoutes.ts).
    { name: 'owner create', method: 'POST', url: '/api/owners', user: () => coordinator, body: async () => ({ name: `Woningstichting ${uuidv7().slice(-6)}`, emails: ['info@woning.test'] }) },
    {
      name: 'owner patch',
      method: 'PATCH',
      url: '/api/owners/:id',
      user: () => coordinator,
      body: async () => ({ name: `Beheer ${uuidv7().slice(-6)}`, emails: ['beheer@woning.test'], archived: false }),
      params: async () => ({ id: await newOrganisation() }),
    },
    {
      name: 'owner member',
      method: 'PUT',
      url: '/api/owners/members/:userId',
      user: () => coordinator,
      body: async () => ({ organisationId: await newOrganisation() }),
      params: async () => ({ userId: (await server.user(['wijkbeheerder'])).id }),
    },
    // Open data (src/server/pdok): without services configured every lookup is "unreachable" (503), never a 500.
    { name: 'geocode', service: true, method: 'POST', url: '/api/geocode', user: () => coordinator, body: async () => ({ rows: [{ row: 1, query: 'Brink 1, Deventer' }] }) },
    { name: 'bag refresh', service: true, method: 'POST', url: '/api/bag/areas/:id/refresh', user: () => coordinator, body: async () => ({}), params: async () => ({ id: 'noord' }) },
    { name: 'bag decision', service: true, method: 'PUT', url: '/api/bag/decisions/:premisesId', user: () => coordinator, body: async () => ({ kind: null }), params: async () => ({ premisesId: '0150010000012345' }) },
    // Areas: make one and retire another (the edit, restore and import cases are above).
    { name: 'area create', method: 'POST', url: '/api/areas', user: () => coordinator, body: async () => ({ id: `nieuw-${uuidv7().slice(-8)}`, name: 'Nieuw', kind: 'street', kvoStatus: 'participating', geometry: sq(6.22, 52.26), reason: 'nieuw gebied' }) },
    {
      name: 'area retire',
      method: 'POST',
      url: '/api/areas/:id/retire',
      user: () => coordinator,
      body: async () => ({ reason: 'opgeheven' }),
      params: async () => {
        const id = `weg-${uuidv7().slice(-8)}`;
        retired++;
        const made = await app.inject({ method: 'POST', url: '/api/areas', headers: coordinator.headers, payload: { id, name: `Weg ${retired}`, kind: 'street', kvoStatus: 'participating', geometry: { type: 'Polygon', coordinates: [square(6.1 + 0.002 * retired, 52.2, 0.001)] }, reason: 'tijdelijk' } });
        expect(made.statusCode, made.body).toBeLessThan(300);
        return { id };
      },
    },
  ];

  for (const [r, route] of routes.entries()) {
    it(`${route.name}: ${ROUTE_CASES} hostile bodies: never 5xx, a refused one changes nothing`, async () => {
      const next = rng(SEED + r + 1);
      for (let i = 0; i < ROUTE_CASES; i++) {
        const made = mutate({ body: await route.body(), params: (await route.params?.()) ?? {} }, next) as { body: unknown; params: Record<string, unknown> };
        const body = made.body;
        const url = route.url.replace(/:([a-zA-Z]+)/g, (_m, name: string) => pathPart(String(typeof made.params === 'object' && made.params ? made.params[name] : made.params)));
        const before = await snapshot();
        const user = route.user();
        const res = await app.inject({
          method: route.method,
          url,
          // One address per case: the per-address limits (login, survey) would otherwise answer 429 to most cases.
          remoteAddress: `10.${r + 1}.${i >> 8}.${i & 255}`,
          headers: { ...(user ? user.headers : { 'x-requested-with': 'schouwkaart' }), 'content-type': 'application/json' },
          payload: toJson(body),
        });
        const where = `${route.name}, seed ${SEED} case ${i}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        // An open-data route may say its service is unreachable (503, none is configured here); nothing else is 5xx.
        expect(route.service && res.statusCode === 503 ? 0 : res.statusCode, where).toBeLessThan(500);
        if (res.statusCode >= 400) expect(await snapshot(), where).toBe(before);
      }
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }

  it(`PUT /api/photos/:sha256: ${ROUTE_CASES} hostile uploads (bytes, hash, headers): never 5xx, nothing stored from a refused one`, async () => {
    const next = rng(SEED + 1000);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).jpeg().toBuffer();
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#3c3' } }).png().toBuffer();
    // A PNG header that claims 16,000 × 16,000 pixels (the rest is junk): never decoded.
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(16_000, 16);
    bomb.writeUInt32BE(16_000, 20);
    const bytes: (() => Buffer)[] = [
      () => jpeg,
      () => png,
      () => jpeg.subarray(0, Math.max(4, Math.floor(next() * jpeg.length))), // cut off anywhere after the magic
      () => Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(200, 0xff)]),
      () => Buffer.concat([png.subarray(0, 33), Buffer.from('IDATjunkjunkjunk')]),
      () => bomb,
      () => Buffer.from('GIF89a\u0000\u0000'),
      () => Buffer.from('{"__proto__": {"isAdmin": true}}'),
      () => Buffer.alloc(0),
      () => Buffer.from([0xff, 0xd8, 0xff]),
      () => Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '),
      () => Buffer.from(Array.from({ length: 512 }, () => Math.floor(next() * 256))),
    ];
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const hashes: ((b: Buffer) => string)[] = [
      (b) => sha(b),
      (b) => sha(b),
      (b) => sha(b).toUpperCase(),
      (b) => sha(b).slice(0, 63),
      (b) => `${sha(b)}0`,
      () => '0'.repeat(64),
      (b) => encodeURIComponent(`${sha(b).slice(0, 32)}\u0000${sha(b).slice(33)}`),
      (b) => encodeURIComponent(`${sha(b).slice(0, 32)}\ud800${sha(b).slice(33)}`.replace('\ud800', '')) + '%ED%A0%80',
      () => '..%2F..%2Fetc%2Fpasswd',
      () => '__proto__',
      () => 'constructor',
      () => 'x'.repeat(5000),
    ];
    const types = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream', 'application/json', 'text/plain', 'image/jpeg; charset=utf-8', 'multipart/form-data; boundary=x', undefined];
    for (let i = 0; i < ROUTE_CASES; i++) {
      const body = pick(bytes)();
      const hash = pick(hashes)(body);
      const type = pick(types);
      const extra = next() < 0.2 ? { 'content-encoding': pick(['gzip', 'br', 'deflate', 'x-nonsense']) } : {};
      const before = await snapshot();
      const res = await app.inject({ method: 'PUT', url: `/api/photos/${hash}`, headers: { ...schouwer.headers, ...(type ? { 'content-type': type } : {}), ...extra }, payload: body });
      const where = `photo, seed ${SEED} case ${i}: ${hash.slice(0, 80)} ${type} ${JSON.stringify(extra)} ${body.length} bytes: ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, where).toBeLessThan(500);
      if (res.statusCode >= 400) expect(await snapshot(), where).toBe(before);
    }
  });

  it('covers every write route of the app: a new POST/PUT/PATCH/DELETE route must be added to this fuzz', () => {
    const covered = new Set([...routes.map((r) => `${r.method} ${r.url}`), 'POST /api/sync/push', 'PUT /api/photos/:sha256']);
    const writes = [...app.apiRoutes.keys()].filter((k) => /^(POST|PUT|PATCH|DELETE) /.test(k));
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter((k) => !covered.has(k))).toEqual([]);
    // And every synced kind a device pushes (SPEC.md R16; areas are not synced by push).
    expect(new Set(['findings', ...kinds.map((k) => k.name.split(':')[0])])).toEqual(new Set(['findings', 'shops', 'inspections', 'certifications']));
  });
});
