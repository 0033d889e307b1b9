// Issue 15: /metrics in Prometheus format, only for the configured token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { SqlStore } from '../../src/server/store/SqlStore';
import { freshStore } from '../support/pglite';
import { actingAs } from '../support/auth';
import { tempDir, testMunicipality, testTiles, writeStaticDir } from '../support/fixtures';
import { TestDevice } from '../support/syncMutations';

const token = 'a-long-metrics-token-for-tests';
let store: SqlStore;
let statics: ReturnType<typeof tempDir>;
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
  store = await freshStore();
  statics = tempDir('sk-metrics-static-');
  writeStaticDir(statics.dir);
  app = buildApp({ store, metricsToken: token, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality });
});
afterAll(async () => {
  await app.close();
  await store.close();
  statics.remove();
});

describe('/metrics', () => {
  it('without the token (or with another) is a 401 and shows nothing', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all-x' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('schouwkaart_');
  });

  it('counts requests by route pattern and status, mutations by answer and pull sizes; no ids in labels', async () => {
    const { user, headers } = await actingAs(store, ['schouwer']);
    const device = new TestDevice({ id: user.id, roles: user.roles });
    const good = device.create().mutation;
    const push = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: { mutations: [good] } });
    expect(push.statusCode).toBe(200);
    const pull = await app.inject({ method: 'GET', url: '/api/sync/pull?since=0', headers });
    expect(pull.statusCode).toBe(200);
    await app.inject({ method: 'GET', url: '/api/health' });

    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    const accepted = push.json().results.filter((r: { status: string }) => r.status === 'accepted').length;
    expect(text).toContain(`schouwkaart_sync_mutations_total{answer="accepted"} ${accepted}`);
    expect(text).toMatch(/schouwkaart_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} 1/);
    expect(text).toMatch(/schouwkaart_sync_pull_bytes_count 1/);
    expect(text).toMatch(/schouwkaart_db_up 1/);
    expect(text).toMatch(/schouwkaart_mail_queue/);
    // A route pattern, never the record or photo ids of a request.
    expect(text).not.toContain(good.recordId);
    expect(text).not.toContain(user.id);
  });

  it('counts answers "try again" by route and cause: a push left for retry and a pull answered 503 while the pool was busy', async () => {
    const { user, headers } = await actingAs(store, ['schouwer']);
    const device = new TestDevice({ id: user.id, roles: user.roles });
    // What pg says when no pooled connection came free within the pool's wait bound.
    const busy = () => Promise.reject(new Error('timeout exceeded when trying to connect'));
    const { applyMutation, pullJson } = store.sync;
    store.sync.applyMutation = busy;
    store.sync.pullJson = busy;
    try {
      const push = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: { mutations: [device.create().mutation, device.create().mutation] } });
      expect(push.json().results.map((r: { status: string }) => r.status)).toEqual(['retry', 'retry']);
      const pull = await app.inject({ method: 'GET', url: '/api/sync/pull?since=0', headers });
      expect(pull.statusCode).toBe(503);
      expect(pull.headers['retry-after']).toBe('5');
    } finally {
      store.sync.applyMutation = applyMutation;
      store.sync.pullJson = pullJson;
    }
    const text = (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })).body;
    // One per request: the push stopped at its first mutation (R5), the rest waited.
    expect(text).toContain('schouwkaart_try_again_total{route="/api/sync/push",cause="pool_wait"} 1');
    expect(text).toContain('schouwkaart_try_again_total{route="/api/sync/pull",cause="pool_wait"} 1');
  });

  it('METRICS_TOKEN shorter than 16 characters is refused at start', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });
});
