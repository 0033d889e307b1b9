/**
 * Account removal (issue 12): the coordinator removes a person's account. Their name becomes
 * "voormalig deelnemer" wherever names are read, their sessions end, their login is free again; the
 * findings and history they made stay exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../src/domain/account';
import type { PullResponse } from '../../src/sync/protocol';
import { authHeaders } from '../support/auth';
import { TestDevice } from '../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../support/syncServer';

let server: SyncServer;
let coordinator: TestUser;
let piet: TestUser;
let colleague: TestUser;
let findingId: string;

const pull = async (u: TestUser) => (await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0&limit=1000', headers: u.headers })).json() as PullResponse;
const users = async () => ((await server.app.inject({ method: 'GET', url: '/api/users', headers: coordinator.headers })).json() as { users: PublicUser[] }).users;

beforeAll(async () => {
  server = await startSyncServer();
  coordinator = await server.user(['coordinator'], 'Carla Coordinator');
  piet = await server.user(['schouwer'], 'Piet Schouwer');
  colleague = await server.user(['wijkbeheerder'], 'Wim Beheer');
  const device = new TestDevice({ id: piet.id, roles: piet.roles });
  const made = device.create({ description: 'Losse stoeptegel' });
  findingId = made.finding.id;
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: piet.headers, payload: { mutations: [made.mutation] } });
  expect(res.json().results[0].status).toBe('accepted');
});
afterAll(() => server.close());

describe('account removal', () => {
  it('a coordinator removes an account: the name becomes "voormalig deelnemer", sessions end, records stay', async () => {
    const before = await pull(colleague);
    const pietLogin = (await users()).find((u) => u.id === piet.id)!.login;
    const res = await server.app.inject({ method: 'POST', url: `/api/users/${piet.id}/remove`, headers: coordinator.headers, payload: {} });
    expect(res.statusCode).toBe(204);

    // Their open session opens nothing any more.
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: piet.headers })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0', headers: piet.headers })).statusCode).toBe(401);

    // The people list names them "voormalig deelnemer"; the login they had is gone from it.
    const listed = (await users()).find((u) => u.id === piet.id)!;
    expect(listed).toMatchObject({ name: 'voormalig deelnemer', removed: true, disabled: true });
    expect(JSON.stringify(await users())).not.toContain('Piet');
    expect(listed.login).not.toBe(pietLogin);

    // Nothing else changed: the finding, its creator id and its history are pulled exactly as before.
    const after = await pull(colleague);
    expect(after.records).toEqual(before.records);
    expect(after.events).toEqual(before.events);
    expect(after.records.find((r) => r.id === findingId)!.data).toMatchObject({ createdBy: piet.id, description: 'Losse stoeptegel' });

    // The login is free: a new person can take it through an invite.
    const invite = await server.app.inject({ method: 'POST', url: '/api/users/invites', headers: coordinator.headers, payload: { roles: ['schouwer'] } });
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/auth/accept-invite',
      headers: authHeaders(),
      payload: { token: invite.json().token, name: 'Nieuwe Piet', login: pietLogin, password: 'een lang wachtwoord' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().user.id).not.toBe(piet.id);
  });

  it('a removed account cannot be removed or changed again, and nobody outside the municipality can remove', async () => {
    expect((await server.app.inject({ method: 'POST', url: `/api/users/${piet.id}/remove`, headers: coordinator.headers, payload: {} })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'PATCH', url: `/api/users/${piet.id}`, headers: coordinator.headers, payload: { disabled: false } })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'POST', url: `/api/users/${colleague.id}/remove`, headers: colleague.headers, payload: {} })).statusCode).toBe(403);
  });

  it('the last coordinator cannot be removed', async () => {
    // The test server's setup account is a coordinator too: once it is removed, Carla is the last one.
    const setup = (await users()).find((u) => u.name === 'setup')!;
    expect((await server.app.inject({ method: 'POST', url: `/api/users/${setup.id}/remove`, headers: coordinator.headers, payload: {} })).statusCode).toBe(204);
    const res = await server.app.inject({ method: 'POST', url: `/api/users/${coordinator.id}/remove`, headers: coordinator.headers, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: 'last_coordinator' });
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: coordinator.headers })).statusCode).toBe(200);
  });
});
