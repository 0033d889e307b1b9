import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, CSRF_VALUE } from '../../domain/account';
import type { Store } from '../store/Store';
import { accessFor, accessTable, guardFor, type Access } from './accessTable';
import { defaultLoginLimits, registerAuthRoutes, type LoginLimits } from './authRoutes';
import { SESSION_COOKIE, SESSION_TTL_MS, isHttps, readCookie, sessionCookie } from './cookies';
import { registerPeopleRoutes } from './peopleRoutes';
import { registerPublicRoutes } from './publicRoutes';
import { hashToken } from './tokens';
import { registerUserRoutes } from './userRoutes';
import './guard';

export interface AuthOptions {
  store: Store;
  municipality: string;
  /** Every municipality served (ids); default: only `municipality`. */
  municipalities?: readonly string[];
  /** Failed logins per login name before 429 (tests lower it); per address is three times that, at least 30. */
  loginAttemptsPerMinute?: number;
  /** `<DATA_DIR>/setup-link.txt`: removed once the first coordinator exists. */
  setupLinkFile?: string;
  /** All login limits at once (tests). */
  loginLimits?: Partial<LoginLimits>;
  /** Every /api route that needs no entry in the access table (test-only routes). */
  extraAccess?: Record<string, Access>;
}

// A session in use is extended, at most once a day (one write per day, not one per request), so a
// tablet used every week never has to log in again, and one left in a drawer for a month does.
const EXTEND_AFTER_MS = 24 * 3600_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 of the session token of this request, when it carried a valid one. */
    sessionHash: string | null;
  }
  interface FastifyInstance {
    /** Every API route as `METHOD /url`, with its access rule: what the role matrix walks. */
    apiRoutes: Map<string, Access>;
    /** API routes with no entry in the access table (coordinator-only meanwhile). */
    unlistedRoutes: string[];
  }
}

/**
 * Accounts and access control for the whole app. Call first in buildApp, before any route: its onRoute
 * hook attaches each route's guard from `accessTable` (coordinator-only for a route the table lacks).
 */
export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  const { store } = options;
  // A user from before migration 010 (or created without one) belongs to this municipality.
  store.users.useHomeMunicipality(options.municipality);
  const table: Record<string, Access> = { ...accessTable, ...options.extraAccess };
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionHash', null);
  app.decorate('apiRoutes', new Map<string, Access>());
  app.decorate('unlistedRoutes', [] as string[]);

  app.addHook('onRoute', (route) => {
    if (!isApi(route.url ?? route.path)) return;
    const url = route.url ?? route.path;
    for (const method of [route.method].flat()) {
      const listed = accessFor(method, url, table);
      // Fail closed: a route nobody listed is for coordinators only until it is, and the role-matrix
      // test names it (app.unlistedRoutes), so it cannot stay unlisted for long.
      const access = listed ?? (['coordinator'] as const);
      if (listed === undefined && method !== 'HEAD') app.unlistedRoutes.push(`${method} ${url}`);
      if (method !== 'HEAD') app.apiRoutes.set(`${method} ${url}`, access);
      const guards = [...(isSafe(method) ? [] : [csrfGuard]), ...[guardFor(access, store) ?? []].flat()];
      route.onRequest = [...guards, ...[route.onRequest ?? []].flat()];
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (isApi(request.url)) await readSession(request, reply, store);
  });

  // The token routes' limits count per process (in memory); failed logins are counted in the database.
  void app.register(rateLimit, { global: false });
  const perAccount = options.loginLimits?.perAccount ?? options.loginAttemptsPerMinute ?? defaultLoginLimits.perAccount;
  const loginLimits: LoginLimits = {
    perAccount,
    perAddress: options.loginLimits?.perAddress ?? Math.max(defaultLoginLimits.perAddress, perAccount * 3),
    windowMs: options.loginLimits?.windowMs ?? defaultLoginLimits.windowMs,
  };
  void app.register(async (scoped) => {
    registerAuthRoutes(scoped, { store, loginLimits, setupLinkFile: options.setupLinkFile });
    const municipalities = options.municipalities ?? [options.municipality];
    registerUserRoutes(scoped, { store, municipality: options.municipality, municipalities });
    registerPeopleRoutes(scoped, { store });
    registerPublicRoutes(scoped, { store, municipality: options.municipality, municipalities });
  });
}

async function readSession(request: FastifyRequest, reply: FastifyReply, store: Store): Promise<void> {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (!token) return;
  const tokenHash = hashToken(token);
  const found = await store.users.findSession(tokenHash);
  if (!found) return;
  const municipalities = found.user.municipalities;
  const roles = [...new Set(Object.values(municipalities).flat())];
  request.actor = { id: found.user.id, roles, municipalities };
  request.sessionHash = tokenHash;
  const now = Date.now();
  if (found.expiresAt.getTime() - now < SESSION_TTL_MS - EXTEND_AFTER_MS) {
    const expiresAt = new Date(now + SESSION_TTL_MS);
    await store.users.extendSession(tokenHash, expiresAt);
    reply.header('Set-Cookie', sessionCookie(token, { secure: isHttps(request), maxAgeSeconds: SESSION_TTL_MS / 1000 }));
  }
}

function isSafe(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/**
 * CSRF: a state-changing request from another site is refused by its Origin, and one that carries the
 * session cookie must also carry the custom header, which no cross-site form can set and no cross-site
 * fetch can set without a CORS preflight that this server never grants.
 */
async function csrfGuard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const origin = request.headers.origin;
  if (origin !== undefined && !sameHost(origin, request.host)) {
    await reply.code(403).send({ error: 'cross_site_request' });
    return;
  }
  if (readCookie(request.headers.cookie, SESSION_COOKIE) !== undefined && request.headers[CSRF_HEADER] !== CSRF_VALUE) {
    await reply.code(403).send({ error: 'csrf_header_missing', message: `Send the header ${CSRF_HEADER}: ${CSRF_VALUE}.` });
  }
}

/** Compared through URL, so a default port written out ("localhost:80") still matches. */
function sameHost(origin: string, host: string): boolean {
  try {
    const o = new URL(origin);
    return new URL(`${o.protocol}//${host}`).host === o.host;
  } catch {
    return false;
  }
}

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
