/**
 * Issue 12, defect 3: failed logins are limited per account and per address, the address is the one
 * the configured number of proxies saw (TRUST_PROXY=n), and the counts live in the database.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { defaultLoginLimits } from '../../../src/server/auth/authRoutes';
import type { Store } from '../../../src/server/store/Store';
import { authHeaders, createUser } from '../../support/auth';
import { testMunicipality, testTiles } from '../../support/fixtures';
import { freshStore } from '../../support/pglite';

let store: Store;
const apps: FastifyInstance[] = [];

function behindOneProxy(): FastifyInstance {
  const app = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles, trustProxy: 1 }, municipality: testMunicipality });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  store = await freshStore();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await store?.close();
});

const attempt = (app: FastifyInstance, login: string, forwardedFor: string, password = 'wrong password here') =>
  app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...authHeaders(), 'x-forwarded-for': forwardedFor }, payload: { login, password } });

describe('login limits', () => {
  it('TRUST_PROXY=1: 15 wrong passwords on one account, each with another X-Forwarded-For, end in 429 with Retry-After', async () => {
    const app = behindOneProxy();
    const user = await createUser(store, ['schouwer'], { login: 'doelwit' });
    const codes: number[] = [];
    for (let i = 0; i < 15; i++) codes.push((await attempt(app, 'doelwit', `10.9.${i}.1`)).statusCode);
    expect(codes.slice(0, defaultLoginLimits.perAccount).every((c) => c === 401)).toBe(true);
    expect(codes.slice(defaultLoginLimits.perAccount)).toEqual(new Array(15 - defaultLoginLimits.perAccount).fill(429));
    const blocked = await attempt(app, 'doelwit', '10.9.99.1', user.password);
    expect(blocked.statusCode).toBe(429); // even the right password waits
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('40 logins with different names from one address: 429 once the address has failed too often', async () => {
    const app = behindOneProxy();
    const codes: number[] = [];
    // The client forges the first hop; the one proxy appends the address it really saw.
    for (let i = 0; i < 40; i++) codes.push((await attempt(app, `naam${i}`, `1.2.3.${i}, 203.0.113.7`)).statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(defaultLoginLimits.perAddress);
    expect(codes.slice(defaultLoginLimits.perAddress).every((c) => c === 429)).toBe(true);
    // Another client behind the same proxy is not locked out.
    expect((await attempt(app, 'naam-x', '203.0.113.8')).statusCode).toBe(401);
  });

  it('the counts are in the database: a second server process on it sees them', async () => {
    const a = behindOneProxy();
    const b = behindOneProxy();
    for (let i = 0; i < defaultLoginLimits.perAccount; i++) expect((await attempt(a, 'gedeeld', `198.51.100.${i}`)).statusCode).toBe(401);
    expect((await attempt(b, 'gedeeld', '198.51.100.200')).statusCode).toBe(429);
  });
});
