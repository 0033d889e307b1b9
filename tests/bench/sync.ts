// Sync benchmarks (DESIGN.md budgets): pull of 10,000 changed records, push of 500 findings with photos
// after a day offline, push throughput on PGlite (and PostgreSQL when TEST_DATABASE_URL is set), and
// more fuzz seeds. Over loopback to a real listening server; the client is the real engine over
// fake-indexeddb. Measured and reported, never asserted.
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Dexie from 'dexie';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { openDb, type PhotoRecord } from '../../src/storage/db';
import { saveNewFinding } from '../../src/storage/findingsRepo';
import { SyncEngine } from '../../src/sync/engine';
import type { Fetch } from '../../src/sync/http';
import { startSyncServer, type SyncServer, type TestUser } from '../support/syncServer';
import { TestDevice } from '../support/syncMutations';
import { tables, testScope } from '../support/syncScope';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  detail?: Record<string, unknown>;
}

function loopbackFetch(port: number, user: TestUser): Fetch {
  return (url, init = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(user.headers)) headers.set(k, v);
    return fetch(`http://127.0.0.1:${port}${url}`, { ...init, headers });
  };
}

async function listen(server: SyncServer): Promise<number> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.app.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

/** Pushes `count` new findings in batches of 100 over HTTP; returns mutations per second. */
async function pushMany(port: number, user: TestUser, count: number): Promise<number> {
  const device = new TestDevice(user);
  const t0 = performance.now();
  for (let done = 0; done < count; done += 100) {
    const mutations = Array.from({ length: Math.min(100, count - done) }, () => device.create().mutation);
    const res = await loopbackFetch(port, user)('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'schouwkaart' }, body: JSON.stringify({ mutations }) });
    if (!res.ok) throw new Error(`push answered ${res.status}`);
  }
  return count / ((performance.now() - t0) / 1000);
}

async function pull10k(server: SyncServer, port: number, user: TestUser): Promise<Measurement[]> {
  const rate = await pushMany(port, user, 10_000);
  // The server's share: every page fetched and parsed, nothing applied.
  const f = loopbackFetch(port, user);
  const s0 = performance.now();
  for (let since = 0, more = true; more; ) {
    const page = (await (await f(`/api/sync/pull?since=${since}&limit=1000`)).json()) as { revision: number; nextCursor: string | null };
    since = page.revision;
    more = page.nextCursor !== null;
  }
  const serverMs = performance.now() - s0;
  const db = openDb(`bench-pull-${uuidv7()}`);
  const engine = new SyncEngine({ db, fetch: loopbackFetch(port, user), clientId: async () => crypto.randomUUID(), isOnline: () => true });
  const t0 = performance.now();
  await engine.syncNow();
  const ms = performance.now() - t0;
  const local = await db.findings.count();
  db.close();
  await Dexie.delete(db.name);
  return [
    { name: 'sync: push throughput, PGlite (batches of 100 new findings)', value: Math.round(rate), unit: 'mutations/s' },
    { name: 'sync: pull of 10,000 changed records, Node + fake-indexeddb (second line; the Chromium figure is what a device meets)', value: Math.round(ms), unit: 'ms', budget: 2000, detail: { findingsOnDevice: local, status: engine.getStatus().state, serverAndHttpMs: Math.round(serverMs) } },
  ];
}

async function push500WithPhotos(server: SyncServer, port: number, user: TestUser): Promise<Measurement> {
  const db = openDb(`bench-push-${uuidv7()}`);
  const actor = { id: user.id, roles: user.roles };
  const day = Date.parse('2026-03-02T07:00:00Z');
  let photoBytes = 0;
  for (let i = 0; i < 500; i++) {
    // A distinct real JPEG per finding (the server decodes and re-encodes each), noisy so it has some size.
    const noise = Buffer.alloc(160 * 120 * 3).map((_, k) => (k * 7 + i * 13 + ((k * i) % 97)) & 0xff);
    const bytes = new Uint8Array(await sharp(noise, { raw: { width: 160, height: 120, channels: 3 } }).jpeg({ quality: 80 }).toBuffer());
    photoBytes += bytes.length;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const photo: PhotoRecord = { hash, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', width: 1, height: 1, createdAt: new Date(day).toISOString() };
    const r = await saveNewFinding(db, { id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: `bevinding ${i}`, severity: 'low' }, actor, { now: new Date(day + i * 60_000), photos: [photo] });
    if (!r.ok) throw new Error(r.reason);
  }
  const engine = new SyncEngine({ db, fetch: loopbackFetch(port, user), clientId: async () => crypto.randomUUID(), isOnline: () => true });
  const t0 = performance.now();
  await engine.syncNow();
  const ms = performance.now() - t0;
  const left = await db.outbox.count();
  const notUploaded = await db.photos.filter((p) => !p.uploadedAt).count();
  db.close();
  await Dexie.delete(db.name);
  const onServer = (await server.store.sync.pull(0, 100_000, testScope, tables(['findings']))).records.length;
  return { name: 'sync: push of 500 findings with photos after a day offline (loopback)', value: Math.round(ms), unit: 'ms', budget: 30_000, detail: { outboxLeft: left, photosNotUploaded: notUploaded, photoKB: Math.round(photoBytes / 1024), findingsOnServer: onServer, status: engine.getStatus() } };
}

async function postgresThroughput(): Promise<Measurement | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return null;
  const { openTestSchema } = await import('../support/postgres');
  const { PostgresExecutor } = await import('../../src/server/store/PostgresExecutor');
  const { SqlStore } = await import('../../src/server/store/SqlStore');
  const schema = await openTestSchema(url);
  const store = new SqlStore(await PostgresExecutor.open(url, { schema: schema.name, max: 4 }));
  try {
    await store.migrate();
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await store.sync.applyMutation({ mutationId: uuidv7(), clientId: 'bench', seq: i + 1, actorId: 'bench', contentHash: String(i), table: 'findings', recordId: uuidv7(), municipality: 'testdorp' }, testScope, () => ({ kind: 'write', write: { data: { i, municipality: 'testdorp' }, changed: ['i'], conflicts: [], events: [{ id: uuidv7(), data: { i } }] } }));
    }
    return { name: 'sync: store throughput, PostgreSQL (one mutation + one event per transaction)', value: Math.round(n / ((performance.now() - t0) / 1000)), unit: 'mutations/s' };
  } finally {
    await store.close();
    await schema.drop();
  }
}

