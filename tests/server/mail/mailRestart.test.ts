import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { CSRF_HEADER, CSRF_VALUE } from '../../../src/domain/account';
import { findingRef } from '../../../src/domain/findingRef';
import type { PushResponse } from '../../../src/sync/protocol';
import { tempDir, writeStaticDir } from '../../support/fixtures';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { plainText, startSmtpSink, type SmtpSink } from '../../support/smtpSink';
import { TestDevice } from '../../support/syncMutations';

/** Polls every 100 ms until `check` holds (the test's own timeout ends a wait that never does). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 100));
}

/**
 * The real server process (`npx tsx src/server/main.ts`) killed with SIGKILL after a mail was queued
 * and before it was sent: after the restart exactly one mail arrives at a real SMTP server.
 */
describe('mail outbox across a crash of the server process', () => {
  const tmp = tempDir('schouwkaart-mail-restart-');
  const staticDir = path.join(tmp.dir, 'dist');
  const dataDir = path.join(tmp.dir, 'data');
  const runs: ServerProcess[] = [];
  let sink: SmtpSink;

  beforeAll(async () => {
    writeStaticDir(staticDir);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    for (const run of runs) await run.stop();
    await sink?.stop();
    tmp.remove();
  });

  const launch = async (env: Record<string, string>) => {
    const run = await startServerProcess({ STATIC_DIR: staticDir, DATA_DIR: dataDir, MAIL_POLL_SECONDS: '0.2', PUBLIC_URL: 'https://schouw.example', ...env });
    runs.push(run);
    await until(() => run.output().includes('Mail:'));
    return { run, base: run.baseUrl };
  };

  it('kill -9 between queueing and sending: after the restart exactly one mail', async () => {
    // 1. A server without SMTP: the assignment is accepted and its mail queued, not sent.
    const first = await launch({});
    expect(first.run.output()).toContain('Mail: no SMTP_URL/MAIL_FROM; mails are queued, not sent');
    const token = /setup#([A-Za-z0-9_-]+)/.exec(first.run.output())?.[1];
    expect(token).toBeTruthy();
    const setup = await fetch(`${first.base}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: 'Coördinator', login: 'coord@deventer.example', password: 'een lang wachtwoord' }),
    });
    expect(setup.status).toBe(201);
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = (await setup.json()) as { user: { id: string } };
    const headers = { cookie, [CSRF_HEADER]: CSRF_VALUE, 'content-type': 'application/json' };
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${first.base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    expect((await call('PATCH', '/api/owners/municipality', { emails: ['openbareruimte@deventer.example'] })).status).toBe(200);

    const device = new TestDevice({ id: me.user.id, roles: ['coordinator'] });
    const made = device.create({ id: uuidv7(), description: 'Lantaarnpaal Brink kapot' });
    const created = (await call('POST', '/api/sync/push', { mutations: [{ ...made.mutation, changes: { ...made.mutation.changes, municipality: 'deventer' } }] })).json as unknown as PushResponse;
    expect(created.results[0]!.status).toBe('accepted');
    const finding = { ...made.finding, municipality: 'deventer' };
    const revision = (created.results[0] as { revision: number }).revision;
    const assigned = device.change(finding, { kind: 'assign', owner: 'municipality', dueDate: '2026-12-31' }, revision);
    const pushed = (await call('POST', '/api/sync/push', { mutations: [assigned.mutation] })).json as unknown as PushResponse;
    expect(pushed.results[0]!.status).toBe('accepted');

    const queue = (await call('GET', '/api/mail')).json as { smtpConfigured: boolean; counts: { sent: number }; mails: { kind: string; status: string }[] };
    // Queued and kept, nothing sent (the weekly digest may be queued beside it, depending on the weekday).
    expect(queue.smtpConfigured).toBe(false);
    expect(queue.counts.sent).toBe(0);
    expect(queue.mails.filter((m) => m.kind === 'assignment')).toEqual([expect.objectContaining({ status: 'queued' })]);

    // 2. The process dies without any chance to clean up.
    await first.run.stop('SIGKILL');
    expect(sink.received).toHaveLength(0);

    // 3. Restarted on the same data, now with SMTP: the queued mail goes out, once.
    const second = await launch({ SMTP_URL: sink.url, MAIL_FROM: 'Schouwkaart <schouw@deventer.example>' });
    const assignments = () => sink.received.filter((m) => m.subject.includes('toegewezen'));
    await until(() => assignments().length > 0);
    // A few more worker rounds (every 0.2 s) must not send it again.
    await new Promise((r) => setTimeout(r, 2000));
    expect(assignments()).toHaveLength(1);
    // The weekly digest may go out too (today may be past the digest day), but no mail twice.
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(sink.received.length);
    expect(sink.received.filter((m) => !m.subject.includes('toegewezen')).every((m) => m.subject.includes('weekoverzicht'))).toBe(true);
    const mail = assignments()[0]!;
    expect(mail.to).toEqual(['openbareruimte@deventer.example']);
    expect(mail.subject).toBe('Schouwkaart Deventer: 1 bevinding toegewezen aan Gemeente – openbare ruimte');
    expect(plainText(mail.raw)).toContain(findingRef(finding.id));
    expect(plainText(mail.raw)).toContain(`https://schouw.example/opvolging/${finding.id}`);

    await second.run.stop('SIGTERM');
    // Two server starts on a busy machine: a guard against a hang, not a speed budget.
  }, 600_000);
});
