import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../domain/findingStatus';

/** Who is asking: set from the session cookie by the auth plugin, null when not logged in. */
export interface RequestActor {
  id: string;
  /** Every role the person holds in any of their municipalities: what the route guards check. */
  roles: Role[];
  /** Roles per municipality (R30): the sync store scopes every query by this. */
  municipalities: Record<string, Role[]>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
  }
}

/**
 * Route guard: 401 without a session, 403 without one of the roles. CONTRACT used by every route;
 * the auth plugin (src/server/auth) fills `request.actor`.
 */
export function requireRoles(...roles: Role[]) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const actor = request.actor;
    if (!actor) {
      await reply.code(401).send({ error: 'not_logged_in' });
      return;
    }
    if (roles.length > 0 && !actor.roles.some((r) => roles.includes(r))) {
      await reply.code(403).send({ error: 'not_allowed_for_role' });
    }
  };
}