function moreFuzzSeeds(): Measurement {
  const seeds = Number(process.env.BENCH_FUZZ_SEEDS ?? 300);
  const t0 = performance.now();
  const run = spawnSync('npx', ['vitest', 'run', 'tests/sync/fuzz.test.ts'], { env: { ...process.env, FUZZ_SEEDS: String(seeds), FUZZ_FIRST_SEED: '1001' }, encoding: 'utf8' });
  const out = `${run.stdout}${run.stderr}`;
  const failed = [...out.matchAll(/× .*seed (\d+)/g)].map((m) => Number(m[1]));
  return { name: `sync: fuzz seeds 1001..${1000 + seeds} (three devices converge)`, value: seeds - failed.length, unit: 'seeds passed', detail: { seeds, failedSeeds: failed, exitCode: run.status, seconds: Math.round((performance.now() - t0) / 1000) } };
}

export async function syncBenchmarks(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const run of [pull10k, push500WithPhotos]) {
    const server = await startSyncServer();
    try {
      const port = await listen(server);
      const user = await server.user(['coordinator', 'schouwer']);
      const m = await run(server, port, user);
      out.push(...(Array.isArray(m) ? m : [m]));
    } finally {
      await server.close();
    }
  }
  const pg = await postgresThroughput();
  if (pg) out.push(pg);
  out.push(moreFuzzSeeds());
  return out;
}
