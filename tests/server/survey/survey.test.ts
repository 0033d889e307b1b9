/**
 * The shop survey on the server (issue 16): set-up, one-time links, drafts, answers, the shop's flag
 * (SPEC.md R44), refused links (R45) and public results only from the threshold (R46).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityConfig } from '../../../src/domain/municipality';
import type { Shop } from '../../../src/domain/shop';
import { CURRENT_FIXED_VERSION } from '../../../src/domain/survey/fixedQuestions';
import { amsterdamDate } from '../../../src/domain/overdue';
import { computeParticipationForAreas } from '../../../src/domain/participation';
import type { Mutation, PullResponse } from '../../../src/sync/protocol';
import { testMunicipality } from '../../support/fixtures';
import { pushAccepted, testArea, testShop } from '../../support/registerFixtures';
import { TestDevice } from '../../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';

// This year's survey: its answer also sets the register's "answered this year" flag (R50).
const YEAR = Number(amsterdamDate(new Date()).slice(0, 4));
const westland: MunicipalityConfig = { ...testMunicipality, id: 'westland', name: 'Westland', code: 'GM1783' };
let server: SyncServer;
let coordinator: TestUser;
let schouwer: TestUser;
let westlander: TestUser;
const shops: Shop[] = [];

const area = (id: string, name: string, lon: number, lat: number) => testArea(id, name, lon, lat, 'street');
const shop = (name: string, lon: number, lat: number, open = true) => testShop(name, lon, lat, {}, open);
const push = (user: TestUser, mutations: Mutation[]) => pushAccepted(server, user, mutations);

const api = (user: TestUser | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, remoteAddress = '127.0.0.1') =>
  server.app.inject({ method, url, headers: user ? user.headers : {}, remoteAddress, ...(payload !== undefined ? { payload: payload as object } : {}) });

const setup = { year: YEAR, fixedVersion: CURRENT_FIXED_VERSION, threshold: 5, resultsPublic: true, topical: [{ id: 't1', kind: 'choice', text: { nl: 'Open op zondag?' }, options: [{ label: { nl: 'Ja' } }, { label: { nl: 'Nee' } }] }] };
const tokenOf = (url: string) => url.split('#')[1]!;
const publicArea = async (areaId: string) => (await api(null, 'GET', `/api/public/survey/testdorp/areas/${areaId}?year=${YEAR}`)).json() as { shown: boolean; result?: { answers: number } };

beforeAll(async () => {
  server = await startSyncServer({ others: [westland] });
  coordinator = await server.user(['coordinator']);
  schouwer = await server.user(['schouwer']);
  westlander = await server.user(['coordinator'], 'west', 'westland');
  await server.store.replaceAreas('testdorp', [area('centrum', 'Centrum', 6.15, 52.25), area('noord', 'Noord', 6.2, 52.27)]);
  // Seven open shops in Centrum, one closed there, one open in Noord.
  for (let i = 0; i < 7; i++) shops.push(shop(`Winkel${String.fromCharCode(65 + i)}`, 6.1551 + i * 0.0001, 52.2551));
  shops.push(shop('Gesloten', 6.1559, 52.2559, false));
  shops.push(shop('Noordwinkel', 6.2051, 52.2751));
  const office = new TestDevice(coordinator);
  await push(coordinator, shops.map((s) => office.mutation('shops', s.id, { ...s }, [], null)));
}, 600_000); // PGlite set-up under a loaded machine (as in tests/server/mail/assignmentMail.test.ts)
afterAll(() => server?.close());

let letters: { linkId: string; shopId: string; name: string; areaId: string | null; url: string }[] = [];

describe('survey set-up and letters', () => {
  it('refuses a bad set-up with its reason code and field; stores a good one', async () => {
    const bad = await api(coordinator, 'PUT', '/api/survey', { ...setup, threshold: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'threshold_too_low', field: '/threshold' });
    expect((await api(coordinator, 'POST', '/api/survey/links', { year: YEAR })).statusCode).toBe(409); // no survey yet
    const good = await api(coordinator, 'PUT', '/api/survey', setup);
    expect(good.statusCode).toBe(200);
    const got = (await api(coordinator, 'GET', `/api/survey?year=${YEAR}`)).json() as { setup: { topical: unknown[] }; fixedQuestions: unknown[] };
    expect(got.setup.topical).toHaveLength(1);
    expect(got.fixedQuestions.length).toBeLessThanOrEqual(15);
  });

  it('makes one link per open shop, shown once; a second run makes none', async () => {
    const res = await api(coordinator, 'POST', '/api/survey/links', { year: YEAR });
    expect(res.statusCode).toBe(200);
    letters = (res.json() as { letters: typeof letters }).letters;
    expect(letters.map((l) => l.name).sort()).toEqual(shops.filter((s) => s.open).map((s) => s.name).sort());
    expect(letters.find((l) => l.name === 'Noordwinkel')!.areaId).toBe('noord');
    for (const l of letters) expect(l.url).toMatch(/\/enquete#[A-Za-z0-9_-]{43}$/);
    const again = (await api(coordinator, 'POST', '/api/survey/links', { year: YEAR })).json() as { letters: unknown[] };
    expect(again.letters).toEqual([]);
    // Only hashes are kept.
    const rows = await server.executor.query<{ token_hash: string }>('SELECT token_hash FROM survey_links');
    for (const l of letters) expect(JSON.stringify(rows)).not.toContain(tokenOf(l.url));
  });

  it('R30: another municipality\'s coordinator and other roles cannot see or touch it', async () => {
    expect((await api(westlander, 'GET', `/api/survey?municipality=testdorp&year=${YEAR}`)).statusCode).toBe(403);
    expect((await api(westlander, 'GET', `/api/survey/links?municipality=testdorp&year=${YEAR}`)).statusCode).toBe(403);
    expect((await api(westlander, 'GET', `/api/survey/results?municipality=testdorp&year=${YEAR}`)).statusCode).toBe(403);
    expect((await api(westlander, 'POST', `/api/survey/links/${letters[0]!.linkId}/revoke?municipality=westland`, {})).statusCode).toBe(404);
    expect((await api(schouwer, 'GET', `/api/survey?year=${YEAR}`)).statusCode).toBe(403);
    const westSurvey = (await api(westlander, 'GET', `/api/survey?municipality=westland&year=${YEAR}`)).json() as { setup: unknown };
    expect(westSurvey.setup).toBeNull();
  });
});

describe('answering', () => {
  it('R45: opens without an account, keeps a draft to resume, then takes the answer once', async () => {
    const token = tokenOf(letters[0]!.url);
    const opened = await api(null, 'POST', '/api/public/survey/open', { token });
    expect(opened.statusCode).toBe(200);
    const survey = opened.json() as { questions: { id: string }[]; draft: object; year: number };
    expect(survey.year).toBe(YEAR);
    expect(survey.questions.at(-1)!.id).toBe('t1');
    expect(survey.draft).toEqual({});
    expect((await api(null, 'PUT', '/api/public/survey/draft', { token, answers: { safeDay: 4 } })).statusCode).toBe(200);
    const resumed = (await api(null, 'POST', '/api/public/survey/open', { token })).json() as { draft: object };
    expect(resumed.draft).toEqual({ safeDay: 4 });
    const bad = await api(null, 'POST', '/api/public/survey/submit', { token, answers: { safeDay: 9 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'scale_out_of_range', field: '/answers/safeDay' });
    const sent = await api(null, 'POST', '/api/public/survey/submit', { token, answers: { safeDay: 4, t1: 'o2', remarks: 'Donker bij de achteringang' } });
    expect(sent.statusCode).toBe(200);
    const count = async () => (await server.executor.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_answers'))[0]!.n;
    expect(await count()).toBe(1);
    for (const path of ['open', 'submit']) {
      const again = await api(null, 'POST', `/api/public/survey/${path}`, { token, answers: { safeDay: 1 } });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({ error: 'link_answered' });
    }
    expect((await api(null, 'PUT', '/api/public/survey/draft', { token, answers: { safeDay: 1 } })).statusCode).toBe(409);
    expect(await count()).toBe(1);
  });

  it('R44: the answer sets the shop\'s survey flag with a new revision that devices pull', async () => {
    const res = await api(coordinator, 'GET', '/api/sync/pull?since=0&limit=1000');
    const body = res.json() as PullResponse;
    const rec = body.records.find((r) => r.id === letters[0]!.shopId)!;
    expect((rec.data as Shop).flags.surveyAnswered).toBe(true);
    const others = body.records.filter((r) => r.table === 'shops' && r.id !== letters[0]!.shopId);
    expect(others.every((r) => (r.data as Shop).flags.surveyAnswered === false)).toBe(true);
    expect(rec.revision).toBeGreaterThan(Math.max(...others.map((r) => r.revision)));
    // R50: the year is kept, so this year's answer counts for this year's question 7 only.
    expect((rec.data as Shop).surveyAnsweredYears).toEqual([YEAR]);
  });

  it('R50: an offline edit of the flag on an older base cannot undo an answer; other fields of the edit are kept', async () => {
    const id = letters[0]!.shopId;
    const before = shops.find((s) => s.id === id)!;
    const offline = new TestDevice(coordinator);
    // A device that never saw the answer: it unticks the survey, "forgets" the answer's years and edits the sector.
    await push(coordinator, [offline.mutation('shops', id, { flags: { ...before.flags, surveyAnswered: false, whatsappGroup: true }, surveyAnsweredYears: [], surveyYears: [], sector: 'bakker' }, [], 1)]);
    const rec = ((await api(coordinator, 'GET', '/api/sync/pull?since=0&limit=1000')).json() as PullResponse).records.find((r) => r.id === id)!;
    const shop = rec.data as Shop;
    expect(shop.flags.surveyAnswered).toBe(true);
    expect(shop.surveyAnsweredYears).toEqual([YEAR]);
    expect(shop.flags.whatsappGroup).toBe(true);
    expect(shop.sector).toBe('bakker');
    // Question 7 of this year counts the shop; of next year it does not (the answer was for this year).
    const rows = await server.store.listShopsForParticipation('testdorp');
    const areas = await server.store.listAreas('testdorp');
    expect(computeParticipationForAreas(rows, areas, YEAR).areas.centrum!.measures.surveyAnswered.taking).toBeGreaterThanOrEqual(1);
    expect(computeParticipationForAreas(rows, areas, YEAR + 1).areas.centrum!.measures.surveyAnswered.taking).toBe(0);
  });

  it('the answers table holds no shop, no link and no name', async () => {
    const rows = await server.executor.query('SELECT * FROM survey_answers');
    const text = JSON.stringify(rows);
    expect(Object.keys(rows[0]!).sort()).toEqual(['answers', 'area_id', 'fixed_version', 'id', 'municipality', 'year']);
    for (const l of letters) {
      expect(text).not.toContain(l.shopId);
      expect(text).not.toContain(l.linkId);
    }
    expect(text).not.toContain('Winkel');
  });

  it('R45: revoked, reissued and unknown links: a clear refusal, nothing stored', async () => {
    const revoked = letters[1]!;
    expect((await api(coordinator, 'POST', `/api/survey/links/${revoked.linkId}/revoke`, {})).statusCode).toBe(200);
    const r = await api(null, 'POST', '/api/public/survey/submit', { token: tokenOf(revoked.url), answers: { safeDay: 2 } });
    expect(r.statusCode).toBe(410);
    expect(r.json()).toEqual({ error: 'link_revoked' });
    for (const token of ['A'.repeat(43), 'kort', 42, null]) {
      const u = await api(null, 'POST', '/api/public/survey/open', { token });
      expect(u.statusCode).toBe(404);
      expect(u.json()).toEqual({ error: 'link_unknown' });
    }
    // A reminder letter: a new token for an open link; the old one stops, the draft stays.
    const remind = letters[2]!;
    await api(null, 'PUT', '/api/public/survey/draft', { token: tokenOf(remind.url), answers: { lighting: 2 } });
    const reissued = (await api(coordinator, 'POST', '/api/survey/links/reissue', { year: YEAR, linkIds: [remind.linkId, letters[0]!.linkId] })).json() as { letters: typeof letters };
    expect(reissued.letters.map((l) => l.linkId)).toEqual([remind.linkId]);
    expect((await api(null, 'POST', '/api/public/survey/open', { token: tokenOf(remind.url) })).statusCode).toBe(404);
    const fresh = (await api(null, 'POST', '/api/public/survey/open', { token: tokenOf(reissued.letters[0]!.url) })).json() as { draft: object };
    expect(fresh.draft).toEqual({ lighting: 2 });
    letters[2] = reissued.letters[0]!;
    expect((await server.executor.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_answers'))[0]!.n).toBe(1);
    // The shop of the revoked link gets a new link on the next run.
    const more = (await api(coordinator, 'POST', '/api/survey/links', { year: YEAR })).json() as { letters: typeof letters };
    expect(more.letters.map((l) => l.shopId)).toEqual([revoked.shopId]);
    letters[1] = more.letters[0]!;
  });

  it('the reminder list holds the open links that were not answered', async () => {
    const res = (await api(coordinator, 'GET', `/api/survey/links?year=${YEAR}`)).json() as { links: { status: string; name: string }[]; withoutLink: unknown[] };
    expect(res.withoutLink).toEqual([]);
    expect(res.links.filter((l) => l.status === 'answered').map((l) => l.name)).toEqual([letters[0]!.name]);
    expect(res.links.filter((l) => l.status === 'open')).toHaveLength(7);
  });
});

describe('results', () => {
  it('R46: a public request never shows an area below the threshold, and shows it from there on', async () => {
    const centrum = letters.filter((l) => l.areaId === 'centrum');
    // One answered already (letters[0], in Centrum).
    for (const [i, l] of centrum.slice(1).entries()) {
      const n = i + 1; // answers in Centrum before this one
      const pub = await publicArea('centrum');
      expect(pub.shown, `${n} answers`).toBe(n >= 5);
      if (!pub.shown) expect(JSON.stringify(pub)).not.toMatch(/answers|counts|Donker/);
      const res = await api(null, 'POST', '/api/public/survey/submit', { token: tokenOf(l.url), answers: { safeDay: 3, remarks: `tekst ${n}` } });
      expect(res.statusCode).toBe(200);
    }
    const shown = await publicArea('centrum');
    expect(shown.shown).toBe(true);
    expect(shown.result!.answers).toBe(7);
    expect(JSON.stringify(shown)).not.toMatch(/tekst|Donker/); // never free text
    expect((await publicArea('noord')).shown).toBe(false);
    // A higher threshold hides it again.
    await api(coordinator, 'PUT', '/api/survey', { ...setup, threshold: 8 });
    expect((await publicArea('centrum')).shown).toBe(false);
    await api(coordinator, 'PUT', '/api/survey', { ...setup, resultsPublic: false });
    expect((await publicArea('centrum')).shown).toBe(false);
    await api(coordinator, 'PUT', '/api/survey', setup);
    expect((await api(null, 'GET', '/api/public/survey/testdorp/areas/nergens')).statusCode).toBe(404);
    expect((await api(null, 'GET', '/api/public/survey/elders/areas/centrum')).statusCode).toBe(404);
  });

  it('the coordinator sees counts, distributions and free text per area and for the municipality', async () => {
    const res = (await api(coordinator, 'GET', `/api/survey/results?year=${YEAR}`)).json() as {
      municipality: { answers: number; questions: { id: string; counts: Record<string, number>; texts?: string[] }[] };
      areas: Record<string, { answers: number }>;
      links: { total: number; answered: number };
    };
    expect(res.municipality.answers).toBe(7);
    expect(res.areas.centrum!.answers).toBe(7);
    expect(res.links).toEqual({ total: 8, answered: 7 });
    const safeDay = res.municipality.questions.find((q) => q.id === 'safeDay')!;
    expect(safeDay.counts).toEqual({ 1: 0, 2: 0, 3: 6, 4: 1, 5: 0 });
    expect(res.municipality.questions.find((q) => q.id === 'remarks')!.texts).toContain('Donker bij de achteringang');
  });
});

describe('limits', () => {
  it('per address: the submit route answers 429 after 10 a minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await api(null, 'POST', '/api/public/survey/submit', { token: 'B'.repeat(43), answers: {} }, '10.9.9.9')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('a body over 64 KiB is 413 and stores nothing', async () => {
    const res = await api(null, 'PUT', '/api/public/survey/draft', { token: tokenOf(letters[3]!.url), answers: { remarks: 'x'.repeat(70_000) } }, '10.9.9.10');
    expect(res.statusCode).toBe(413);
  });

});
