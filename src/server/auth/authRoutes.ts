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
import { dummyHash, hashPassword, verifyPassword } from './password';
import { hashToken, newToken, newUserId } from './tokens';

/** Routes under /api/auth: the session itself, the first coordinator and accepting an invite. */
export function registerAuthRoutes(app: FastifyInstance, deps: { store: Store; loginAttemptsPerMinute: number }): void {
  const { store } = deps;

  app.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: deps.loginAttemptsPerMinute,
          timeWindow: 60_000,
          // After the body is parsed, so the key can hold the login name: a guesser on one account is
          // stopped without locking out colleagues behind the same office NAT.
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => `${request.ip}|${loginOf(request.body)}`,
        },
      },
    },
    async (request, reply) => {
      const input = loginInputSchema.parse(request.body);
      const user = await store.users.getUserByLogin(input.login);
      // Always one scrypt, so the answer time does not tell whether the login name exists.
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok) return reply.code(401).send({ error: 'invalid_credentials' });
      if (user.disabled) return reply.code(403).send({ error: 'account_disabled' });
      return startSession(request, reply, store, user);
    },
  );

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
    return startSession(request, reply, store, { ...user, disabled: false, createdAt: new Date().toISOString(), organisation: null }, 201);
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
    await store.users.changePassword(user.id, await hashPassword(input.password), request.sessionHash);
    return reply.code(204).send();
  });

  // A reset link from the coordinator: sets the password, ends all sessions, logs this device in.
  app.post('/api/auth/reset-password', { config: tokenLimit }, async (request, reply) => {
    const input = passwordResetSchema.parse(request.body);
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
  return { id: user.id, name: user.name, login: user.login, roles: user.roles };
}

/** Refusals of the user store as answers; anything else is a real fault (500, logged). */
export function refusal(reply: FastifyReply, err: unknown) {
  if (!(err instanceof UserStoreError)) throw err;
  const status = { login_taken: 409, invalid_token: 410, setup_done: 409, last_coordinator: 409, not_found: 404 }[err.code];
  return reply.code(status).send({ error: err.code });
}

function loginOf(body: unknown): string {
  const login = (body as { login?: unknown } | null)?.login;
  return typeof login === 'string' ? login.trim().toLowerCase().slice(0, 200) : '';
}
