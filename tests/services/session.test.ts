// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getActor } from '../../src/services/actor';
import { apiFetch, authenticate, getSession, logout, onSessionExpired, refreshSession, resetSessionForTests } from '../../src/services/session';
import { openDb } from '../../src/storage/db';

const anna = { id: 'u1', name: 'Anna', login: 'anna@test.nl', roles: ['wijkbeheerder' as const] };
const respond = (status: number, body: unknown = {}) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('session on the device', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetSessionForTests();
  });

  it('logging in makes the user the actor and is remembered for offline use', async () => {
    const fetch = respond(200, { user: anna });
    vi.stubGlobal('fetch', fetch);
    expect((await authenticate('login', { login: 'anna@test.nl', password: 'x' })).ok).toBe(true);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(new Headers(init.headers).get('x-requested-with')).toBe('schouwkaart');
    expect(JSON.parse(localStorage.getItem('schouwkaart.session')!)).toEqual({ user: anna, expired: false });
    expect(await getActor(openDb(`s-${Math.random()}`))).toEqual({ id: 'u1', roles: ['wijkbeheerder'] });

    // Offline: asking the server fails, and the device still knows who it is.
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await refreshSession();
    expect(getSession()).toEqual({ user: anna, expired: false });
  });

  it('a 401 marks the session expired but keeps the user (and so the actor and all local data)', async () => {
    resetSessionForTests({ user: anna, expired: false });
    vi.stubGlobal('fetch', respond(401, { error: 'not_logged_in' }));
    await apiFetch('/api/sync/pull');
    expect(getSession()).toEqual({ user: anna, expired: true });
    expect((await getActor(openDb(`s-${Math.random()}`))).id).toBe('u1');
    onSessionExpired();
    expect(getSession().expired).toBe(true);

    vi.stubGlobal('fetch', respond(200, { user: anna }));
    await refreshSession();
    expect(getSession()).toEqual({ user: anna, expired: false });
  });

  it('logout ends the server session first; offline it says so and keeps the user', async () => {
    resetSessionForTests({ user: anna, expired: false });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    expect(await logout()).toBe(false);
    expect(getSession().user).toEqual(anna);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    expect(await logout()).toBe(true);
    expect(getSession().user).toBeNull();
    const db = openDb(`s-${Math.random()}`);
    expect((await getActor(db)).id).toMatch(/^device:/);
  });

  it('a wrong password is a refusal with its reason, not an expired session', async () => {
    vi.stubGlobal('fetch', respond(401, { error: 'invalid_credentials' }));
    expect(await authenticate('login', { login: 'a', password: 'b' })).toEqual({ ok: false, status: 401, error: 'invalid_credentials', issues: undefined });
    expect(getSession()).toEqual({ user: null, expired: false });
  });
});
