/**
 * `/metrics` in Prometheus' text format, for a configured token only (METRICS_TOKEN, sent as
 * `Authorization: Bearer <token>`): requests by route and status with latency histograms, sync
 * mutations by answer, pull sizes, the mail queue, photo store errors and the database pool.
 * Labels carry route patterns and codes, never ids, names or text.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from './store/Store';

export interface MetricsOptions {
  store: Store;
  token: string | undefined;
  municipalities: readonly string[];
  /** The database pool's state, where there is one (PostgreSQL). */
  pool?: () => { total: number; idle: number; waiting: number } | undefined;
}

// "Try again" answers of a request and why (errors.ts TryAgainCause, or `unexpected`), counted when it is answered.
const tryAgainNotes = new WeakMap<FastifyRequest, string[]>();

/** Notes that this request answers "try again" (a 503, or `retry` for mutations of a push) and why. */
export function noteTryAgain(request: FastifyRequest, cause: string): void {
  tryAgainNotes.set(request, [...(tryAgainNotes.get(request) ?? []), cause]);
}

export function installMetrics(app: FastifyInstance, options: MetricsOptions): Registry {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'schouwkaart_process_' });
  const requests = new Histogram({
    name: 'schouwkaart_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, with their duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  const mutations = new Counter({ name: 'schouwkaart_sync_mutations_total', help: 'Pushed mutations by answer', labelNames: ['answer'] as const, registers: [register] });
  const pullBytes = new Histogram({
    name: 'schouwkaart_sync_pull_bytes',
    help: 'Size of pull pages before compression',
    buckets: [1e3, 1e4, 1e5, 1e6, 5e6, 1e7],
    registers: [register],
  });
  const tryAgain = new Counter({
    name: 'schouwkaart_try_again_total',
    help: 'Answers "try again" (503, or retry for a push) by route pattern and cause',
    labelNames: ['route', 'cause'] as const,
    registers: [register],
  });
  const photoErrors = new Counter({ name: 'schouwkaart_photo_store_errors_total', help: 'Photo requests answered 5xx', registers: [register] });
  new Gauge({
    name: 'schouwkaart_mail_queue',
    help: 'Mails in the queue by state',
    labelNames: ['state'] as const,
    registers: [register],
    async collect() {
      const totals: Record<string, number> = {};
      for (const m of options.municipalities) {
        const { counts } = await options.store.mail.list(m, 0).catch(() => ({ counts: {} as Record<string, number> }));
        for (const [state, n] of Object.entries(counts)) totals[state] = (totals[state] ?? 0) + n;
      }
      for (const [state, n] of Object.entries(totals)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'schouwkaart_db_pool_connections',
    help: 'Database pool connections by state (PostgreSQL)',
    labelNames: ['state'] as const,
    registers: [register],
    collect() {
      const p = options.pool?.();
      if (!p) return;
      this.set({ state: 'total' }, p.total);
      this.set({ state: 'idle' }, p.idle);
      this.set({ state: 'waiting' }, p.waiting);
    },
  });
  new Gauge({
    name: 'schouwkaart_db_up',
    help: '1 when the database answers',
    registers: [register],
    async collect() {
      this.set((await options.store.health()).ok ? 1 : 0);
    },
  });

  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (request.routeOptions.url === '/api/sync/push' && payload && typeof payload === 'object' && 'results' in payload) {
      for (const r of (payload as { results: { status: string }[] }).results) mutations.inc({ answer: r.status });
    }
    return payload;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.routeOptions.url === '/api/sync/pull' && typeof payload === 'string') pullBytes.observe(Buffer.byteLength(payload));
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (route.startsWith('/api/photos') && reply.statusCode >= 500) photoErrors.inc();
    const causes = tryAgainNotes.get(request) ?? (reply.statusCode === 503 ? ['other'] : []);
    for (const cause of causes) tryAgain.inc({ route, cause });
  });

  if (options.token) {
    const expected = Buffer.from(`Bearer ${options.token}`);
    app.get('/metrics', async (request, reply) => {
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).send({ error: 'not_allowed' });
      return reply.type(register.contentType).send(await register.metrics());
    });
  }
  return register;
}
