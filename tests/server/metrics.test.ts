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

  it('METRICS_TOKEN shorter than 16 characters is refused at start', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });
});
