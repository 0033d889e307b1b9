/**
 * The bench's load run (issue 15): with a few devices, both runs report their figures, every finding
 * is stored, and nothing it started is left running (servers, their groups, the PostgreSQL cluster).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { canRunPrivatePostgres } from '../support/privatePostgres';
import { tempDir, writeStaticDir } from '../support/fixtures';
import { childrenLeft, childrenOf } from './appServer';
import { describeTryAgain, loadBenchmarks, loadSettings, parseTryAgain, uniqueJpeg } from './load';

const statics = tempDir('schouwkaart-load-static-');
writeStaticDir(statics.dir);
afterAll(() => statics.remove());

/** Whether a PostgreSQL answers on this port (pg_isready exits 0). */
const postgresUp = (port: number) => spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0;

describe('load run settings', () => {
  it('take 200 devices, 30 findings, a sync every 10 and 180 s unless the environment says otherwise', () => {
    expect(loadSettings({})).toEqual({ devices: 200, findingsPerDevice: 30, syncEvery: 10, maxSeconds: 180 });
    expect(loadSettings({ BENCH_LOAD_DEVICES: '20', BENCH_LOAD_FINDINGS: '5', BENCH_LOAD_SYNC_EVERY: '5', BENCH_LOAD_SECONDS: '60' })).toEqual({ devices: 20, findingsPerDevice: 5, syncEvery: 5, maxSeconds: 60 });
    expect(loadSettings({ BENCH_LOAD_DEVICES: 'many' }).devices).toBe(200);
  });

  it('reads the servers\' "try again" answers by cause and route from /metrics text, and prints them with the devices\' errors', () => {
    const text = [
      '# TYPE schouwkaart_try_again_total counter',
      'schouwkaart_try_again_total{route="/api/sync/push",cause="pool_wait"} 3',
      'schouwkaart_try_again_total{route="/api/sync/pull",cause="pool_wait"} 1',
      'schouwkaart_sync_mutations_total{answer="retry"} 7',
    ].join('\n');
    const counts = parseTryAgain(text);
    expect(counts).toEqual({ 'pool_wait /api/sync/push': 3, 'pool_wait /api/sync/pull': 1 });
    const line = describeTryAgain({ instances: 2, tryAgainByCause: counts, errorKinds: { 'push retry': 3 }, loadAverage: { before: [0.5, 0.4, 0.3], after: [1.9, 1, 0.6] } });
    expect(line).toBe('load, 2 instances: answers "try again" by cause: 3 pool_wait /api/sync/push, 1 pool_wait /api/sync/pull; errors the devices saw: 3 push retry; load average before 0.5 0.4 0.3, after 1.9 1 0.6');
  });

  it('every photo is a JPEG of its own bytes', () => {
    const base = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const a = uniqueJpeg(base, 'a');
    expect([...a.subarray(0, 6)]).toEqual([0xff, 0xd8, 0xff, 0xfe, 0, 3]);
    expect(a.equals(uniqueJpeg(base, 'b'))).toBe(false);
  });
});

// Two server starts per run and a PostgreSQL cluster of its own: slow on a busy machine, like main.test.ts.
describe.skipIf(!canRunPrivatePostgres() && !process.env.CI)('load run', { timeout: 600_000 }, () => {
  it('reports throughput, latencies and errors for one and two instances, and leaves no process behind', async () => {
    const before = new Set(childrenOf(process.pid));
    // The time bound is the run's own (no request starts after it), set far beyond what 3 devices need.
    const { measurements, runs, postgresPort } = await loadBenchmarks({ devices: 3, findingsPerDevice: 3, syncEvery: 2, maxSeconds: 3600 }, { staticDir: statics.dir });
    expect(runs.map((r) => r.instances)).toEqual([1, 2]);
    for (const r of runs) {
      expect(r).toMatchObject({ devices: 3, devicesDone: 3, findingsAccepted: 9, photosStored: 9, errors: 0, tryAgainByCause: {}, timedOut: false, serversLeft: 0 });
      // Three findings, a sync every two: two pushes per device, each followed by a pull, after the first pull.
      expect(r.push.count).toBe(6);
      expect(r.pull.count).toBeGreaterThanOrEqual(9);
      // HEAD and PUT per photo.
      expect(r.photo.count).toBe(18);
      expect(r.photosPerSecond).toBeGreaterThan(0);
      for (const l of [r.push, r.pull, r.photo]) {
        expect(l.p50).toBeGreaterThan(0);
        expect(l.p50).toBeLessThanOrEqual(l.p95);
        expect(l.p95).toBeLessThanOrEqual(l.p99);
      }
      expect(r.findingsPerSecond).toBeGreaterThan(0);
    }
    const names = measurements.map((m) => m.name);
    for (const part of ['findings stored per second', 'push p50', 'push p95', 'push p99', 'pull page p50', 'pull page p95', 'pull page p99', 'errors', 'answers "try again"']) {
      expect(names.some((n) => n.includes(part)), part).toBe(true);
    }
    const throughput = measurements.find((m) => m.name.includes('findings stored per second'))!;
    expect(throughput.value).toBe(runs[1]!.findingsPerSecond);
    expect(throughput.baseline).toEqual({ name: '1 instance', value: runs[0]!.findingsPerSecond });
    expect(measurements.find((m) => m.name.includes('processes left'))!.value).toBe(0);
    expect(childrenLeft(before)).toEqual([]);
    expect(postgresUp(postgresPort)).toBe(false);
  });
});
