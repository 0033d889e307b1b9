import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/domain/authConstants';
import { openTestSchema } from '../support/postgres';
import { areaFeature, square, tempDir, testMunicipality, validCollection, writeStaticDir } from '../support/fixtures';

// The real entry point, compiled as `npm start` runs it (dist-server/main.js, built by `npm run
// build:server`, which `npm run test:unit` does first), in a child process.

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    cwd: process.cwd(),
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so everything it starts can be signalled by its id.
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Signal the server itself, as a process manager would (the child is plain node on the compiled server). */
function signal(run: Run, sig: NodeJS.Signals): void {
  if (run.child.pid !== undefined) process.kill(run.child.pid, sig);
}

/** Clean-up: the whole process group, by its id. */
function killGroup(run: Run): void {
  if (run.child.pid !== undefined && run.child.exitCode === null && run.child.signalCode === null) {
    try {
      process.kill(-run.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 180_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** stderr of a failed start: its non-empty lines. */
function errorLines(run: Run): string[] {
  return run
    .stderr()
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^npm (warn|notice)/i.test(l));
}

function expectNoStack(run: Run) {
  expect(run.stderr()).not.toMatch(/^\s+at /m);
  expect(run.stderr()).not.toMatch(/node_modules|\.ts:\d+/);
}

// Each test starts real server processes (PGlite's first start runs initdb under WASM): slow on a busy machine.
describe('server entry point (child process)', { timeout: 240_000 }, () => {
  const tmp = tempDir('schouwkaart-main-');
  const staticDir = path.join(tmp.dir, 'dist');
  const dataDir = path.join(tmp.dir, 'data');
  const runs: Run[] = [];
  const launch = (env: Record<string, string>) => {
    const run = start({ STATIC_DIR: staticDir, DATA_DIR: dataDir, ...env });
    runs.push(run);
    return run;
  };

  beforeAll(() => writeStaticDir(staticDir));
  afterAll(async () => {
    for (const run of runs) killGroup(run);
    tmp.remove();
  });

  it('serves /api/health, refuses a second start on the same port, and shuts down cleanly', async () => {
    const port = await freePort();
    const server = launch({ PORT: String(port) });
    // Output arrives in chunks: wait for the last start-up line.
    await until('the start-up lines', () => (server.stdout().includes('Areas:') ? true : undefined));
    expect(server.stdout()).toContain(`Schouwkaart listening on http://localhost:${port}`);
    expect(server.stdout()).toContain(`Database: PGlite in ${path.join(dataDir, 'pglite')}`);
    expect(server.stdout()).toMatch(/^Migrations: 0 applied, \d+ new \(001_areas, .*\)$/m);
    expect(server.stdout()).toMatch(/Areas: loaded \d+ for Deventer/);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, db: 'pglite', database: 'reachable' });
    const page = await fetch(`http://127.0.0.1:${port}/kaart`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('Schouwkaart test');

    // Same port, same data directory: one line about the port, and the running server is untouched.
    const second = launch({ PORT: String(port) });
    expect(await withTimeout(second.exited, 60_000, 'second start to exit')).not.toBe(0);
    expect(errorLines(second)).toEqual([`Error: port ${port} is already in use; set PORT to another port`]);
    expectNoStack(second);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    signal(server, 'SIGTERM');
    expect(await withTimeout(server.exited, 30_000, 'shutdown after SIGTERM'), server.stderr()).toBe(0);
    expect(server.stdout()).toContain('SIGTERM: shutting down');
    expect(server.stdout()).toContain('Schouwkaart stopped');
    expect(server.stderr()).toBe('');
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

    // Restart on the same data: the areas are already there.
    const port2 = await freePort();
    const again = launch({ PORT: String(port2) });
    await until('the restart', () => (again.stdout().includes('Areas:') ? true : undefined));
    expect(again.stdout()).toMatch(/Areas: \d+ for Deventer \(already in the database\)/);
    expect(again.stdout()).toMatch(/^Migrations: \d+ applied, up to date$/m);
    signal(again, 'SIGINT');
    expect(await withTimeout(again.exited, 30_000, 'shutdown after SIGINT'), again.stderr()).toBe(0);
    expect(again.stdout()).toContain('Schouwkaart stopped');
  });

  it('SIGTERM drains: a request in flight is answered, a new one is refused, then the process exits 0', async () => {
    const port = await freePort();
    // LOG_LEVEL=info logs each request as it comes in: the signal is sent once the login is in.
    const server = launch({ PORT: String(port), LOG_LEVEL: 'info' });
    await until('the start-up lines', () => (server.stdout().includes('Areas:') ? true : undefined));
    // A login whose body is still arriving when the signal comes: it must get its answer, not a reset.
    const body = JSON.stringify({ login: 'niemand@deventer.nl', password: 'een fout wachtwoord 123' });
    const answer = new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [CSRF_HEADER]: CSRF_VALUE } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      void until('the login to come in', () => (server.stdout().includes('/api/auth/login') ? true : undefined)).then(async () => {
        signal(server, 'SIGTERM');
        await until('the shutdown to begin', () => (server.stdout().includes('SIGTERM: shutting down') ? true : undefined));
        // A new connection is turned away meanwhile; the one in flight finishes.
        const refused = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 'no connection');
        expect([503, 'no connection']).toContain(refused);
        req.end(body.slice(10));
      }, reject);
    });
    expect(await answer).toBe(401);
    expect(await withTimeout(server.exited, 30_000, 'shutdown after SIGTERM'), server.stderr()).toBe(0);
    expect(server.stdout()).toContain('Schouwkaart stopped');
  });

  it('exits 1 with one clear line when PostgreSQL cannot be reached', async () => {
    const run = launch({ PORT: String(await freePort()), DATABASE_URL: 'postgres://x:secretpw@127.0.0.1:1/x' });
    expect(await withTimeout(run.exited, 60_000, 'exit')).toBe(1);
    const lines = errorLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x: connection refused.*DATABASE_URL/);
    expect(run.stderr()).not.toContain('secretpw');
    expectNoStack(run);
  });

  it('exits 1 with one line per problem for an invalid areas file', async () => {
    const geoDir = path.join(tmp.dir, 'geo');
    fs.mkdirSync(geoDir, { recursive: true });
    fs.writeFileSync(path.join(geoDir, 'testdorp.municipality.json'), JSON.stringify(testMunicipality));
    const bad = validCollection();
    bad.features.push(areaFeature('overlap', 'Overlapper', square(6.155, 52.255)));
    fs.writeFileSync(path.join(geoDir, 'testdorp.geojson'), JSON.stringify(bad));

    const run = launch({
      PORT: String(await freePort()),
      GEO_DIR: geoDir,
      MUNICIPALITY: 'testdorp',
      DATA_DIR: path.join(tmp.dir, 'data-invalid'),
    });
    expect(await withTimeout(run.exited, 60_000, 'exit')).toBe(1);
    const lines = errorLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: .*testdorp\.geojson: .*"Centrum".*"Overlapper".*\[overlap\]$/);
    expectNoStack(run);
  });

  it('exits 1 with one line naming the folder when the PGlite data folder or the photo folder cannot be written', async () => {
    // Root writes through chmod 0500, so a path below a regular file stands in (it fails for everyone).
    const file = path.join(tmp.dir, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    let readOnly = path.join(file, 'data');
    if (process.getuid?.() !== 0) {
      readOnly = path.join(tmp.dir, 'data-read-only');
      fs.mkdirSync(path.join(readOnly, 'pglite'), { recursive: true });
      fs.chmodSync(path.join(readOnly, 'pglite'), 0o500);
    }
    const db = launch({ PORT: String(await freePort()), DATA_DIR: readOnly });
    expect(await withTimeout(db.exited, 60_000, 'exit'), db.stderr()).toBe(1);
    expect(errorLines(db), db.stderr()).toEqual([expect.stringMatching(/^Error: the data directory .*data.*pglite is not writable \(.+\).*DATA_DIR/)]);
    expectNoStack(db);

    // The photo folder (PHOTO_STORE unset: <DATA_DIR>/photos) with a file in its place, in the data folder of the first test.
    const photos = path.join(dataDir, 'photos');
    fs.rmSync(photos, { recursive: true, force: true });
    fs.writeFileSync(photos, 'not a folder');
    const ph = launch({ PORT: String(await freePort()) });
    expect(await withTimeout(ph.exited, 120_000, 'exit'), ph.stderr()).toBe(1);
    expect(errorLines(ph), ph.stderr()).toEqual([expect.stringMatching(/^Error: the photo folder .*photos is not writable \(a file is in the way\).*PHOTO_STORE/)]);
    expectNoStack(ph);
    fs.rmSync(photos);
  });

  it('exits 1 with one line when the built app is missing or a setting is wrong', async () => {
    const noDist = launch({ PORT: String(await freePort()), STATIC_DIR: path.join(tmp.dir, 'nope') });
    expect(await withTimeout(noDist.exited, 60_000, 'exit'), noDist.stderr()).toBe(1);
    expect(errorLines(noDist), noDist.stderr()).toEqual([expect.stringMatching(/^Error: the built app is missing: no index\.html in .*nope; run "npm run build"/)]);

    const badPort = launch({ PORT: '99999' });
    expect(await withTimeout(badPort.exited, 60_000, 'exit'), badPort.stderr()).toBe(1);
    expect(errorLines(badPort), badPort.stderr()).toEqual(['Error: PORT must be a whole number from 0 to 65535, got "99999"']);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;

// Runs where store.postgres.test.ts runs (that file fails in CI when TEST_DATABASE_URL is missing).
describe.skipIf(!pgUrl)('server entry point on PostgreSQL (TEST_DATABASE_URL)', () => {
  const tmp = tempDir('schouwkaart-main-pg-');
  let run: Run | undefined;
  afterAll(() => {
    if (run) killGroup(run);
    tmp.remove();
  });

  it('migrates, loads the areas and serves them', async () => {
    const schema = await openTestSchema(pgUrl!);
    try {
      const url = new URL(pgUrl!);
      url.searchParams.set('options', `-c search_path=${schema.name}`);
      const staticDir = path.join(tmp.dir, 'dist');
      writeStaticDir(staticDir);
      const port = await freePort();
      run = start({ PORT: String(port), STATIC_DIR: staticDir, DATA_DIR: path.join(tmp.dir, 'data'), DATABASE_URL: url.toString() });
      await until('the listening line', () => (run!.stdout().includes('Areas:') ? true : undefined));
      expect(run.stdout()).toContain(`Database: PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`);
      expect(run.stdout()).not.toContain(`${url.username}:`);
      expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toMatchObject({ ok: true, db: 'postgres', database: 'reachable' });
      const areas = await (await fetch(`http://127.0.0.1:${port}/api/areas`)).json();
      expect(areas.features.length).toBeGreaterThan(0);
      // PGlite is not used at all.
      expect(fs.existsSync(path.join(tmp.dir, 'data', 'pglite'))).toBe(false);
      signal(run, 'SIGTERM');
      expect(await withTimeout(run.exited, 30_000, 'shutdown'), run.stderr()).toBe(0);
    } finally {
      await schema.drop();
    }
  });
});
