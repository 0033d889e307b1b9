/**
 * Issue 12, defect 5: no log line carries SQL parameters, secrets or a person's free text, whatever
 * the server logs (a database error, a request, a record).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import type { SqlExecutor } from '../../../src/server/store/executor';
import { SqlStore } from '../../../src/server/store/SqlStore';
import { authHeaders } from '../../support/auth';
import { testMunicipality, testTiles } from '../../support/fixtures';
import { freshPglite } from '../../support/pglite';

let executor: SqlExecutor;
let store: SqlStore;
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

beforeAll(async () => {
  executor = await freshPglite();
  store = new SqlStore(executor);
  await store.migrate();
});
afterAll(async () => {
  await store?.close();
});

const SECRET_HASH = 'scrypt$32768$8$3$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

describe('what the log may hold', () => {
  it('a database error with parameters is logged with its message, never its parameters', async () => {
    const app = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles }, municipality: testMunicipality, logger: { level: 'info', stream: sink } });
    let err: unknown;
    try {
      await executor.query('INSERT INTO users (id, login, display_name, password_hash) VALUES ($1, $2, $3, $4::int::text)', ['u1', 'jan', 'Jan', SECRET_HASH]);
    } catch (e) {
      err = e;
    }
    // The driver does carry the parameters on the error: that is what must not reach the log.
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err as object))).toContain(SECRET_HASH);
    lines.length = 0;
    app.log.error({ err, mutationId: 'm1' }, 'push: mutation left for retry');
    app.log.error({ error: err, params: ['x', SECRET_HASH] }, 'another shape');
    const out = lines.join('');
    expect(out).toContain('push: mutation left for retry');
    expect(out).toContain('invalid input syntax'); // the message says what went wrong
    expect(out).not.toContain(SECRET_HASH);
    await app.close();
  });

  it('secret fields and free text are redacted wherever a log call puts them', async () => {
    const app = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles }, municipality: testMunicipality, logger: { level: 'info', stream: sink } });
    lines.length = 0;
    app.log.info({ password: 'hunter2-geheim', user: { passwordHash: SECRET_HASH, token: 'tok-geheim' }, finding: { description: 'vrije tekst geheim' } }, 'record');
    const out = lines.join('');
    for (const secret of ['hunter2-geheim', SECRET_HASH, 'tok-geheim', 'vrije tekst geheim']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
    await app.close();
  });

  it('a login request is logged without its cookie or password', async () => {
    const app = buildApp({ store, config: { staticDir: '/nonexistent', tiles: testTiles }, municipality: testMunicipality, logger: { level: 'info', stream: sink } });
    lines.length = 0;
    await app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...authHeaders('schouwkaart_session=sessie-geheim'), 'content-type': 'application/json' }, payload: { login: 'jan', password: 'wachtwoord-geheim-123' } });
    const out = lines.join('');
    expect(out).toContain('/api/auth/login');
    expect(out).not.toContain('sessie-geheim');
    expect(out).not.toContain('wachtwoord-geheim-123');
    await app.close();
  });
});
