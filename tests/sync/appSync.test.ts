// @vitest-environment happy-dom
/**
 * SPEC.md R23a: the app's sync engine runs only for someone logged in who may sync. A device without an
 * account, a partner's device and an expired session make no /api/sync/* call; a schouwer's does, and
 * logging out stops it again. The app's own wiring (src/sync/syncEngine.ts) with a recording fetch.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../../src/services/session';
import { startAppSync } from '../../src/sync/syncEngine';

const calls: string[] = [];
const settle = () => new Promise((r) => setTimeout(r, 150));
const syncCalls = () => calls.filter((u) => u.startsWith('/api/sync/') || u.startsWith('/api/photos/') || u.startsWith('/api/people'));
const user = (roles: ('partner' | 'schouwer')[]) => ({ id: `u-${roles.join()}`, name: 'X', login: 'x@test.nl', roles });

beforeAll(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(String(url));
      // Whatever it asks, the server is "down": only which calls are made matters here.
      return new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterAll(() => vi.unstubAllGlobals());

describe('who syncs (R23a)', () => {
  it('no account, partner, expired: no sync call; a schouwer syncs; logging out stops it', async () => {
    resetSessionForTests({ user: null, expired: false });
    await startAppSync();
    await settle();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(syncCalls()).toEqual([]);

    resetSessionForTests({ user: user(['partner']), expired: false });
    await startAppSync();
    await settle();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(syncCalls()).toEqual([]);

    resetSessionForTests({ user: user(['schouwer']), expired: false });
    await startAppSync();
    // The engine loads on demand; wait for its first run to reach the server, however long that takes here.
    while (!syncCalls().some((u) => u.startsWith('/api/sync/pull'))) await settle();
    expect(syncCalls().some((u) => u.startsWith('/api/sync/pull'))).toBe(true);

    resetSessionForTests({ user: user(['schouwer']), expired: true });
    await startAppSync();
    await settle();
    calls.length = 0;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(syncCalls()).toEqual([]);

    resetSessionForTests({ user: null, expired: false });
    await startAppSync();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(syncCalls()).toEqual([]);
  });
});
