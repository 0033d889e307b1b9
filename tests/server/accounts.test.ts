import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/Store';
import { authHeaders, createUser, login, testPassword } from '../support/auth';
import { testMunicipality, testTiles } from '../support/fixtures';
import { freshStore } from '../support/pglite';

/** The coordinator's account work (open invites, revoke, reset links), a person's own password, and the people directory. */
describe('accounts over HTTP', () => {
  let store: Store;
  let app: FastifyInstance;
  let coordinatorCookie: string;
  const call = (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, cookie?: string, payload?: unknown) =>
    app.inject({ method, url, headers: authHeaders(cookie), ...(payload === undefined ? {} : { payload: payload as object }) });
  const me = (cookie: string) => call('GET', '/api/auth/me', cookie);

  beforeEach(async () => {
    store = await freshStore();
    app = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles }, municipality: testMunicipality, auth: { loginAttemptsPerMinute: 1000 } });
    await app.ready();
    const coordinator = await createUser(store, ['coordinator'], { name: 'Carla Coördinator' });
    coordinatorCookie = await login(app, coordinator.login, testPassword);
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('open invites are listed without their token; a revoked invite link no longer works', async () => {
    const made = await call('POST', '/api/users/invites', coordinatorCookie, { roles: ['schouwer'] });
    expect(made.statusCode).toBe(201);
    const { id, token } = made.json() as { id: string; token: string };
    const second = (await call('POST', '/api/users/invites', coordinatorCookie, { roles: ['partner'] })).json() as { token: string };

    const listed = await call('GET', '/api/users/invites', coordinatorCookie);
    expect(listed.json().invites.map((i: { roles: string[] }) => i.roles).sort()).toEqual([['partner'], ['schouwer']]);
    expect(listed.body).not.toContain(token);

    expect((await call('DELETE', `/api/users/invites/${id}`, coordinatorCookie)).statusCode).toBe(204);
    const refused = await call('POST', '/api/auth/accept-invite', undefined, { token, name: 'Sanne', login: 'sanne@test.nl', password: testPassword });
    expect(refused.statusCode).toBe(410);
    expect(await store.users.getUserByLogin('sanne@test.nl')).toBeUndefined();
    // Revoking twice, or an invite nobody made: 404, and the other invite still works.
    expect((await call('DELETE', `/api/users/invites/${id}`, coordinatorCookie)).statusCode).toBe(404);
    expect((await call('DELETE', '/api/users/invites/not-a-uuid', coordinatorCookie)).statusCode).toBe(400);
    const accepted = await call('POST', '/api/auth/accept-invite', undefined, { token: second.token, name: 'Piet', login: 'piet@test.nl', password: testPassword });
    expect(accepted.statusCode).toBe(201);
    // A used invite is no longer open either.
    expect((await call('GET', '/api/users/invites', coordinatorCookie)).json().invites).toEqual([]);
  });

  it('a reset link sets a new password once, ends every session of the person, and logs the link user in', async () => {
    const walker = await createUser(store, ['schouwer'], { name: 'Wim Walker' });
    const tablet = await login(app, walker.login, testPassword);
    const made = await call('POST', `/api/users/${walker.id}/reset-link`, coordinatorCookie, {});
    expect(made.statusCode).toBe(201);
    const { link, token } = made.json() as { link: string; token: string };
    expect(link).toMatch(/\/wachtwoord-herstellen#[\w-]{43}$/);

    const weak = await call('POST', '/api/auth/reset-password', undefined, { token, password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues).toEqual([{ path: '/password', message: 'must be at least 12 characters' }]);

    const reset = await call('POST', '/api/auth/reset-password', undefined, { token, password: 'a brand new passphrase' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user).toMatchObject({ id: walker.id, name: 'Wim Walker' });
    expect((await me(tablet)).statusCode).toBe(401);
    await expect(login(app, walker.login, testPassword)).rejects.toThrow(/401/);
    expect(await login(app, walker.login, 'a brand new passphrase')).toMatch(/=/);
    // Spent: the same link cannot set the password again.
    expect((await call('POST', '/api/auth/reset-password', undefined, { token, password: 'another passphrase!' })).statusCode).toBe(410);
  });

  it('a second reset link makes the first useless; none for an unknown or disabled person', async () => {
    const walker = await createUser(store, ['schouwer']);
    const first = (await call('POST', `/api/users/${walker.id}/reset-link`, coordinatorCookie, {})).json() as { token: string };
    await call('POST', `/api/users/${walker.id}/reset-link`, coordinatorCookie, {});
    expect((await call('POST', '/api/auth/reset-password', undefined, { token: first.token, password: 'a brand new passphrase' })).statusCode).toBe(410);
    expect((await call('POST', '/api/users/nobody/reset-link', coordinatorCookie, {})).statusCode).toBe(404);
    await store.users.updateUser(walker.id, { disabled: true });
    expect((await call('POST', `/api/users/${walker.id}/reset-link`, coordinatorCookie, {})).json()).toEqual({ error: 'account_disabled' });
  });

  it('changing one\'s own password needs the current one and ends all OTHER sessions', async () => {
    const walker = await createUser(store, ['wijkbeheerder']);
    const laptop = await login(app, walker.login, testPassword);
    const phone = await login(app, walker.login, testPassword);

    const wrong = await call('POST', '/api/auth/password', laptop, { current: 'not my password', password: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues).toEqual([{ path: '/current', message: 'is not your current password' }]);
    expect((await me(phone)).statusCode).toBe(200);

    const changed = await call('POST', '/api/auth/password', laptop, { current: testPassword, password: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(204);
    expect((await me(laptop)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    await expect(login(app, walker.login, testPassword)).rejects.toThrow(/401/);
    expect(await login(app, walker.login, 'a brand new passphrase')).toMatch(/=/);
  });

  it('people directory: names, organisations and roles for whoever syncs; logins only for coordinators; 304 when unchanged', async () => {
    const walker = await createUser(store, ['schouwer'], { name: 'Wim Walker' });
    const gone = await createUser(store, ['wijkbeheerder'], { name: 'Gert Gone' });
    await call('PATCH', `/api/users/${walker.id}`, coordinatorCookie, { organisation: 'Politie Deventer' });
    await store.users.updateUser(gone.id, { disabled: true });
    const walkerCookie = await login(app, walker.login, testPassword);

    const seen = await call('GET', '/api/people', walkerCookie);
    expect(seen.statusCode).toBe(200);
    const people = seen.json().people as Record<string, unknown>[];
    expect(people.find((p) => p.id === walker.id)).toEqual({ id: walker.id, name: 'Wim Walker', organisation: 'Politie Deventer', roles: ['schouwer'], active: true });
    expect(people.find((p) => p.id === gone.id)).toMatchObject({ name: 'Gert Gone', active: false });
    expect(seen.body).not.toContain('@test.nl');

    const etag = seen.headers.etag as string;
    const again = await app.inject({ method: 'GET', url: '/api/people', headers: { ...authHeaders(walkerCookie), 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await call('PATCH', `/api/users/${walker.id}`, coordinatorCookie, { organisation: '' });
    const changed = await app.inject({ method: 'GET', url: '/api/people', headers: { ...authHeaders(walkerCookie), 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().people.find((p: { id: string }) => p.id === walker.id).organisation).toBeNull();

    const asCoordinator = (await call('GET', '/api/people', coordinatorCookie)).json().people as { id: string; login?: string }[];
    expect(asCoordinator.find((p) => p.id === walker.id)?.login).toBe(walker.login);

    const partner = await createUser(store, ['partner']);
    expect((await call('GET', '/api/people', await login(app, partner.login, testPassword))).statusCode).toBe(403);
  });
});
