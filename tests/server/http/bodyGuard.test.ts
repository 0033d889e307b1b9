/**
 * Issue 12, defect 4: every route named in the probe answers bad text and deep nesting with a 400
 * naming the field, never a 500, and stores nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import type { Store } from '../../../src/server/store/Store';
import { hashToken, newToken } from '../../../src/server/auth/tokens';
import { actingAs, authHeaders } from '../../support/auth';
import { areaFeature, square, tempDir, testMunicipality, testTiles, writeStaticDir } from '../../support/fixtures';
import { freshStore } from '../../support/pglite';
import { area } from '../store.contract';

let store: Store;
let app: FastifyInstance;
let coordinator: Record<string, string>;
const statics = tempDir('schouwkaart-guard-');
const sq = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [square(lon, lat)] });

beforeAll(async () => {
  writeStaticDir(statics.dir);
  store = await freshStore();
  await store.replaceAreas('testdorp', [area('testdorp', 'noord', { name: 'Noord', geometry: sq(6.2, 52.25) as never })]);
  app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality });
  await app.ready();
  coordinator = (await actingAs(store, ['coordinator'])).headers;
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  statics.remove();
});

const NUL = 'ab\u0000c';
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

async function newInviteToken(): Promise<string> {
  const token = newToken();
  await store.users.createInvite({ tokenHash: hashToken(token), roles: ['schouwer'], createdBy: null, expiresAt: new Date(Date.now() + 3600_000) });
  return token;
}

describe('bad text and deep nesting on every route of the probe', () => {
  const rows: { name: string; method: 'POST' | 'PUT'; url: string; body: () => Promise<unknown>; path: string; auth: boolean }[] = [
    { name: 'login with a NUL in the name', method: 'POST', url: '/api/auth/login', body: async () => ({ login: NUL, password: 'x' }), path: '/login', auth: false },
    { name: 'login with a lone surrogate in the password', method: 'POST', url: '/api/auth/login', body: async () => ({ login: 'iemand', password: 'a\ud800b' }), path: '/password', auth: false },
    { name: 'accept-invite with a NUL in the name', method: 'POST', url: '/api/auth/accept-invite', body: async () => ({ token: await newInviteToken(), name: NUL, login: 'nieuw1', password: 'Lang-genoeg-wachtwoord-7' }), path: '/name', auth: false },
    { name: 'an area edit with a NUL in the name', method: 'PUT', url: '/api/areas/noord', body: async () => ({ name: NUL, kind: 'street', kvoStatus: 'participating', geometry: sq(6.2, 52.25), reason: 'x' }), path: '/name', auth: true },
    { name: 'an area edit with a NUL in the reason', method: 'PUT', url: '/api/areas/noord', body: async () => ({ name: 'Noord', kind: 'street', kvoStatus: 'participating', geometry: sq(6.2, 52.25), reason: NUL }), path: '/reason', auth: true },
    { name: 'an area restore with a NUL in the reason', method: 'POST', url: '/api/areas/noord/restore', body: async () => ({ version: 1, reason: NUL }), path: '/reason', auth: true },
    { name: 'an import apply with a NUL in a feature name', method: 'POST', url: '/api/areas/import/apply', body: async () => ({ features: [areaFeature('oost', NUL, square(6.25, 52.25))], reason: 'x' }), path: '/features/0/properties/name', auth: true },
  ];

  for (const row of rows) {
    it(`${row.name}: 400 naming ${row.path}, nothing changed`, async () => {
      const usersBefore = (await store.users.listUsers()).length;
      const areasBefore = JSON.stringify(await store.listAreas('testdorp'));
      const res = await app.inject({ method: row.method, url: row.url, headers: row.auth ? coordinator : authHeaders(), payload: (await row.body()) as object });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_input');
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(row.path);
      expect((await store.users.listUsers()).length).toBe(usersBefore);
      expect(JSON.stringify(await store.listAreas('testdorp'))).toBe(areasBefore);
    });
  }

  for (const [name, url, body] of [
    ['an import preview', '/api/areas/import', `{"geojson": ${deep(10_000)}}`],
    ['a login', '/api/auth/login', `{"login": "x", "password": ${deep(10_000)}}`],
    ['a push with a certification change', '/api/sync/push', `{"mutations": [{"mutationId": "${crypto.randomUUID()}", "clientId": "${crypto.randomUUID()}", "seq": 1, "table": "certifications", "recordId": "a/2026", "baseRevision": null, "changes": {"answers": ${deep(10_000)}}, "events": []}]}`],
  ] as const) {
    it(`JSON nested 10,000 deep in ${name} is 400 before validation`, async () => {
      const res = await app.inject({ method: 'POST', url, headers: { ...coordinator, 'content-type': 'application/json' }, payload: body });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].message).toContain('nested deeper than 64');
    });
  }

  it('64 levels are still accepted by the parser (the limit is not off by one)', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...authHeaders(), 'content-type': 'application/json' }, payload: `{"login": "x", "password": "y", "z": ${deep(63)}}` });
    // Parsed, then refused by the schema (an unknown field), not by the depth check.
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).not.toContain('nested deeper');
  });

  it('a prototype key in a body changes nothing and is no 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...authHeaders(), 'content-type': 'application/json' }, payload: '{"login": "x", "password": "y", "__proto__": {"admin": true}}' });
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
