// Load run (issue 15, "Scale, measured"): the compiled server (dist-server, as `npm start` runs it) on
// one PostgreSQL, once as one instance and once as two behind a round-robin "load balancer", with N
// simulated devices that each pull, then walk: findings with a photo each (small real JPEGs, uploaded as
// the engine does: HEAD, then PUT), synced every few findings (photos, push, pull) as the engine does
// online. Bounded in time: a device starts no request after the deadline. Reported, never asserted;
// every process it starts is ended.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import pg from 'pg';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/domain/authConstants';
import { createFinding } from '../../src/domain/findingStatus';
import { changedFields } from '../../src/storage/outbox';
import type { Mutation, MutationResult } from '../../src/sync/protocol';
import { setupCoordinator, type Session } from '../faults/harness';
import { rng } from '../support/rng';
import { startPrivatePostgres } from '../support/privatePostgres';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { groupAlive } from './appServer';
import { percentile, type Measurement } from './measurement';

export interface LoadOptions {
  instances: 1 | 2;
  devices: number;
  findingsPerDevice: number;
  /** Findings per sync run (photos, push, pull) during the walk. */
  syncEvery: number;
  /** No device starts a request after this many seconds. */
  maxSeconds: number;
  databaseUrl: string;
  staticDir: string;
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  instances: number;
  devices: number;
  findingsPerDevice: number;
  devicesDone: number;
  findingsAccepted: number;
  photosStored: number;
  requests: number;
  seconds: number;
  timedOut: boolean;
  findingsPerSecond: number;
  photosPerSecond: number;
  requestsPerSecond: number;
  push: Latency;
  pull: Latency;
  photo: Latency;
  errors: number;
  errorKinds: Record<string, number>;
  /**
   * The servers' own count of "try again" answers (503, or `retry` for a push) by cause and route, from
   * their /metrics (schouwkaart_try_again_total) just before they stop: "pool_wait POST /api/sync/push".
   */
  tryAgainByCause: Record<string, number>;
  /** Server processes (and their groups) still alive after the run: must be 0. */
  serversLeft: number;
  loadAverage: { before: number[]; after: number[] };
}

const PULL_LIMIT = 2000;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, k) => n + k, 0);
const round = (x: number) => Number(x.toFixed(1));

