import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/domain/account';
import type { Role } from '../../src/domain/findingStatus';
import { SESSION_COOKIE } from '../../src/server/auth/cookies';
import { hashPassword } from '../../src/server/auth/password';
import { hashToken, newToken, newUserId } from '../../src/server/auth/tokens';
import type { Store } from '../../src/server/store/Store';

/** Cheap scrypt parameters: tests make many users, and the stored hash carries its parameters anyway. */
export const fastParams = { N: 2 ** 10, r: 8, p: 1 };
export const testPassword = 'correct horse battery';

let counter = 0;

/** A user straight in the store (no HTTP), with a password that logs in. */
export async function createUser(store: Store, roles: Role[], opts: { login?: string; name?: string; password?: string } = {}) {
  const id = newUserId();
  const login = opts.login ?? `user${++counter}-${roles.join('-')}@test.nl`;
  const password = opts.password ?? testPassword;
  // completeSetup for the very first user keeps this working on an empty database.
  if ((await store.users.countUsers()) === 0) {
    const token = newToken();
    await store.users.addSetupToken(hashToken(token));
    await store.users.completeSetup(hashToken(token), { id, name: opts.name ?? login, login, passwordHash: await hashPassword(password, fastParams), roles });
  } else {
    const token = newToken();
    await store.users.createInvite({ tokenHash: hashToken(token), roles, createdBy: null, expiresAt: new Date(Date.now() + 3600_000) });
    await store.users.acceptInvite(hashToken(token), { id, name: opts.name ?? login, login, passwordHash: await hashPassword(password, fastParams) });
  }
  return { id, login, password, roles };
}

/** Headers of a logged-in request, with a session made straight in the store (fast, no rate limit). */
export async function sessionHeaders(store: Store, userId: string): Promise<Record<string, string>> {
  const token = newToken();
  await store.users.createSession({ tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + 3600_000) });
  return authHeaders(`${SESSION_COOKIE}=${token}`);
}

/** A user with these roles and the headers of their session: what most route tests need. */
export async function actingAs(store: Store, roles: Role[]) {
  const user = await createUser(store, roles);
  return { user, headers: await sessionHeaders(store, user.id) };
}

export function authHeaders(cookie?: string): Record<string, string> {
  return { [CSRF_HEADER]: CSRF_VALUE, ...(cookie ? { cookie } : {}) };
}

/** Log in over HTTP; returns the `name=value` cookie to send back. */
export async function login(app: FastifyInstance, loginName: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: authHeaders(), payload: { login: loginName, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${loginName} failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res.headers['set-cookie']);
}

export function cookieOf(setCookie: string | string[] | undefined): string {
  const first = [setCookie ?? []].flat()[0] ?? '';
  return first.split(';')[0] ?? '';
}
