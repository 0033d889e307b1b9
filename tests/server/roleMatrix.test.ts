import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/domain/findingStatus';
import { buildApp } from '../../src/server/app';
import { allows, splitRouteKey, type Access } from '../../src/domain/access';
import type { Store } from '../../src/server/store/Store';
import { authHeaders, createUser, login, testPassword } from '../support/auth';
import { testMunicipality, testTiles } from '../support/fixtures';
import { freshStore } from '../support/pglite';
import { accessSamples, type SampleContext } from './accessSamples';
import { area } from './store.contract';

/**
 * Every API route × every kind of caller × both partners' view settings: allowed (any answer but
 * 401/403) or refused (401 without a valid session, 403 without the role), as src/server/auth/
 * accessTable.ts says. The sessions are real logins over HTTP; each cell logs in afresh, so a cell that
 * logs out cannot affect the next.
 */
type Caller = 'nobody' | Role | 'disabled';
const callers: Caller[] = ['nobody', ...roles, 'disabled'];

describe('role matrix: every route × role × method', () => {
  let store: Store;
  let app: FastifyInstance;
  let ctx: SampleContext;
  const logins = {} as Record<Role, string>;
  let disabledCookie = '';

  beforeAll(async () => {
    store = await freshStore();
    await store.replaceAreas('testdorp', [area('testdorp', 'centrum')]);
    app = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles }, municipality: testMunicipality, auth: { loginAttemptsPerMinute: 10_000 } });
    await app.ready();
    const userIds = {} as Record<Role, string>;
    for (const role of roles) {
      const u = await createUser(store, [role]);
      userIds[role] = u.id;
      logins[role] = u.login;
    }
    // A coordinator who was disabled while logged in: the stale cookie must open nothing.
    const gone = await createUser(store, ['coordinator', 'schouwer', 'wijkbeheerder', 'partner']);
    disabledCookie = await login(app, gone.login, testPassword);
    await store.users.updateUser(gone.id, { disabled: true });
    ctx = { userIds, partnerLogin: logins.partner, password: testPassword };
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('every API route is in the access table and has a sample request', () => {
    expect(app.unlistedRoutes).toEqual([]);
    const missing = [...app.apiRoutes.keys()].filter((k) => !accessSamples[k]);
    expect(missing).toEqual([]);
  });

  for (const partnersPublic of [false, true]) {
    it(`each cell allowed or refused as the table says (partners' view ${partnersPublic ? 'public' : 'private'})`, async () => {
      await store.users.updateSettings({ partnersPublic });
      const wrong: string[] = [];
      const matrix: Record<string, Record<string, number>> = {};
      for (const [key, access] of app.apiRoutes) {
        const { method } = splitRouteKey(key);
        const sample = accessSamples[key]!(ctx);
        matrix[key] = {};
        for (const caller of callers) {
          const cookie = caller === 'nobody' ? undefined : caller === 'disabled' ? disabledCookie : await login(app, logins[caller], testPassword);
          const res = await app.inject({
            method: method as 'GET',
            url: sample.url,
            headers: authHeaders(cookie),
            ...(sample.body === undefined ? {} : { payload: sample.body as object }),
          });
          matrix[key][caller] = res.statusCode;
          const expected = expectedFor(access, caller, partnersPublic);
          const ok = expected === 'allowed' ? ![401, 403].includes(res.statusCode) : res.statusCode === expected;
          if (!ok) wrong.push(`${key} as ${caller}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 80)}`);
        }
      }
      expect(wrong, JSON.stringify(matrix, null, 1)).toEqual([]);
      expect(Object.keys(matrix).length).toBeGreaterThanOrEqual(14);
    });
  }
});

function expectedFor(access: Access, caller: Caller, partnersPublic: boolean): 'allowed' | 401 | 403 {
  const actorRoles = caller === 'nobody' || caller === 'disabled' ? null : [caller];
  if (allows(access, actorRoles, partnersPublic)) return 'allowed';
  return actorRoles === null ? 401 : 403;
}
