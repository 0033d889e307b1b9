/**
 * SPEC.md R30: municipalities are sealed from each other. A Deventer team and a Westland team on one
 * server both push findings (with photos and history), walks, shops and certifications; nothing of one
 * ever reaches the other: not in a pull, not as a photo, not in the summary, not through a write.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse, SyncTable } from '../../../src/sync/protocol';
import { square } from '../../support/fixtures';
import { TestDevice } from '../../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { area } from '../store.contract';
import { deventer, westland } from '../../support/twoTowns';

const places = { deventer: [6.155, 52.255], westland: [4.255, 52.005] } as const;
type Town = keyof typeof places;
const towns: Town[] = ['deventer', 'westland'];
const other = (t: Town): Town => (t === 'deventer' ? 'westland' : 'deventer');
const synced: SyncTable[] = ['findings', 'inspections', 'shops', 'certifications'];

interface Team {
  coordinator: TestUser;
  schouwer: TestUser;
  wijkbeheerder: TestUser;
  partner: TestUser;
  device: TestDevice;
  photo: string;
  findingId: string;
  findingRevision: number;
}

let server: SyncServer;
const teams = {} as Record<Town, Team>;

async function push(user: TestUser, mutations: Mutation[]) {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: user.headers, payload: { mutations } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { results: { status: string; reason?: string; revision?: number; record: unknown }[] }).results;
}

async function pullAll(user: TestUser): Promise<PullResponse> {
  const res = await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0&limit=1000', headers: user.headers });
  expect(res.statusCode).toBe(200);
  return res.json() as PullResponse;
}

const photoOf = (colour: string) => sharp({ create: { width: 32, height: 24, channels: 3, background: colour } }).jpeg().toBuffer();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  server = await startSyncServer({ municipality: deventer, others: [westland] });
  for (const town of towns) {
    // Both towns have an area "centrum": the same id must not mix their figures.
    await server.store.replaceAreas(town, [area(town, 'centrum', { municipality: town, geometry: { type: 'Polygon', coordinates: [square(places[town][0] - 0.01, places[town][1] - 0.01, 0.02)] } as never })]);
  }
  for (const town of towns) {
    const coordinator = await server.user(['coordinator'], `coordinator ${town}`, town);
    const schouwer = await server.user(['schouwer'], `schouwer ${town}`, town);
    const wijkbeheerder = await server.user(['wijkbeheerder'], `beheer ${town}`, town);
    const partner = await server.user(['partner'], `partner ${town}`, town);
    const device = new TestDevice({ id: schouwer.id, roles: schouwer.roles }, town, [...places[town]]);
    const bytes = await photoOf(town === 'deventer' ? '#a22' : '#2a2');
    const up = await server.app.inject({ method: 'PUT', url: `/api/photos/${sha(bytes)}`, headers: { ...schouwer.headers, 'content-type': 'image/jpeg' }, payload: bytes });
    expect(up.statusCode).toBe(201);
    const { mutation, finding } = device.create({ description: `Geheim van ${town}`, photoHashes: [sha(bytes)] });
    mutation.changes = { ...mutation.changes, areaId: 'centrum' };
    const now = '2026-03-02T10:00:00.000Z';
    const walk = device.mutation('inspections', crypto.randomUUID(), { id: '', municipality: town, areaId: 'centrum', startsAt: '2026-03-02T10:00', participants: [], notes: `Route ${town}`, status: 'planned', createdAt: now, updatedAt: now }, [], null);
    walk.changes = { ...walk.changes, id: walk.recordId };
    const [f, w] = await push(schouwer, [mutation, walk]);
    expect([f!.status, w!.status]).toEqual(['accepted', 'accepted']);
    const office = new TestDevice({ id: coordinator.id, roles: coordinator.roles }, town);
    const shopId = `${town}-bakker`;
    const shop = office.mutation('shops', shopId, { id: shopId, municipality: town, name: `Bakker ${town}`, address: 'Markt 1', point: { type: 'Point', coordinates: [...places[town]] }, sector: 'food', open: true, flags: { partnershipMember: true, whatsappGroup: false, collectiveBan: false, nuisanceFee: false, surveyAnswered: false, newsletter: false, kvoApp: false }, shopChecks: [], visits: [], courses: [] }, [], null);
    const certId = `${town}/centrum/2026`; // R32: areaCertificationId(town, 'centrum', 2026)
    const cert = office.mutation('certifications', certId, { id: certId, municipality: town, areaId: 'centrum', year: 2026, answers: { q1: true }, updatedAt: now }, [], null);
    const [s, c] = await push(coordinator, [shop, cert]);
    expect([s!.status, c!.status]).toEqual(['accepted', 'accepted']);
    teams[town] = { coordinator, schouwer, wijkbeheerder, partner, device, photo: sha(bytes), findingId: finding.id, findingRevision: f!.revision! };
  }
});
afterAll(() => server.close());

describe('R30: municipalities are sealed', () => {
  for (const town of towns) {
    it(`${town}: every role that syncs pulls its own records of every table and 0 of ${other(town)}`, async () => {
      const team = teams[town];
      for (const user of [team.coordinator, team.schouwer, team.wijkbeheerder]) {
        const page = await pullAll(user);
        const municipalities = new Set(page.records.map((r) => (r.data as { municipality?: string }).municipality));
        expect([...municipalities]).toEqual([town]);
        for (const table of synced) expect(page.records.filter((r) => r.table === table).length, `${table} for ${town}`).toBeGreaterThan(0);
        expect(page.events.length).toBeGreaterThan(0);
        expect(page.events.every((e) => e.event.findingId === team.findingId)).toBe(true);
        const text = JSON.stringify(page);
        expect(text).not.toContain(other(town));
        expect(text).not.toContain(teams[other(town)].photo);
      }
    });

    it(`${town}: a colleague fetches the team's photo (GET and HEAD); the ${other(town)} photo is 404 for every role`, async () => {
      const team = teams[town];
      const own = await server.app.inject({ method: 'GET', url: `/api/photos/${team.photo}`, headers: team.wijkbeheerder.headers });
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-type']).toBe('image/jpeg');
      const foreign = teams[other(town)].photo;
      for (const user of [team.coordinator, team.schouwer, team.wijkbeheerder]) {
        for (const method of ['GET', 'HEAD'] as const) {
          const res = await server.app.inject({ method, url: `/api/photos/${foreign}`, headers: user.headers });
          expect(res.statusCode, `${method} as ${user.roles.join()}`).toBe(404);
        }
      }
    });

    it(`${town}: writes for ${other(town)} are rejected as not_allowed_for_municipality and change nothing`, async () => {
      const team = teams[town];
      const them = teams[other(town)];
      // Editing the other town's finding (its id leaked somehow) with a proper base revision.
      const theirs = (await pullAll(them.wijkbeheerder)).records.find((r) => r.id === them.findingId)!;
      const attacker = new TestDevice({ id: team.coordinator.id, roles: ['coordinator'] }, town);
      const edit = attacker.mutation('findings', them.findingId, { description: 'overschreven' }, [], theirs.revision);
      // Creating records that name the other town.
      const intruder = new TestDevice({ id: team.schouwer.id, roles: ['schouwer'] }, other(town), [...places[other(town)]]);
      const planted = intruder.create({ description: 'ingeplant' }).mutation;
      const shopId = `${town}-in-${other(town)}`;
      const shop = attacker.mutation('shops', shopId, { id: shopId, municipality: other(town), name: 'Nep', address: '', point: { type: 'Point', coordinates: [...places[other(town)]] }, sector: '', open: true, flags: { partnershipMember: true, whatsappGroup: false, collectiveBan: false, nuisanceFee: false, surveyAnswered: false, newsletter: false, kvoApp: false }, shopChecks: [], visits: [], courses: [] }, [], null);
      const [a] = await push(team.coordinator, [edit]);
      const [b] = await push(team.schouwer, [planted]);
      const [c] = await push(team.coordinator, [shop]);
      for (const r of [a, b, c]) expect(r).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_municipality', record: null });
      const after = await pullAll(them.wijkbeheerder);
      expect(after.records.find((r) => r.id === them.findingId)!.data).toMatchObject({ description: `Geheim van ${other(town)}` });
      expect(after.records.map((r) => r.id)).not.toContain(shopId);
      expect(JSON.stringify(after)).not.toContain('ingeplant');
    });

    it(`${town}: the summary shows only its own figures, also for the shared area id "centrum"`, async () => {
      await server.store.users.updateSettings({ partnersPublic: false });
      const res = await server.app.inject({ method: 'GET', url: '/api/public/summary', headers: teams[town].partner.headers });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { municipality: string; areas: { id: string; findingsByTheme: Record<string, number>; participation: { shops: number } }[] };
      expect(body.municipality).toBe(town);
      expect(body.areas).toHaveLength(1);
      expect(Object.values(body.areas[0]!.findingsByTheme).reduce((a, b) => a + b, 0)).toBe(1);
      expect(body.areas[0]!.participation.shops).toBe(1);
      const theirs = await server.app.inject({ method: 'GET', url: `/api/public/summary?municipality=${other(town)}`, headers: teams[town].partner.headers });
      expect(theirs.statusCode).toBe(403);
    });
  }

  it('a coordinator invites, changes and lists people only in their own municipality', async () => {
    const d = teams.deventer.coordinator;
    const invite = (municipality: string) => server.app.inject({ method: 'POST', url: '/api/users/invites', headers: d.headers, payload: { roles: ['schouwer'], municipality } });
    expect((await invite('westland')).statusCode).toBe(403);
    const ok = await invite('deventer');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ municipality: 'deventer' });
    const accepted = await server.app.inject({ method: 'POST', url: '/api/auth/accept-invite', headers: { 'x-schouwkaart': '1' }, payload: { token: ok.json().token, name: 'Nieuwe schouwer', login: 'nieuw@deventer.test', password: 'een lang wachtwoord' } });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user.municipalities).toEqual({ deventer: ['schouwer'] });
    const grant = await server.app.inject({ method: 'PATCH', url: `/api/users/${teams.deventer.schouwer.id}`, headers: d.headers, payload: { roles: ['coordinator'], municipality: 'westland' } });
    expect(grant.statusCode).toBe(403);
    const foreign = await server.app.inject({ method: 'PATCH', url: `/api/users/${teams.westland.schouwer.id}`, headers: d.headers, payload: { disabled: true } });
    expect(foreign.statusCode).toBe(404);
    const list = (await server.app.inject({ method: 'GET', url: '/api/users', headers: d.headers })).json() as { users: { id: string; municipalities: Record<string, string[]> }[] };
    expect(list.users.map((u) => u.id)).toContain(teams.deventer.schouwer.id);
    expect(list.users.every((u) => 'deventer' in u.municipalities)).toBe(true);
  });

  it('owner organisations, their members, the mail queue and "mijn acties" are per municipality: ?municipality= of another is 403', async () => {
    const d = teams.deventer.coordinator;
    const w = teams.westland.coordinator;
    const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      server.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
    const made = await call(w, 'POST', '/api/owners?municipality=westland', { name: 'Westlandse Woningen', emails: ['info@westland.test'] });
    expect(made.statusCode).toBe(201);
    const theirs = (made.json() as { organisation: { id: string } }).organisation.id;
    await call(w, 'PUT', `/api/owners/members/${teams.westland.wijkbeheerder.id}?municipality=westland`, { organisationId: theirs });
    const before = JSON.stringify([(await call(w, 'GET', '/api/owners?municipality=westland')).json(), (await call(w, 'GET', '/api/owners/members?municipality=westland')).json()]);
    expect(before).toContain('info@westland.test');

    // The Deventer coordinator asks for Westland's: every route is a 403 and changes nothing.
    const attempts = [
      await call(d, 'GET', '/api/owners?municipality=westland'),
      await call(d, 'POST', '/api/owners?municipality=westland', { name: 'Ingeplant', emails: ['x@deventer.test'] }),
      await call(d, 'PATCH', `/api/owners/${theirs}?municipality=westland`, { name: 'Overgenomen', archived: true }),
      await call(d, 'GET', '/api/owners/members?municipality=westland'),
      await call(d, 'PUT', `/api/owners/members/${teams.westland.wijkbeheerder.id}?municipality=westland`, { organisationId: null }),
      await call(d, 'GET', '/api/mail?municipality=westland'),
      await call(teams.deventer.wijkbeheerder, 'GET', '/api/my-actions?municipality=westland'),
      await call(teams.deventer.partner, 'GET', '/api/owners?municipality=westland'),
    ];
    for (const res of attempts) expect([res.statusCode, res.json().error]).toEqual([403, 'not_allowed_for_municipality']);
    // In Deventer, Westland's organisation and people do not exist.
    const foreignOrg = await call(d, 'PATCH', `/api/owners/${theirs}?municipality=deventer`, { name: 'Overgenomen' });
    expect(foreignOrg.statusCode).toBe(404);
    const foreignPerson = await call(d, 'PUT', `/api/owners/members/${teams.westland.wijkbeheerder.id}?municipality=deventer`, { organisationId: 'police' });
    expect([foreignPerson.statusCode, foreignPerson.json().error]).toEqual([404, 'unknown_user']);
    const after = JSON.stringify([(await call(w, 'GET', '/api/owners?municipality=westland')).json(), (await call(w, 'GET', '/api/owners/members?municipality=westland')).json()]);
    expect(after).toBe(before);
    const deventerMembers = (await call(d, 'GET', '/api/owners/members?municipality=deventer')).json() as { members: { userId: string }[] };
    expect(deventerMembers.members.map((m) => m.userId)).not.toContain(teams.westland.wijkbeheerder.id);

    // Members read their own municipality's organisations; addresses only for its coordinators.
    const own = await call(teams.deventer.schouwer, 'GET', '/api/owners?municipality=deventer');
    expect(own.statusCode).toBe(200);
    expect((own.json() as { organisations: { emails: string[] }[] }).organisations.every((o) => o.emails.length === 0)).toBe(true);
    expect(JSON.stringify(own.json())).not.toContain('Westlandse');
  });

  it('a person in both municipalities pulls both, with the roles held in each', async () => {
    const d = teams.deventer.coordinator;
    const w = teams.westland.coordinator;
    // Deventer's coordinator cannot reach a Westland person through the API (they do not exist there)...
    const grant = await server.app.inject({ method: 'PATCH', url: `/api/users/${w.id}`, headers: d.headers, payload: { roles: ['schouwer'], municipality: 'deventer' } });
    expect(grant.statusCode).toBe(404);
    // ...the operator adds the Westland coordinator to Deventer as a schouwer, in the store.
    const both = await server.store.users.updateUser(w.id, { roles: ['schouwer'], municipality: 'deventer' });
    expect(both.municipalities).toEqual({ westland: ['coordinator'], deventer: ['schouwer'] });
    const me = (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: w.headers })).json();
    expect(me.user.municipalities).toEqual({ westland: ['coordinator'], deventer: ['schouwer'] });
    const page = await pullAll(w);
    expect(new Set(page.records.map((r) => (r.data as { municipality: string }).municipality))).toEqual(new Set(['deventer', 'westland']));
    // As a schouwer in Deventer, not a coordinator: Deventer's shops stay the coordinator's to write.
    const office = new TestDevice({ id: w.id, roles: ['coordinator'] }, 'deventer');
    const shopEdit = office.mutation('shops', 'deventer-bakker', { name: 'Overgenomen' }, [], null);
    const [r] = await push(w, [shopEdit]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role' });
  });
});
