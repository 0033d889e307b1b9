import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptInviteInputSchema,
  loginInputSchema,
  passwordChangeSchema,
  passwordResetSchema,
  setupInputSchema,
  type SessionUser,
} from '../../domain/account';
import type { Store } from '../store/Store';
import { UserStoreError, type StoredUser } from '../store/UserStore';
import { SESSION_TTL_MS, clearedSessionCookie, isHttps, sessionCookie } from './cookies';
import { checkPassword } from '../../domain/passwordRules';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { hashToken, newToken, newUserId } from './tokens';

/** Routes under /api/auth: the session itself, the first coordinator and accepting an invite. */
export interface LoginLimits {
  /** Failed logins per login name in a window before 429. */
  perAccount: number;
  /** Failed logins per client address in a window before 429 (higher: colleagues share an office NAT). */
  perAddress: number;
  windowMs: number;
}

export const defaultLoginLimits: LoginLimits = { perAccount: 10, perAddress: 30, windowMs: 15 * 60_000 };

export function registerAuthRoutes(app: FastifyInstance, deps: { store: Store; loginLimits: LoginLimits; setupLinkFile?: string }): void {
  const { store } = deps;

  // Failed logins are counted in the database per account and per address (issue 12, defect 3): a
  // guesser is stopped whichever of the two they vary, and every server process sees the same counts.
  app.post('/api/auth/login', async (request, reply) => {
    const input = loginInputSchema.parse(request.body);
    const keys = [`account:${input.login}`, `address:${request.ip}`] as const;
    const { windowMs } = deps.loginLimits;
    const now = new Date();
    const [account, address] = await Promise.all(keys.map((k) => store.loginLimits.failures(k, windowMs, now)));
    const blocked = [account!.failures >= deps.loginLimits.perAccount ? account! : null, address!.failures >= deps.loginLimits.perAddress ? address! : null].filter((b) => b !== null);
    if (blocked.length > 0) {
      const seconds = Math.max(1, Math.ceil((Math.max(...blocked.map((b) => b.resetAt.getTime())) - now.getTime()) / 1000));
      reply.header('Retry-After', String(seconds));
      return reply.code(429).send({ error: 'rate_limited', message: `Too many failed logins. Try again in ${Math.ceil(seconds / 60)} minute(s).`, retryAfterSeconds: seconds });
    }
    const user = await store.users.getUserByLogin(input.login);
    // Always one scrypt, so the answer time does not tell whether the login name exists.
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok) {
      await store.loginLimits.recordFailure(keys, windowMs, now);
      return reply.code(401).send({ error: 'invalid_credentials' });
    }
    if (user.disabled) return reply.code(403).send({ error: 'account_disabled' });
    await store.loginLimits.deleteExpired(windowMs, now);
    return startSession(request, reply, store, user);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    if (request.sessionHash) await store.users.deleteSession(request.sessionHash);
    reply.header('Set-Cookie', clearedSessionCookie(isHttps(request)));
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request, reply) => {
    const user = await store.users.getUser(request.actor!.id);
    if (!user || user.disabled) return reply.code(401).send({ error: 'not_logged_in' });
    return { user: sessionUser(user) };
  });

  app.get('/api/auth/session', async (request) => {
    const user = request.actor ? await store.users.getUser(request.actor.id) : undefined;
    return { user: user && !user.disabled ? sessionUser(user) : null };
  });

  const tokenLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };

  app.post('/api/auth/setup', { config: tokenLimit }, async (request, reply) => {
    const input = setupInputSchema.parse(request.body);
    const user = {
      id: newUserId(),
      name: input.name,
      login: input.login,
      passwordHash: await hashPassword(input.password),
      roles: ['coordinator' as const],
    };
    try {
      await store.users.completeSetup(hashToken(input.token), user);
    } catch (err) {
      return refusal(reply, err);
    }
    // The link has done its work; it must not lie around on disk (issue 12, defect 8).
    if (deps.setupLinkFile) fs.rmSync(deps.setupLinkFile, { force: true });
    return startSession(request, reply, store, (await store.users.getUser(user.id))!, 201);
  });

  app.post('/api/auth/accept-invite', { config: tokenLimit }, async (request, reply) => {
    const input = acceptInviteInputSchema.parse(request.body);
    const passwordHash = await hashPassword(input.password);
    let user: StoredUser;
    try {
      user = await store.users.acceptInvite(hashToken(input.token), { id: newUserId(), name: input.name, login: input.login, passwordHash });
    } catch (err) {
      return refusal(reply, err);
    }
    return startSession(request, reply, store, user, 201);
  });

  // Own password: the current one is required, so a tablet left logged in cannot be taken over; every
  // other session of the person ends (a lost phone is logged out), this one stays.
  app.post('/api/auth/password', { config: tokenLimit }, async (request, reply) => {
    const input = passwordChangeSchema.parse(request.body);
    const user = await store.users.getUser(request.actor!.id);
    if (!user || user.disabled) return reply.code(401).send({ error: 'not_logged_in' });
    if (!(await verifyPassword(input.current, user.passwordHash))) {
      return reply.code(400).send({ error: 'wrong_password', issues: [{ path: '/current', message: 'is not your current password' }] });
    }
    const weak = checkPassword(input.password, user.login);
    if (weak) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/password', message: weak }] });
    await store.users.changePassword(user.id, await hashPassword(input.password), request.sessionHash);
    return reply.code(204).send();
  });

  // A reset link from the coordinator: sets the password, ends all sessions, logs this device in.
  app.post('/api/auth/reset-password', { config: tokenLimit }, async (request, reply) => {
    const input = passwordResetSchema.parse(request.body);
    // The login is known only once the token is used; the other rules apply before.
    const weak = checkPassword(input.password, '');
    if (weak) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/password', message: weak }] });
    let user: StoredUser;
    try {
      user = await store.users.resetPassword(hashToken(input.token), await hashPassword(input.password));
    } catch (err) {
      return refusal(reply, err);
    }
    return startSession(request, reply, store, user);
  });
}

async function startSession(request: FastifyRequest, reply: FastifyReply, store: Store, user: StoredUser, code = 200) {
  const token = newToken();
  await store.users.createSession({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
  // Housekeeping on login rather than on a timer: the server keeps no background jobs.
  await store.users.deleteExpiredSessions();
  reply.header('Set-Cookie', sessionCookie(token, { secure: isHttps(request), maxAgeSeconds: SESSION_TTL_MS / 1000 }));
  return reply.code(code).send({ user: sessionUser(user) });
}

export function sessionUser(user: StoredUser): SessionUser {
  return { id: user.id, name: user.name, login: user.login, roles: user.roles, municipalities: user.municipalities };
}

/** Refusals of the user store as answers; anything else is a real fault (500, logged). */
export function refusal(reply: FastifyReply, err: unknown) {
  if (!(err instanceof UserStoreError)) throw err;
  const status = { login_taken: 409, invalid_token: 410, setup_done: 409, last_coordinator: 409, not_found: 404, not_allowed_for_municipality: 403 }[err.code];
  return reply.code(status).send({ error: err.code });
}
