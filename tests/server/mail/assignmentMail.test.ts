import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/finding';
import { findingRef } from '../../../src/domain/findingRef';
import { MailWorker } from '../../../src/server/mail/worker';
import { messageIdFor, smtpTransport } from '../../../src/server/mail/transport';
import type { PushResponse } from '../../../src/sync/protocol';
import { startSmtpSink, plainText, type SmtpSink } from '../../support/smtpSink';
import { TestDevice } from '../../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';

/**
 * The assignment mail end to end: a push that assigns findings queues one mail per organisation in
 * the same transaction, and the worker delivers it to a real SMTP server on loopback.
 */
describe('owner organisations are told by mail', () => {
  let server: SyncServer;
  let sink: SmtpSink;
  let coordinator: TestUser;
  let manager: TestUser;
  let schouwer: TestUser;
  let device: TestDevice;
  let walker: TestDevice;
  const workers: MailWorker[] = [];

  const push = async (mutations: unknown[], user = manager) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: user.headers, payload: { mutations } });
    expect(res.statusCode).toBe(200);
    return (res.json() as PushResponse).results;
  };
  const setEmails = async (id: string, emails: string[]) => {
    const res = await server.app.inject({ method: 'PATCH', url: `/api/owners/${id}`, headers: coordinator.headers, payload: { emails } });
    expect(res.statusCode).toBe(200);
  };
  const worker = (clock: () => Date) => {
    const w = new MailWorker({
      store: server.store,
      transport: smtpTransport(sink.url),
      from: 'Schouwkaart <schouw@testdorp.nl>',
      baseUrl: 'https://schouw.testdorp.nl',
      municipalityName: () => 'Testdorp',
      reminderDays: 3,
      // No digest in these tests: a weekday that never comes would be 8; Sunday only on Sundays.
      digestDay: 7,
      clock,
    });
    workers.push(w);
    return w;
  };
  /** Creates findings on the server and returns them with their revisions. */
  const createFindings = async (n: number): Promise<{ finding: Finding; revision: number }[]> => {
    const made = Array.from({ length: n }, (_, i) => walker.create({ description: `Lamp ${i + 1} kapot` }));
    const results = await push(made.map((m) => m.mutation), schouwer);
    return made.map((m, i) => ({ finding: m.finding, revision: (results[i] as { revision: number }).revision }));
  };
  const assign = (f: { finding: Finding; revision: number }, owner: string, dueDate = '2026-04-01') =>
    device.change(f.finding, { kind: 'assign', owner, dueDate }, f.revision).mutation;

  beforeAll(async () => {
    server = await startSyncServer();
    sink = await startSmtpSink();
    coordinator = await server.user(['coordinator']);
    manager = await server.user(['wijkbeheerder']);
    schouwer = await server.user(['schouwer']);
    device = new TestDevice({ id: manager.id, roles: ['wijkbeheerder'] });
    walker = new TestDevice({ id: schouwer.id, roles: ['schouwer'] });
    await setEmails('police', ['wijkagent@politie.example']);
    await setEmails('fire_brigade', ['preventie@brandweer.example']);
    // A guard against a hang on a busy machine, not a speed budget.
  }, 300_000);
  beforeEach(() => {
    sink.received.length = 0;
  });
  // Each test's workers hand the sender lease on, so the next test's worker can take it.
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await sink?.stop();
    await server?.close();
  });

  it('one assignment batch sends exactly one mail per organisation, to its address, with its findings', async () => {
    const [a, b, c] = await createFindings(3);
    const results = await push([assign(a!, 'police'), assign(b!, 'police', '2026-03-20'), assign(c!, 'fire_brigade')]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

    const w = worker(() => new Date(Date.now() + 1000));
    const tick = await w.tick();
    expect(tick).toMatchObject({ leader: true, sent: 2 });
    expect(sink.received).toHaveLength(2);
    const police = sink.received.find((m) => m.to.includes('wijkagent@politie.example'))!;
    const fire = sink.received.find((m) => m.to.includes('preventie@brandweer.example'))!;
    expect(police.to).toEqual(['wijkagent@politie.example']);
    expect(police.subject).toBe('Schouwkaart Testdorp: 2 bevindingen toegewezen aan Politie');
    const text = plainText(police.raw);
    expect(text).toContain(findingRef(a!.finding.id));
    expect(text).toContain(findingRef(b!.finding.id));
    expect(text).not.toContain(findingRef(c!.finding.id));
    expect(text).toContain('Streefdatum: 20 maart 2026');
    expect(text).toContain(`https://schouw.testdorp.nl/opvolging/${a!.finding.id}`);
    expect(text).toContain('Lamp 1 kapot');
    // No personal data: not who found or assigned it.
    expect(police.raw).not.toContain(manager.id);
    expect(police.raw).not.toContain(schouwer.id);
    expect(plainText(fire.raw)).toContain(findingRef(c!.finding.id));
    expect(police.raw).toMatch(/Content-Type: text\/html/i);

    // Nothing more on the next rounds, and the coordinator sees both as sent.
    expect((await w.tick()).sent).toBe(0);
    expect(sink.received).toHaveLength(2);
    const queue = await server.app.inject({ method: 'GET', url: '/api/mail', headers: coordinator.headers });
    expect(queue.json()).toMatchObject({ smtpConfigured: false, counts: { sent: 2, queued: 0, failed: 0 } });
  });

  it('a push sent again (same mutations) mails nobody twice', async () => {
    const [a] = await createFindings(1);
    const m = assign(a!, 'police');
    await push([m]);
    await push([m]);
    const w = worker(() => new Date(Date.now() + 1000));
    await w.tick();
    expect(sink.received).toHaveLength(1);
  });

  it('an owner that is not an organisation of the municipality is refused with unknown_owner, and nobody is mailed', async () => {
    const [a] = await createFindings(1);
    const [r] = await push([assign(a!, 'nonexistent-org')]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'unknown_owner', field: 'owner' });
    await worker(() => new Date(Date.now() + 1000)).tick();
    expect(sink.received).toHaveLength(0);
  });

  it('SMTP down: the mail is retried with back-off and delivered once SMTP is back', async () => {
    const [a] = await createFindings(1);
    await push([assign(a!, 'police')]);
    await sink.stop();
    const t0 = Date.now() + 1000;
    let now = t0;
    const w = worker(() => new Date(now));
    expect(await w.tick()).toMatchObject({ sent: 0, failed: 0 });
    const list = async () => (await server.store.mail.list('testdorp', 10)).mails.find((m) => m.findingIds.includes(a!.finding.id))!;
    const first = await list();
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first.lastError).toBeTruthy();
    expect(Date.parse(first.nextAttemptAt)).toBe(t0 + 60_000);

    // Before the back-off has passed nothing is tried.
    now = t0 + 30_000;
    await w.tick();
    expect((await list()).attempts).toBe(1);
    // The second failure waits twice as long.
    now = t0 + 61_000;
    await w.tick();
    const second = await list();
    expect(second).toMatchObject({ status: 'queued', attempts: 2 });
    expect(Date.parse(second.nextAttemptAt)).toBe(t0 + 61_000 + 120_000);

    await sink.start();
    now = t0 + 61_000 + 121_000;
    expect((await w.tick()).sent).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.messageId).toBe(messageIdFor(second.key, 'Schouwkaart <schouw@testdorp.nl>'));
    expect(await list()).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('a worker that claimed a mail and died: nothing is sent while its claim runs, then exactly once', async () => {
    const [a] = await createFindings(1);
    await push([assign(a!, 'police')]);
    const t0 = Date.now() + 1000;
    // The dead worker's claim (what a process does just before it talks to SMTP).
    const claimed = await server.store.mail.claimNext(new Date(t0), 120_000);
    expect(claimed?.findingIds).toEqual([a!.finding.id]);
    let now = t0 + 60_000;
    const w = worker(() => new Date(now));
    await w.tick();
    expect(sink.received).toHaveLength(0);
    now = t0 + 121_000;
    await w.tick();
    await w.tick();
    expect(sink.received).toHaveLength(1);
  });

  it('one sender at a time: a second worker on the same database does not send while the first holds the lease', async () => {
    const [a] = await createFindings(1);
    await push([assign(a!, 'police')]);
    const clock = () => new Date(Date.now() + 1000);
    const first = worker(clock);
    const second = worker(clock);
    const [r1, r2] = [await first.tick(), await second.tick()];
    expect([r1.leader, r2.leader]).toEqual([true, false]);
    expect(sink.received).toHaveLength(1);
    await first.stop();
    expect((await second.tick()).leader).toBe(true);
  });
});
