/**
 * Survey links by e-mail (issue 16) on PGlite: the coordinator keeps the shops' business addresses
 * (server only), sends the links through the mail outbox to a real SMTP server on loopback, and sends
 * reminders only to the shops that did not answer; shops without an address get letters.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MunicipalityConfig } from '../../../src/domain/municipality';
import type { Shop } from '../../../src/domain/shop';
import { CURRENT_FIXED_VERSION } from '../../../src/domain/survey/fixedQuestions';
import { amsterdamDate } from '../../../src/domain/overdue';
import { MailWorker } from '../../../src/server/mail/worker';
import { smtpTransport } from '../../../src/server/mail/transport';
import type { Mutation, PullResponse } from '../../../src/sync/protocol';
import { testMunicipality } from '../../support/fixtures';
import { pushAccepted, testArea, testShop } from '../../support/registerFixtures';
import { plainText, startSmtpSink, type SmtpSink } from '../../support/smtpSink';
import { TestDevice } from '../../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';

const YEAR = Number(amsterdamDate(new Date()).slice(0, 4));
const westland: MunicipalityConfig = { ...testMunicipality, id: 'westland', name: 'Westland', code: 'GM1783' };
let server: SyncServer;
let sink: SmtpSink;
let worker: MailWorker;
let coordinator: TestUser;
let schouwer: TestUser;
let westlander: TestUser;
const shops: Shop[] = [];
const byName = (name: string) => shops.find((s) => s.name === name)!;

const api = (user: TestUser | null, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  server.app.inject({ method, url, headers: user ? user.headers : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const push = (user: TestUser, mutations: Mutation[]) => pushAccepted(server, user, mutations);

interface MailResult {
  queued: number;
  mailedShopIds: string[];
  letters: { shopId: string; name: string; url: string }[];
}
interface Mailing {
  contacts: { shopId: string; email: string }[];
  mails: Record<string, { invitedAt: string | null; remindedAt: string | null; last: { kind: string; status: string } }>;
}
const mailing = async () => (await api(coordinator, 'GET', `/api/survey/mailing?year=${YEAR}`)).json() as Mailing;
const send = async (reminder: boolean, extra: object = {}) => {
  const res = await api(coordinator, 'POST', '/api/survey/mail', { year: YEAR, reminder, ...extra });
  expect(res.statusCode).toBe(200);
  return res.json() as MailResult;
};
const urlIn = (text: string) => /https?:\/\/\S+\/enquete#[A-Za-z0-9_-]{43}/.exec(text)?.[0];

beforeAll(async () => {
  server = await startSyncServer({ others: [westland] });
  sink = await startSmtpSink();
  coordinator = await server.user(['coordinator']);
  schouwer = await server.user(['schouwer']);
  westlander = await server.user(['coordinator'], 'west', 'westland');
  await server.store.replaceAreas('testdorp', [testArea('centrum', 'Centrum', 6.15, 52.25, 'street')]);
  for (const name of ['Bakker', 'Slager', 'Bloemist', 'Kapper']) shops.push(testShop(name, 6.1551 + shops.length * 0.0001, 52.2551, {}, true));
  shops.push(testShop('Dicht', 6.1559, 52.2559, {}, false));
  const office = new TestDevice(coordinator);
  await push(coordinator, shops.map((s) => office.mutation('shops', s.id, { ...s }, [], null)));
  const setup = { year: YEAR, fixedVersion: CURRENT_FIXED_VERSION, threshold: 5, resultsPublic: false, topical: [] };
  expect((await api(coordinator, 'PUT', '/api/survey', setup)).statusCode).toBe(200);
  worker = new MailWorker({
    store: server.store,
    transport: smtpTransport(sink.url),
    from: 'Schouwkaart <schouw@testdorp.nl>',
    baseUrl: 'https://schouw.testdorp.nl',
    municipalityName: () => 'Testdorp',
    reminderDays: 3,
    digestDay: 7,
  });
}, 600_000); // PGlite set-up on a loaded machine, not a speed budget
afterAll(async () => {
  await worker?.stop();
  await sink?.stop();
  await server?.close();
});
beforeEach(() => {
  sink.received.length = 0;
});

describe('shop addresses for the survey', () => {
  it('only the coordinator of the municipality reads or writes them', async () => {
    const id = byName('Bakker').id;
    for (const user of [schouwer, westlander]) {
      expect((await api(user, 'PUT', `/api/survey/contacts/${id}?municipality=testdorp`, { email: 'info@bakker.nl' })).statusCode).toBe(403);
      expect((await api(user, 'GET', `/api/survey/mailing?municipality=testdorp&year=${YEAR}`)).statusCode).toBe(403);
      expect((await api(user, 'POST', '/api/survey/mail?municipality=testdorp', { year: YEAR })).statusCode).toBe(403);
      expect((await api(user, 'POST', '/api/survey/contacts/import?municipality=testdorp', { csv: 'naam;email\nBakker;a@b.nl' })).statusCode).toBe(403);
    }
    expect((await api(null, 'GET', `/api/survey/mailing?year=${YEAR}`)).statusCode).toBe(401);
    expect((await mailing()).contacts).toEqual([]);
  });

  it('a bad address is refused naming the field, and nothing is stored; a closed or unknown shop gets none', async () => {
    const id = byName('Bakker').id;
    const bad = await api(coordinator, 'PUT', `/api/survey/contacts/${id}`, { email: 'bakker at home' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid_email', field: '/email' });
    expect((await api(coordinator, 'PUT', `/api/survey/contacts/${id}`, {})).json()).toEqual({ error: 'email_missing', field: '/email' });
    expect((await api(coordinator, 'PUT', `/api/survey/contacts/${byName('Dicht').id}`, { email: 'info@dicht.nl' })).statusCode).toBe(409);
    expect((await api(coordinator, 'PUT', '/api/survey/contacts/nope', { email: 'info@nope.nl' })).statusCode).toBe(404);
    expect((await mailing()).contacts).toEqual([]);
    // The synced shop record never holds it.
    const good = await api(coordinator, 'PUT', `/api/survey/contacts/${id}`, { email: ' Info@Bakker.NL ' });
    expect(good.json()).toEqual({ shopId: id, email: 'info@bakker.nl' });
    const pulled = (await api(coordinator, 'GET', '/api/sync/pull?since=0&limit=1000')).json() as PullResponse;
    expect(JSON.stringify(pulled)).not.toContain('bakker.nl');
  });

  it('a CSV file with one broken row changes nothing and names row and field; a good one sets the addresses', async () => {
    const broken = await api(coordinator, 'POST', '/api/survey/contacts/import', { csv: 'Naam;E-mail\nSlager;winkel@slager.nl\nOnbekend;x@y.nl\nKapper;geen adres\n' });
    expect(broken.statusCode).toBe(400);
    const body = broken.json() as { error: string; problems: { row: number; field: string; reason: string }[] };
    expect(body.error).toBe('invalid_rows');
    expect(body.problems).toEqual([
      { row: 3, field: 'name', reason: 'unknown_shop', value: 'Onbekend' },
      { row: 4, field: 'email', reason: 'invalid_email', value: 'geen adres' },
    ]);
    expect((await mailing()).contacts.map((c) => c.email)).toEqual(['info@bakker.nl']);
    const good = await api(coordinator, 'POST', '/api/survey/contacts/import', { csv: 'naam,email\nSlager,winkel@slager.nl\n' });
    expect(good.json()).toEqual({ set: 1, removed: 0 });
    expect((await mailing()).contacts.map((c) => c.email).sort()).toEqual(['info@bakker.nl', 'winkel@slager.nl']);
  });
});

describe('sending the links and reminders', () => {
  let bakkerUrl = '';

  it('mails each shop with an address its own link once; the others get letters; sending again mails nobody', async () => {
    expect((await api(coordinator, 'POST', '/api/survey/mail', { year: YEAR, closesOn: '2026-02-30' })).json()).toEqual({ error: 'invalid_date', field: '/closesOn' });
    const first = await send(false, { closesOn: `${YEAR}-12-24` });
    expect(first.queued).toBe(2);
    expect(first.mailedShopIds.sort()).toEqual([byName('Bakker').id, byName('Slager').id].sort());
    expect(first.letters.map((l) => l.name).sort()).toEqual(['Bloemist', 'Kapper']);
    const again = await send(false);
    expect(again).toMatchObject({ queued: 0, mailedShopIds: [], letters: [] });

    const tick = await worker.tick();
    expect(tick.sent).toBe(2);
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['info@bakker.nl', 'winkel@slager.nl']);
    const bakker = sink.received.find((m) => m.to[0] === 'info@bakker.nl')!;
    expect(bakker.subject).toBe(`Enquête veilig ondernemen Testdorp ${YEAR}`);
    const text = plainText(bakker.raw);
    expect(text).toContain('Beste ondernemer van Bakker,');
    expect(text).toContain(`Graag vóór 24 december ${YEAR}.`);
    expect(text).toContain('De coördinator KVO-W, gemeente Testdorp');
    bakkerUrl = urlIn(text)!;
    expect(bakkerUrl).toBeDefined();
    // The link in the mail opens the survey; the token is no longer kept in the outbox.
    const opened = await api(null, 'POST', '/api/public/survey/open', { token: bakkerUrl.split('#')[1] });
    expect(opened.statusCode).toBe(200);
    const kept = await server.executor.query<{ payload: unknown }>("SELECT payload FROM mail_outbox WHERE kind = 'survey_invite'");
    expect(kept.every((r) => r.payload === null)).toBe(true);

    const state = await mailing();
    const links = (await api(coordinator, 'GET', `/api/survey/links?year=${YEAR}`)).json() as { links: { id: string; shopId: string }[] };
    const bakkerLink = links.links.find((l) => l.shopId === byName('Bakker').id)!;
    expect(state.mails[bakkerLink.id]).toMatchObject({ remindedAt: null, last: { kind: 'survey_invite', status: 'sent' } });
    expect(state.mails[bakkerLink.id]!.invitedAt).not.toBeNull();
  });

  it('a reminder mails only the shops that did not answer; letters for the non-responders without an address', async () => {
    const submitted = await api(null, 'POST', '/api/public/survey/submit', { token: bakkerUrl.split('#')[1], answers: { safeDay: 4 } });
    expect(submitted.statusCode).toBe(200);
    const reminder = await send(true);
    expect(reminder.mailedShopIds).toEqual([byName('Slager').id]);
    expect(reminder.letters.map((l) => l.name).sort()).toEqual(['Bloemist', 'Kapper']);
    // The same day twice is one reminder mail.
    expect((await send(true)).queued).toBe(0);
    await worker.tick();
    expect(sink.received.map((m) => m.to[0])).toEqual(['winkel@slager.nl']);
    expect(sink.received[0]!.subject).toBe(`Herinnering: enquête veilig ondernemen Testdorp ${YEAR}`);
    const url = urlIn(plainText(sink.received[0]!.raw))!;
    expect((await api(null, 'POST', '/api/public/survey/open', { token: url.split('#')[1] })).statusCode).toBe(200);
    const state = await mailing();
    const reminded = Object.values(state.mails).filter((m) => m.remindedAt !== null);
    expect(reminded).toHaveLength(1);
    expect(reminded[0]!.last).toMatchObject({ kind: 'survey_reminder', status: 'sent' });
    // The outbox's counts (and so the metrics) include the survey mails.
    expect((await server.store.mail.list('testdorp', 0)).counts.sent).toBe(3);
  });

  it('an address removed before the worker runs is not mailed; a closed shop loses its address', async () => {
    const slager = byName('Slager');
    expect((await api(coordinator, 'DELETE', `/api/survey/contacts/${slager.id}`)).statusCode).toBe(200);
    expect((await api(coordinator, 'DELETE', `/api/survey/contacts/${slager.id}`)).statusCode).toBe(404);
    expect((await send(true)).queued).toBe(0);
    await api(coordinator, 'PUT', `/api/survey/contacts/${slager.id}`, { email: 'winkel@slager.nl' });
    const office = new TestDevice(coordinator);
    const current = ((await api(coordinator, 'GET', '/api/sync/pull?since=0&limit=1000')).json() as PullResponse).records.find((r) => r.id === slager.id)!;
    await push(coordinator, [office.mutation('shops', slager.id, { open: false }, [], current.revision)]);
    expect((await mailing()).contacts.map((c) => c.email)).toEqual(['info@bakker.nl']);
  });
});
