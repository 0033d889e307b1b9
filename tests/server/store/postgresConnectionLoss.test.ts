// Issue 12, defect 1: a PostgreSQL connection that drops while it is checked out of the pool must not
// end the server process, and the server must answer "try again" and recover by itself. Runs against
// the shared test cluster, but terminates only this test's own connections (own application_name).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { isDatabaseUnavailable, tryAgainCause } from '../../../src/server/errors';
import { PostgresExecutor } from '../../../src/server/store/PostgresExecutor';
import { SqlStore } from '../../../src/server/store/SqlStore';
import { openTestSchema } from '../../support/postgres';
import { tempDir, testMunicipality, testTiles, writeStaticDir } from '../../support/fixtures';

const url = process.env.TEST_DATABASE_URL;

async function terminate(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
      [applicationName],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await admin.end();
  }
}

if (!url && process.env.CI) {
  describe('PostgreSQL connection loss', () => {
    it('needs TEST_DATABASE_URL', () => {
      throw new Error('TEST_DATABASE_URL is not set, and in CI the PostgreSQL tests must run');
    });
  });
} else {
  describe.skipIf(!url)('PostgreSQL connection loss', () => {
    const applicationName = `sk_loss_${randomBytes(4).toString('hex')}`;
    let schema: Awaited<ReturnType<typeof openTestSchema>>;
    let executor: PostgresExecutor;
    let store: SqlStore;

    beforeAll(async () => {
      schema = await openTestSchema(url!);
      executor = await PostgresExecutor.open(url!, { schema: schema.name, max: 4, applicationName });
      store = new SqlStore(executor);
      await store.migrate();
    });
    afterAll(async () => {
      await store.close();
      await schema.drop();
    });

    it('a backend terminated inside a transaction rejects that transaction and leaves the process and pool alive', async () => {
      // The outcome is taken at once, so the rejection is handled when it comes.
      const inFlight = executor
        .transaction(async (tx) => {
          await tx.query('SELECT pg_sleep(30)');
          return 'resolved';
        })
        .then(
          (r) => r,
          (err: unknown) => (isDatabaseUnavailable(err) ? 'unavailable' : `other: ${String(err)}`),
        );
      // Wait until the sleeping transaction is visible, then cut exactly its connection.
      let killed = 0;
      for (let i = 0; i < 100 && killed === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        killed = await terminate(applicationName);
      }
      expect(killed).toBeGreaterThan(0);
      expect(await inFlight).toBe('unavailable');
      // The pool hands out a fresh connection: the next transaction works without a restart.
      await expect(executor.transaction((tx) => tx.query<{ one: number }>('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    });

    it('idle pooled connections terminated behind the server: /api/health still answers reachable, without a restart', async () => {
      const statics = tempDir('sk-loss-static-');
      writeStaticDir(statics.dir);
      const app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles }, municipality: testMunicipality });
      try {
        // Fill the pool with idle connections, then cut every one of them.
        await Promise.all([1, 2, 3].map(() => executor.query('SELECT pg_sleep(0.05)')));
        expect(await terminate(applicationName)).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 100));
        const health = await app.inject({ method: 'GET', url: '/api/health' });
        expect(health.statusCode).toBe(200);
        expect(health.json()).toMatchObject({ ok: true, database: 'reachable' });
      } finally {
        await app.close();
        statics.remove();
      }
    });
  });
}

describe('tryAgainCause', () => {
  it.each([
    ['pool_wait', new Error('timeout exceeded when trying to connect')],
    ['pool_wait', new Error('Connection terminated due to connection timeout')],
    ['connection_lost', new Error('Connection terminated unexpectedly')],
    ['connection_lost', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['database_restarting', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['too_many_connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['write_conflict', Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' })],
    ['write_conflict', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
  ])('%s for %s', (cause, err) => {
    expect(tryAgainCause(err)).toBe(cause);
  });

  it('is null for errors a retry would not mend', () => {
    expect(tryAgainCause(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBeNull();
    expect(tryAgainCause(new TypeError('x is undefined'))).toBeNull();
  });
});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['terminated by administrator', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true],
    ['server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' }), true],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), true],
    ['connection ended', new Error('Connection terminated unexpectedly'), true],
    ['pool checkout timeout', new Error('timeout exceeded when trying to connect'), true],
    ['unique violation', Object.assign(new Error('duplicate key value'), { code: '23505' }), false],
    ['bad text', Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }), false],
    ['plain bug', new TypeError('x is undefined'), false],
  ])('%s → %s', (_name, err, expected) => {
    expect(isDatabaseUnavailable(err)).toBe(expected);
  });
});
