/**
 * A PostgreSQL cluster of a test's own (initdb in a temp folder, its own port), for tests that kill or
 * restart the database: the shared test cluster that other suites use is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './serverProcess';

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back a moment later. */
  restartFast(): void;
  /** kill -9 of the postmaster (its children end too); `start()` brings it back on the same data. */
  killPostmaster(): void;
  start(): void;
  /** Terminates every backend of this application name (as `pg_terminate_backend` would in production). */
  terminate(applicationName: string): Promise<number>;
  remove(): void;
}

function bindir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = path.join(base, v, 'bin');
    if (fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

/** True when this machine can run a private cluster (PostgreSQL's binaries are installed). */
export function canRunPrivatePostgres(): boolean {
  return bindir() !== undefined;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = bindir();
  if (!bin) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl); apt-get install postgresql');
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-pg-fault-'));
  const data = path.join(dir, 'data');
  fs.mkdirSync(data);
  // PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
  if (root) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', ['-R', 'postgres', dir]);
  }
  const as = (cmd: string, args: string[]) => (root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];
  const run = (cmd: string, args: string[]) => {
    const [c, a] = as(path.join(bin, cmd), args);
    const r = spawnSync(c, a, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const port = await freePort();
  const start = () => {
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  };
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pid = () => Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);

  return {
    url,
    port,
    restartFast() {
      // -l as at start: without it the new postmaster keeps pg_ctl's output pipe open, and the call never returns.
      run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-m', 'fast', 'restart', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`]);
    },
    killPostmaster() {
      const p = pid();
      process.kill(p, 'SIGKILL');
      // The postmaster's children notice and exit; wait until the port is free, then drop the stale pid file.
      for (let i = 0; i < 100; i++) {
        const busy = spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0;
        if (!busy) break;
        spawnSync('sleep', ['0.1']);
      }
      fs.rmSync(path.join(data, 'postmaster.pid'), { force: true });
    },
    start,
    async terminate(applicationName: string) {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const { rows } = await c.query<{ n: number }>(
          'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        return rows[0]?.n ?? 0;
      } finally {
        await c.end();
      }
    },
    remove() {
      spawnSync(...as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
