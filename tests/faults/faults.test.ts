// The fault suite (issue 12), `npm run test:faults`: devices push while the server is killed (PGlite and
// PostgreSQL), while PostgreSQL connections are terminated, while PostgreSQL restarts and while its
// postmaster is killed. Afterwards every acknowledged mutation is in a pull, nothing is duplicated,
// resends get the same answers (R5, R6), and the server serves without a manual restart.
// Bounded by counts of findings and rounds, never by a time limit; prints its figures for the CI log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canRunPrivatePostgres, startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { writeStaticDir } from '../support/fixtures';
import { FaultDevice, pushUntilDrained, rng, setupCoordinator, verify, whenAcknowledged, type Figures, type Session } from './harness';

const SEED = Number(process.env.FAULT_SEED ?? 20261202);
const DEVICES = 5;
const FINDINGS_PER_DEVICE = 40;

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-faults-static-'));
writeStaticDir(staticDir);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => fs.rmSync(staticDir, { recursive: true, force: true }));

async function start(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const server = await startServerProcess({ STATIC_DIR: staticDir, ...env }, { port });
  cleanups.push(() => server.stop());
  return server;
}

function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-faults-data-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function devicesFor(session: Session, seed: number): FaultDevice[] {
  const random = rng(seed);
  const devices = Array.from({ length: DEVICES }, () => new FaultDevice(session, random));
  for (const d of devices) d.capture(FINDINGS_PER_DEVICE);
  return devices;
}

function expectNothingLost(f: Figures): void {
  expect(f.acknowledged).toBe(DEVICES * FINDINGS_PER_DEVICE);
  expect(f.rejected).toBe(0);
  expect(f.missing).toBe(0);
  expect(f.duplicated).toBe(0);
  expect(f.present).toBe(f.acknowledged);
  expect(f.resentSameAnswer).toBe(f.resent);
}

/** Kill -9 the server after some acknowledgements, start it again on the same data and port. */
async function killServerMidPush(env: Record<string, string>, scenario: string): Promise<Figures> {
  const dataDir = newDataDir();
  let server = await start({ DATA_DIR: dataDir, ...env });
  const port = Number(new URL(server.baseUrl).port);
  const session = await setupCoordinator(server.baseUrl, dataDir);
  const devices = devicesFor(session, SEED);
  const pushing = pushUntilDrained(devices);
  for (const at of [40, 120]) {
    await whenAcknowledged(devices, at);
    await server.stop('SIGKILL');
    server = await start({ DATA_DIR: dataDir, ...env }, port);
  }
  await pushing;
  await pushUntilDrained(devices);
  expect(server.alive()).toBe(true);
  return verify(scenario, session, devices);
}

describe('fault suite: the server killed while devices push', () => {
  it('PGlite: kill -9 twice mid-push, restart on the same data: nothing acknowledged is lost or doubled', async () => {
    expectNothingLost(await killServerMidPush({}, 'PGlite, server killed twice'));
  });
});

describe.skipIf(!canRunPrivatePostgres() && !process.env.CI)('fault suite: PostgreSQL (a private cluster)', () => {
  let pg: PrivatePostgres;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
  });
  afterAll(() => pg?.remove());

  async function freshDatabase(name: string): Promise<string> {
    const { default: pgLib } = await import('pg');
    const c = new pgLib.Client({ connectionString: pg.url });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    return pg.url.replace(/\/postgres$/, `/${name}`);
  }

  it('kill -9 of the server twice mid-push: nothing acknowledged is lost or doubled', async () => {
    const url = await freshDatabase('faults_kill');
    expectNothingLost(await killServerMidPush({ DATABASE_URL: url }, 'PostgreSQL, server killed twice'));
  });

  /** One server for the whole run; the database is hurt `faults` times while devices push. */
  async function databaseFaults(scenario: string, db: string, hurt: () => Promise<void> | void): Promise<void> {
    const url = await freshDatabase(db);
    const dataDir = newDataDir();
    const server = await start({ DATA_DIR: dataDir, DATABASE_URL: url });
    const session = await setupCoordinator(server.baseUrl, dataDir);
    const devices = devicesFor(session, SEED + db.length);
    const pushing = pushUntilDrained(devices);
    for (const at of [30, 90, 150]) {
      await whenAcknowledged(devices, at);
      await hurt();
    }
    await pushing;
    await pushUntilDrained(devices);
    // The same process, never restarted by hand, serves on and says its database is reachable.
    expect(server.alive()).toBe(true);
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'reachable' });
    expectNothingLost(await verify(scenario, session, devices));
    expect(server.output()).not.toMatch(/Unhandled 'error' event/);
  }

  it("pg_terminate_backend of every 'schouwkaart' connection, three times mid-push: the server stays up, nothing lost", async () => {
    await databaseFaults('PostgreSQL, connections terminated 3×', 'faults_terminate', async () => {
      await pg.terminate('schouwkaart');
    });
  });

  it('pg_ctl restart -m fast, three times mid-push: the server stays up and reconnects by itself, nothing lost', async () => {
    await databaseFaults('PostgreSQL, restarted 3×', 'faults_restart', () => pg.restartFast());
  });

  it('the postmaster killed and started again, three times mid-push: the server stays up, nothing lost', async () => {
    await databaseFaults('PostgreSQL, postmaster killed 3×', 'faults_postmaster', async () => {
      pg.killPostmaster();
      // Orphaned backends may hold the old shared memory a moment: try the start again until it takes.
      for (let i = 0; ; i++) {
        try {
          pg.start();
          return;
        } catch (err) {
          if (i >= 50) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    });
  });
});
