import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { hashPassword, verifyPassword } from '../../src/server/auth/password';
import { prepareSetupLink } from '../../src/server/auth/setupLink';
import type { Store } from '../../src/server/store/Store';
import { authHeaders, cookieOf, createUser, fastParams, login, testPassword } from '../support/auth';
import { tempDir, testMunicipality, testTiles } from '../support/fixtures';
import { freshStore } from '../support/pglite';
import { area } from './store.contract';

describe('password hashing', () => {
  it('scrypt with salt and parameters in the string; the right password only', async () => {
    const a = await hashPassword('een lang wachtwoord', fastParams);
    const b = await hashPassword('een lang wachtwoord', fastParams);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('een lang wachtwoord', a)).toBe(true);
    expect(await verifyPassword('een lang wachtwoorD', a)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
    // A tampered row cannot make the server allocate gigabytes.
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdA$aGFzaA')).toBe(false);
    expect(await hashPassword('een lang wachtwoord')).toMatch(/^scrypt\$32768\$8\$3\$/);
  });
});

describe('auth over HTTP', () => {
  let store: Store;
  let app: FastifyInstance;
  const post = (url: string, payload: unknown, cookie?: string) => app.inject({ method: 'POST', url, headers: authHeaders(cookie), payload: payload as object });

  beforeEach(async () => {
    store = await freshStore();
    app = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles }, municipality: testMunicipality, auth: { loginAttemptsPerMinute: 3 } });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('setup link: printed once on an empty database, creates the first coordinator once', async () => {
    const dir = tempDir('schouwkaart-setup-');
    const link = await prepareSetupLink(store, { port: 8080, dataDir: dir.dir });
    expect(link).toMatch(/^http:\/\/localhost:8080\/setup#[\w-]{43}$/);
    const file = path.join(dir.dir, 'setup-link.txt');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(link);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const token = link!.split('#')[1]!;

    const weak = await post('/api/auth/setup', { token, name: 'Coördinator', login: 'c@test.nl', password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues).toEqual([{ path: '/password', message: 'must be at least 12 characters' }]);
    for (const [password, reason] of [['aaaaaaaaaaaa', 'password_one_character'], [' '.repeat(12), 'password_only_spaces'], ['c@test.nl1234', 'password_contains_login'], ['Wachtwoord2026!', 'password_too_common']]) {
      const refused = await post('/api/auth/setup', { token, name: 'Coördinator', login: 'c@test.nl', password });
      expect(refused.json().issues, password).toEqual([{ path: '/password', message: reason }]);
    }
    expect(await store.users.countUsers()).toBe(0);

    const withFile = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles, dataDir: dir.dir }, municipality: testMunicipality });
    const res = await withFile.inject({ method: 'POST', url: '/api/auth/setup', headers: authHeaders(), payload: { token, name: 'Coördinator', login: 'C@Test.nl', password: testPassword } });
    await withFile.close();
    expect(res.statusCode).toBe(201);
    // Issue 12, defect 8: the one-time link is gone from disk as soon as it has been used.
    expect(fs.existsSync(file)).toBe(false);
    expect(res.json().user).toMatchObject({ name: 'Coördinator', login: 'c@test.nl', roles: ['coordinator'] });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);

    const again = await post('/api/auth/setup', { token, name: 'Tweede', login: 'x@test.nl', password: testPassword });
    expect(again.statusCode).toBe(409);
    expect(await store.users.countUsers()).toBe(1);
    // A restart with users prints nothing and removes an old file.
    fs.writeFileSync(file, 'stale');
    expect(await prepareSetupLink(store, { port: 8080, dataDir: dir.dir })).toBeUndefined();
    expect(fs.existsSync(file)).toBe(false);
    dir.remove();
  });

  it('login, me, logout: logout ends the session on the server', async () => {
    const u = await createUser(store, ['schouwer', 'wijkbeheerder'], { login: 'anna@test.nl' });
    expect((await post('/api/auth/login', { login: 'anna@test.nl', password: 'wrong password!' })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { login: 'nobody@test.nl', password: testPassword })).json()).toEqual({ error: 'invalid_credentials' });
    const cookie = await login(app, 'ANNA@test.nl', testPassword);
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toEqual({ user: { id: u.id, name: u.login, login: 'anna@test.nl', roles: ['schouwer', 'wijkbeheerder'], municipalities: { testdorp: ['schouwer', 'wijkbeheerder'] } } });

    const out = await post('/api/auth/logout', {}, cookie);
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    // The old cookie, replayed, no longer works: the session is gone from the database.
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('login attempts are rate limited per IP and login name: 429 after the burst', async () => {
    await createUser(store, ['partner'], { login: 'p@test.nl' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post('/api/auth/login', { login: 'p@test.nl', password: 'guess number ' + i })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    // Even the right password waits now; another login name is not locked out by it.
    expect((await post('/api/auth/login', { login: 'p@test.nl', password: testPassword })).statusCode).toBe(429);
    expect((await post('/api/auth/login', { login: 'other@test.nl', password: testPassword })).statusCode).toBe(401);
  });

  it('Secure cookie behind an HTTPS proxy only when TRUST_PROXY is on', async () => {
    await createUser(store, ['partner'], { login: 'p@test.nl' });
    const viaProxy = { ...authHeaders(), 'x-forwarded-proto': 'https' };
    const untrusted = await app.inject({ method: 'POST', url: '/api/auth/login', headers: viaProxy, payload: { login: 'p@test.nl', password: testPassword } });
    expect(String(untrusted.headers['set-cookie'])).not.toMatch(/Secure/);
    const proxied = buildApp({ store, config: { staticDir: '/x', tiles: testTiles, trustProxy: true }, municipality: testMunicipality });
    const trusted = await proxied.inject({ method: 'POST', url: '/api/auth/login', headers: viaProxy, payload: { login: 'p@test.nl', password: testPassword } });
    expect(String(trusted.headers['set-cookie'])).toMatch(/; Secure/);
    await proxied.close();
  });

  it('CSRF: a cookie without the custom header, or another origin, is refused', async () => {
    const boss = await createUser(store, ['coordinator']);
    const cookie = await login(app, boss.login, testPassword);
    const bare = await app.inject({ method: 'PATCH', url: '/api/settings', headers: { cookie }, payload: { partnersPublic: true } });
    expect(bare.statusCode).toBe(403);
    const cross = await app.inject({ method: 'PATCH', url: '/api/settings', headers: { ...authHeaders(cookie), origin: 'https://evil.example' }, payload: { partnersPublic: true } });
    expect(cross.statusCode).toBe(403);
    expect(await store.users.getSettings()).toEqual({ partnersPublic: false });
    const same = await app.inject({ method: 'PATCH', url: '/api/settings', headers: { ...authHeaders(cookie), origin: 'http://localhost:80' }, payload: { partnersPublic: true } });
    expect(same.statusCode).toBe(200);
  });

  it('invite flow: link with roles, accepted once, the new user is logged in', async () => {
    const boss = await createUser(store, ['coordinator']);
    const cookie = await login(app, boss.login, testPassword);
    const res = await post('/api/users/invites', { roles: ['schouwer', 'schouwer'], expiresInDays: 3 }, cookie);
    expect(res.statusCode).toBe(201);
    const { link, token, roles } = res.json();
    expect(link).toBe(`http://localhost:80/uitnodiging#${token}`);
    expect(roles).toEqual(['schouwer']);
    const accepted = await post('/api/auth/accept-invite', { token, name: 'Politie wijkagent Centrum', login: 'agent@test.nl', password: testPassword });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user).toMatchObject({ roles: ['schouwer'], name: 'Politie wijkagent Centrum' });
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: cookieOf(accepted.headers['set-cookie']) } });
    expect(me.json().user.login).toBe('agent@test.nl');
    const twice = await post('/api/auth/accept-invite', { token, name: 'X', login: 'x@test.nl', password: testPassword });
    expect(twice.statusCode).toBe(410);
    expect(await store.users.countUsers()).toBe(2);
  });

  it('disabling a user ends their sessions and refuses their login; the last coordinator is protected', async () => {
    const boss = await createUser(store, ['coordinator']);
    const w = await createUser(store, ['wijkbeheerder']);
    const bossCookie = await login(app, boss.login, testPassword);
    const wCookie = await login(app, w.login, testPassword);
    const patch = (id: string, body: object) => app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: authHeaders(bossCookie), payload: body });

    expect((await patch(w.id, { disabled: true })).json().user).toMatchObject({ id: w.id, disabled: true });
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: wCookie } })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { login: w.login, password: testPassword })).json()).toEqual({ error: 'account_disabled' });

    expect((await patch(boss.id, { disabled: true })).json()).toEqual({ error: 'last_coordinator' });
    expect((await patch(boss.id, { roles: ['partner'] })).statusCode).toBe(409);
    expect((await patch('no-such-user', { disabled: true })).statusCode).toBe(404);
    expect((await patch(w.id, { disabled: false, roles: ['wijkbeheerder', 'partner'] })).json().user.roles).toEqual(['wijkbeheerder', 'partner']);
  });

  it("partners' summary: open only when public; areas and numbers, never names, text or points", async () => {
    await store.replaceAreas('testdorp', [area('testdorp', 'centrum', { name: 'Centrum', kind: 'centre', kvoStatus: 'certified' })]);
    expect((await app.inject('/api/public/summary')).statusCode).toBe(401);
    await store.users.updateSettings({ partnersPublic: true });
    const open = await app.inject('/api/public/summary');
    expect(open.statusCode).toBe(200);
    const body = open.json();
    expect(body).toMatchObject({ public: true, findingCountsAvailable: true, areas: [{ id: 'centrum', name: 'Centrum', kind: 'centre', kvoStatus: 'certified', geometry: area('x', 'x').geometry, findingsByTheme: {} }] });

    // With findings on the server: counts per theme, and still nothing else.
    const counting = Object.assign(Object.create(Object.getPrototypeOf(store)), store, {
      countFindingsByAreaAndTheme: async () => [{ areaId: 'centrum', theme: 'verlichting', count: 3 }],
    }) as Store;
    const other = buildApp({ store: counting, config: { staticDir: '/x', tiles: testTiles }, municipality: testMunicipality });
    const counted = (await other.inject('/api/public/summary')).json();
    expect(counted.areas[0].findingsByTheme).toEqual({ verlichting: 3 });
    expect(Object.keys(counted.areas[0]).sort()).toEqual(['findingsByTheme', 'geometry', 'id', 'kind', 'kvoStatus', 'name', 'participation']);
    await other.close();
  });

  it('bad input: malformed JSON, unknown fields, wrong types, 1 MB strings are 400 with paths; nothing stored', async () => {
    const boss = await createUser(store, ['coordinator']);
    const cookie = await login(app, boss.login, testPassword);
    const before = await store.users.listUsers();
    const send = (method: 'POST' | 'PATCH', url: string, payload: string | object) =>
      app.inject({ method, url, headers: { ...authHeaders(cookie), 'content-type': 'application/json' }, payload });

    const cases: [method: 'POST' | 'PATCH', url: string, body: string | object, path: string][] = [
      ['POST', '/api/users/invites', '{"roles": ["schouwer"],', ''],
      ['POST', '/api/users/invites', { roles: ['schouwer'], admin: true }, ''],
      ['POST', '/api/users/invites', { roles: ['king'] }, '/roles/0'],
      ['POST', '/api/users/invites', { roles: ['schouwer'], expiresInDays: '7' }, '/expiresInDays'],
      ['POST', '/api/users/invites', { roles: [] }, '/roles'],
      ['PATCH', `/api/users/${boss.id}`, { disabled: 'yes' }, '/disabled'],
      ['PATCH', `/api/users/${boss.id}`, { roles: ['schouwer'], passwordHash: 'x' }, ''],
      ['PATCH', '/api/settings', { partnersPublic: 1 }, '/partnersPublic'],
      ['POST', '/api/auth/login', { login: 'a@b.nl', password: 'x'.repeat(1000 * 1000) }, '/password'],
      ['POST', '/api/auth/accept-invite', { token: 'x'.repeat(50), name: 'n'.repeat(900 * 1000), login: 'a@b.nl', password: testPassword }, '/name'],
      ['POST', '/api/auth/setup', { token: 'x'.repeat(50), name: 'N', login: 'a b', password: testPassword, extra: 1 }, ''],
    ];
    for (const [method, url, body, where] of cases) {
      const res = await send(method, url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
      const json = res.json();
      if (typeof body === 'string') expect(json.error).toBe('invalid_json');
      else expect(json.issues.map((i: { path: string }) => i.path), url).toContain(where);
      if (typeof body !== 'string') for (const issue of json.issues) expect(issue.message.length).toBeGreaterThan(0);
    }
    expect(await store.users.listUsers()).toEqual(before);
    expect(await store.users.getSettings()).toEqual({ partnersPublic: false });
    expect(await store.users.countUsers()).toBe(1);
  });
});