function latency(xs: readonly number[]): Latency {
  if (xs.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return { count: xs.length, p50: round(percentile(xs, 0.5)), p95: round(percentile(xs, 0.95)), p99: round(percentile(xs, 0.99)), max: round(Math.max(...xs)) };
}

/** A JPEG of its own bytes: the base image with a comment segment (COM) naming it, right after SOI. */
export function uniqueJpeg(base: Buffer, name: string): Buffer {
  const text = Buffer.from(name, 'utf8');
  const len = text.length + 2;
  return Buffer.concat([base.subarray(0, 2), Buffer.from([0xff, 0xfe, len >> 8, len & 0xff]), text, base.subarray(2)]);
}

/** A small real photo: 160 × 120 of noise (so it does not compress to nothing), about 10 KB. */
async function baseJpeg(): Promise<Buffer> {
  const random = rng(15);
  const raw = Buffer.alloc(160 * 120 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(random() * 256);
  return sharp(raw, { raw: { width: 160, height: 120, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

class Counters {
  push: number[] = [];
  pull: number[] = [];
  photo: number[] = [];
  requests = 0;
  errorKinds: Record<string, number> = {};
  error(kind: string) {
    this.errorKinds[kind] = (this.errorKinds[kind] ?? 0) + 1;
  }
}

class Deadline extends Error {}

/** One device: pull, walk (findings with a photo each), photos up, push, pull again. */
async function runDevice(
  i: number,
  o: LoadOptions,
  session: Session,
  base: () => string,
  photo: Buffer,
  c: Counters,
  deadline: number,
): Promise<{ done: boolean; accepted: number; photos: number }> {
  const clientId = crypto.randomUUID();
  let accepted = 0;
  let photos = 0;
  // One request: timed, counted, retried up to three times as the engine's next runs would.
  const call = async (kind: 'push' | 'pull' | 'photo', p: string, init: RequestInit = {}): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      if (performance.now() > deadline) throw new Deadline();
      const t0 = performance.now();
      c.requests++;
      try {
        const res = await fetch(`${base()}${p}`, { ...init, headers: { cookie: session.cookie, [CSRF_HEADER]: CSRF_VALUE, ...init.headers }, signal: AbortSignal.timeout(120_000) });
        const body = Buffer.from(await res.arrayBuffer());
        c[kind].push(performance.now() - t0);
        if (res.ok || (kind === 'photo' && res.status === 404 && init.method === 'HEAD')) return new Response(body.length ? body : null, { status: res.status });
        // The server's error code says which kind of refusal it was (e.g. 503 database_unavailable).
        const code = res.headers.get('content-type')?.includes('json') ? (JSON.parse(body.toString() || '{}') as { error?: unknown }).error : undefined;
        c.error(`${kind} ${res.status}${typeof code === 'string' ? ` ${code}` : ''}`);
      } catch (err) {
        if (err instanceof Deadline) throw err;
        c.error(`${kind} ${err instanceof Error ? err.name : 'failed'}`);
      }
      if (attempt >= 3) throw new Error(`${kind} failed four times`);
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  };
  const pullAll = async (since: number): Promise<number> => {
    let cursor: string | null = null;
    let revision = since;
    do {
      const res = await call('pull', `/api/sync/pull?since=${since}&limit=${PULL_LIMIT}${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await res.json()) as { revision: number; nextCursor: string | null };
      revision = Math.max(revision, page.revision);
      cursor = page.nextCursor;
    } while (cursor);
    return revision;
  };
  try {
    let since = await pullAll(0);
    // A walk with the network on: the engine syncs a couple of seconds after writes (R20), so the
    // walk goes up in a few sync runs of `syncEvery` findings, each run photos, push, pull.
    for (let start = 0; start < o.findingsPerDevice; start += o.syncEvery) {
      const mutations: Mutation[] = [];
      for (let k = start; k < Math.min(o.findingsPerDevice, start + o.syncEvery); k++) {
        const bytes = uniqueJpeg(photo, `load ${clientId} ${k}`);
        const sha = createHash('sha256').update(bytes).digest('hex');
        const head = await call('photo', `/api/photos/${sha}`, { method: 'HEAD' });
        if (head.status === 404) await call('photo', `/api/photos/${sha}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(bytes) });
        photos++;
        // A walk through Deventer's centre: inside the municipality, spread over a few streets.
        const point: [number, number] = [6.1585 + ((i * 37 + k * 11) % 100) / 25_000 - 0.002, 52.2512 + ((i * 13 + k * 7) % 100) / 50_000 - 0.001];
        const made = createFinding(
          { id: uuidv7(), municipality: 'deventer', areaId: null, point: { type: 'Point', coordinates: point }, categoryCode: 'lighting', description: `Lamp kapot ${i}-${k}`, severity: 'medium', photoHashes: [sha] },
          session.actor,
          new Date(),
        );
        if (!made.ok) throw new Error(`the domain refused a load finding: ${made.reason}`);
        mutations.push({ mutationId: uuidv7(), clientId, seq: k + 1, table: 'findings', recordId: made.finding.id, baseRevision: null, changes: changedFields(null, made.finding), events: made.events } as Mutation);
      }
      const res = await call('push', '/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mutations }) });
      const { results } = (await res.json()) as { results: MutationResult[] };
      for (const r of results) {
        if (r.status === 'accepted') accepted++;
        else c.error(`push ${r.status}${r.status === 'rejected' ? ` ${r.reason}` : ''}`);
      }
      since = await pullAll(since);
    }
    return { done: true, accepted, photos };
  } catch (err) {
    if (!(err instanceof Deadline)) c.error(`device gave up: ${err instanceof Error ? err.message : String(err)}`);
    return { done: false, accepted, photos };
  }
}

/** One load run on an empty database: start the instances, run the devices, stop everything. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-load-'));
  const servers: ServerProcess[] = [];
  const loadBefore = os.loadavg().map(round);
  try {
    // One data folder for both (photos on one disk, as a shared volume would be); the database is shared.
    const env = { DATABASE_URL: o.databaseUrl, STATIC_DIR: o.staticDir, DATA_DIR: dataDir, TILE_URL_BRT: 'http://127.0.0.1:9/none/{z}/{x}/{y}.png', METRICS_TOKEN };
    servers.push(await startServerProcess(env));
    // The first coordinator before the second instance starts, so only one setup link is made.
    const session = await setupCoordinator(servers[0]!.baseUrl, dataDir);
    if (o.instances === 2) servers.push(await startServerProcess(env));
    let next = 0;
    // A load balancer that sends each request to the next instance.
    const base = () => servers[next++ % servers.length]!.baseUrl;
    const photo = await baseJpeg();
    const c = new Counters();
    const t0 = performance.now();
    const deadline = t0 + o.maxSeconds * 1000;
    const random = rng(o.devices);
    const outcomes = await Promise.all(
      Array.from({ length: o.devices }, async (_, i) => {
        // Devices come in over the first second, not in one instant.
        await new Promise((r) => setTimeout(r, Math.floor(random() * 1000)));
        return runDevice(i, o, session, base, photo, c, deadline);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const findingsAccepted = outcomes.reduce((n, d) => n + d.accepted, 0);
    const errors = total(c.errorKinds);
    const tryAgainByCause = await tryAgainAnswers(servers);
    const result: Omit<LoadResult, 'serversLeft' | 'loadAverage'> = {
      instances: o.instances,
      devices: o.devices,
      findingsPerDevice: o.findingsPerDevice,
      devicesDone: outcomes.filter((d) => d.done).length,
      findingsAccepted,
      photosStored: outcomes.reduce((n, d) => n + d.photos, 0),
      requests: c.requests,
      seconds: round(seconds),
      timedOut: outcomes.some((d) => !d.done) && performance.now() > deadline,
      findingsPerSecond: round(findingsAccepted / seconds),
      photosPerSecond: round(outcomes.reduce((n, d) => n + d.photos, 0) / seconds),
      requestsPerSecond: round(c.requests / seconds),
      push: latency(c.push),
      pull: latency(c.pull),
      photo: latency(c.photo),
      errors,
      errorKinds: c.errorKinds,
      tryAgainByCause,
    };
    await stopAll(servers);
    return { ...result, serversLeft: servers.filter((s) => s.alive() || groupAlive(s.pid)).length, loadAverage: { before: loadBefore, after: os.loadavg().map(round) } };
  } finally {
    await stopAll(servers);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const METRICS_TOKEN = 'load-run-metrics-token';

/** Sums schouwkaart_try_again_total of every instance by "cause route". */
async function tryAgainAnswers(servers: readonly ServerProcess[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of servers) {
    const res = await fetch(`${s.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    if (!res.ok) throw new Error(`/metrics of ${s.baseUrl} answered ${res.status}`);
    for (const [key, n] of Object.entries(parseTryAgain(await res.text()))) out[key] = (out[key] ?? 0) + n;
  }
  return out;
}

/** The try-again counters of one /metrics text, by "cause route". */
export function parseTryAgain(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^schouwkaart_try_again_total\{(.*)\} (\d+(?:\.\d+)?)$/.exec(line);
    if (!m) continue;
    const label = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '?';
    const key = `${label('cause')} ${label('route')}`;
    out[key] = (out[key] ?? 0) + Number(m[2]);
  }
  return out;
}

/** One line per run: the servers' "try again" answers by cause and route, and the devices' errors. */
export function describeTryAgain(r: Pick<LoadResult, 'instances' | 'tryAgainByCause' | 'errorKinds' | 'loadAverage'>): string {
  const list = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
  const load = `load average before ${r.loadAverage.before.join(' ')}, after ${r.loadAverage.after.join(' ')}`;
  return `load, ${r.instances} instance${r.instances === 1 ? '' : 's'}: answers "try again" by cause: ${list(r.tryAgainByCause)}; errors the devices saw: ${list(r.errorKinds)}; ${load}`;
}

/** SIGTERM (the server drains), then the whole group with SIGKILL should anything be left. */
async function stopAll(servers: ServerProcess[]): Promise<void> {
  for (const s of servers) {
    await s.stop('SIGTERM');
    if (groupAlive(s.pid)) await s.stop('SIGKILL').catch(() => undefined);
    try {
      process.kill(-s.pid, 'SIGKILL');
    } catch {
      // The group is gone, as it should be.
    }
  }
}

export interface LoadSettings {
  devices: number;
  findingsPerDevice: number;
  syncEvery: number;
  maxSeconds: number;
}

export function loadSettings(env: Record<string, string | undefined> = process.env): LoadSettings {
  const int = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isInteger(v) && v > 0 ? v : fallback;
  };
  return {
    devices: int('BENCH_LOAD_DEVICES', 200),
    findingsPerDevice: int('BENCH_LOAD_FINDINGS', 30),
    syncEvery: int('BENCH_LOAD_SYNC_EVERY', 10),
    maxSeconds: int('BENCH_LOAD_SECONDS', 180),
  };
}

/**
 * One PostgreSQL cluster of the bench's own (initdb in a temp folder; removed afterwards) with an
 * empty database per run: first one instance, then two. Returns the figures of two instances with
 * those of one as the baseline, and both runs whole in the details.
 */
export async function loadBenchmarks(settings: LoadSettings = loadSettings(), options: { staticDir?: string } = {}): Promise<{ measurements: Measurement[]; runs: LoadResult[]; postgresPort: number }> {
  const cluster = await startPrivatePostgres();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE load_one');
    await admin.query('CREATE DATABASE load_two');
    await admin.end();
    const url = (db: string) => cluster.url.replace(/\/postgres$/, `/${db}`);
    const staticDir = options.staticDir ?? path.resolve('dist');
    const one = await runLoad({ ...settings, instances: 1, databaseUrl: url('load_one'), staticDir });
    const two = await runLoad({ ...settings, instances: 2, databaseUrl: url('load_two'), staticDir });
    const what = `${settings.devices} devices × ${settings.findingsPerDevice} findings with a photo, a sync every ${settings.syncEvery}`;
    const vs = (name: string, unit: string, pick: (r: LoadResult) => number): Measurement => ({
      name: `load, 2 instances on one PostgreSQL: ${name} (${what})`,
      value: pick(two),
      unit,
      baseline: { name: '1 instance', value: pick(one) },
    });
    const measurements: Measurement[] = [
      { ...vs('findings stored per second', 'findings/s', (r) => r.findingsPerSecond), detail: { oneInstance: one, twoInstances: two, machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(round) } } },
      vs('requests per second', 'requests/s', (r) => r.requestsPerSecond),
      vs('push p50', 'ms', (r) => r.push.p50),
      vs('push p95', 'ms', (r) => r.push.p95),
      vs('push p99', 'ms', (r) => r.push.p99),
      vs('pull page p50', 'ms', (r) => r.pull.p50),
      vs('pull page p95', 'ms', (r) => r.pull.p95),
      vs('pull page p99', 'ms', (r) => r.pull.p99),
      vs('photos stored per second', 'photos/s', (r) => r.photosPerSecond),
      vs('photo request p95', 'ms', (r) => r.photo.p95),
      vs('devices done within the time bound', 'devices', (r) => r.devicesDone),
      // Zero is the expected figure here, so no ratio: the one-instance figure is in the detail.
      { name: `load, 2 instances on one PostgreSQL: errors (${what})`, value: two.errors, unit: 'errors', budget: 0, detail: { twoInstances: two.errorKinds, oneInstance: { errors: one.errors, kinds: one.errorKinds } } },
      // The same from the servers' side, by cause (README "Capacity": what each cause means).
      {
        name: `load, 2 instances on one PostgreSQL: answers "try again" (503 or retry) (${what})`,
        value: total(two.tryAgainByCause),
        unit: 'answers',
        baseline: { name: '1 instance', value: total(one.tryAgainByCause) },
        detail: { twoInstances: two.tryAgainByCause, oneInstance: one.tryAgainByCause },
      },
      { name: 'load: server processes left after both runs', value: one.serversLeft + two.serversLeft, unit: 'processes', budget: 0 },
    ];
    return { measurements, runs: [one, two], postgresPort: cluster.port };
  } finally {
    cluster.remove();
  }
}
