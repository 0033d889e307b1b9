import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../../domain/access';
import type { Store } from '../store/Store';
import { requireRoles } from './guard';

/**
 * Who may call which API route lives in src/domain/access.ts, shared with the client's menus. The
 * auth hook attaches the guard to every route as it is registered (routes do not pick their own), an
 * /api route missing there cannot be used by anyone but a coordinator (fail closed), and
 * tests/server/roleMatrix.test.ts walks the table for every role and fails on an unlisted route.
 */
export { accessFor, accessTable, allows, everyRole, splitRouteKey, type Access, type RouteKey } from '../../domain/access';

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
