import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../domain/findingStatus';
import type { Store } from '../store/Store';
import { requireRoles } from './guard';

/**
 * Who may call which API route: the ONE place that says so. The auth hook attaches the guard to every
 * route as it is registered (routes do not pick their own), an /api route missing here cannot be
 * used by anyone but a coordinator (fail closed), and tests/server/roleMatrix.test.ts walks this table for
 * every role and fails on an unlisted route.
 *
 * - `open`: anyone, also without an account (the app shell needs these before login).
 * - `signedIn`: any active account, whatever its roles.
 * - `publicWhenEnabled`: anyone when the coordinator made the partners' view public, else `signedIn`.
 * - a list of roles: an active account holding at least one of them.
 *
 * Record-level checks (a schouwer edits only their own open finding, ...) come on top, in the route.
 */
export type Access = 'open' | 'signedIn' | 'publicWhenEnabled' | readonly Role[];

const everyRole: readonly Role[] = ['coordinator', 'schouwer', 'wijkbeheerder', 'partner'];

export const accessTable = {
  'GET /api/health': 'open',
  'GET /api/areas': 'open',
  'GET /api/config': 'open',

  'POST /api/auth/login': 'open',
  // Open: logging out with an expired session must still clear the cookie.
  'POST /api/auth/logout': 'open',
  'GET /api/auth/me': 'signedIn',
  'POST /api/auth/setup': 'open',
  'POST /api/auth/accept-invite': 'open',

  'GET /api/users': ['coordinator'],
  'POST /api/users/invites': ['coordinator'],
  'PATCH /api/users/:id': ['coordinator'],
  'GET /api/settings': ['coordinator'],
  'PATCH /api/settings': ['coordinator'],

  'GET /api/public/summary': 'publicWhenEnabled',

  // Sync and photos (src/server/sync, SPEC.md R16/R18): partners sync nothing and see no photos.
  'POST /api/sync/push': ['coordinator', 'schouwer', 'wijkbeheerder'],
  'GET /api/sync/pull': ['coordinator', 'schouwer', 'wijkbeheerder'],
  'PUT /api/photos/:sha256': ['coordinator', 'schouwer', 'wijkbeheerder'],
  'GET /api/photos/:sha256': ['coordinator', 'schouwer', 'wijkbeheerder'],

  // Area editing (src/server/areas).
  'PUT /api/areas/:id': ['coordinator'],
  'POST /api/areas': ['coordinator'],
  'POST /api/areas/:id/retire': ['coordinator'],
  'GET /api/areas/:id/versions': ['coordinator'],
  'POST /api/areas/:id/restore': ['coordinator'],
  // The same data as GET /api/areas, as a file.
  'GET /api/areas/export': 'open',
  'POST /api/areas/import': ['coordinator'],
  'POST /api/areas/import/apply': ['coordinator'],
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof accessTable;

export { everyRole };

/** `GET /api/users/:id` → its entry, or undefined. HEAD routes share their GET's entry. */
export function accessFor(method: string, url: string, table: Record<string, Access> = accessTable): Access | undefined {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return table[`${m} ${url}`];
}

export function splitRouteKey(key: string): { method: string; url: string } {
  const [method, url] = key.split(' ') as [string, string];
  return { method, url };
}

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const signedIn = requireRoles();

/** The onRequest guard for one access rule; undefined when the route is open. */
export function guardFor(access: Access, store: Pick<Store, 'users'>): Guard | undefined {
  if (access === 'open') return undefined;
  if (access === 'signedIn') return signedIn;
  if (access === 'publicWhenEnabled') {
    return async (request, reply) => {
      if ((await store.users.getSettings()).partnersPublic) return;
      await signedIn(request, reply);
    };
  }
  return requireRoles(...access);
}

/** Whether `roles` may use a route with `access` (for the role matrix and for UI hints). */
export function allows(access: Access, roles: readonly Role[] | null, partnersPublic: boolean): boolean {
  if (access === 'open') return true;
  if (access === 'publicWhenEnabled' && partnersPublic) return true;
  if (roles === null) return false;
  if (access === 'signedIn' || access === 'publicWhenEnabled') return true;
  return roles.some((r) => access.includes(r));
}
