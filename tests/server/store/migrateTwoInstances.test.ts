/**
 * Issue 15, "migrations run once under an advisory lock": two compiled server processes (as `npm start`
 * runs them) started at the same moment on one fresh, empty PostgreSQL schema. Each migration is applied
 * once (one row per migration, each named as new by exactly one instance), neither start fails, and both
 * serve the same database afterwards.
 */
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../src/server/store/migrate';
import { openTestSchema } from '../../support/postgres';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { tempDir, writeStaticDir } from '../../support/fixtures';

const url = process.env.TEST_DATABASE_URL;

/** "Migrations: 14 applied, 2 new (…)" → 2; "…, up to date" → 0. */
function newCount(output: string): number {
  const line = output.split('\n').find((l) => l.startsWith('Migrations: '));
  if (!line) throw new Error(`no "Migrations:" line in:\n${output}`);
  if (line.endsWith('up to date')) return 0;
  const m = /^Migrations: \d+ applied, (\d+) new \(/.exec(line);
  if (!m) throw new Error(`unexpected line: ${line}`);
  return Number(m[1]);
}

describe.skipIf(!url)('two server processes started at once on one empty PostgreSQL schema', () => {
  const tmp = tempDir('schouwkaart-migrate-two-');
  const servers: ServerProcess[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await drop?.();
    tmp.remove();
  });

  it('applies every migration exactly once, and both instances start and serve', async () => {
    const schema = await openTestSchema(url!);
    drop = schema.drop;
    const dbUrl = new URL(url!);
    dbUrl.searchParams.set('options', `-c search_path=${schema.name}`);
    const staticDir = path.join(tmp.dir, 'dist');
    writeStaticDir(staticDir);
    const env = (name: string) => ({
      DATABASE_URL: dbUrl.toString(),
      STATIC_DIR: staticDir,
      DATA_DIR: path.join(tmp.dir, name),
    });

    // Both at the same moment: neither waits for the other to be healthy.
    const started = await Promise.allSettled([startServerProcess(env('a')), startServerProcess(env('b'))]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failures = started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const [a, b] = servers as [ServerProcess, ServerProcess];

    const known = loadMigrations();
    const client = new pg.Client({ connectionString: dbUrl.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      );
      // One row per migration file, with that file's checksum: none applied twice, none skipped.
      expect(rows).toEqual(known.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));
    } finally {
      await client.end();
    }

    // Between them the two instances applied each migration once (whoever held the lock first ran it).
    expect(newCount(a.output()) + newCount(b.output()), `${a.output()}\n---\n${b.output()}`).toBe(known.length);
    for (const s of [a, b]) {
      expect(s.output()).not.toMatch(/error|failed/i);
      expect(s.alive()).toBe(true);
      const health = await fetch(`${s.baseUrl}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true, db: 'postgres', database: 'reachable' });
    }
    // The same areas on both, each once: the area load at start did not run twice either.
    const idsOf = async (s: ServerProcess) =>
      ((await (await fetch(`${s.baseUrl}/api/areas`)).json()) as { features: { properties: { id: string } }[] }).features.map((f) => f.properties.id).sort();
    const idsA = await idsOf(a);
    expect(await idsOf(b)).toEqual(idsA);
    expect(idsA.length).toBeGreaterThan(0);
    expect(new Set(idsA).size).toBe(idsA.length);
  });
});
