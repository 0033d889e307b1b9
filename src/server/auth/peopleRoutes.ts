import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Person } from '../../domain/people';
import type { Store } from '../store/Store';

/**
 * GET /api/people: the directory every syncing device keeps, so histories show names. Coordinators'
 * copies hold logins (their contact address); nobody else's does. Answers carry an ETag of their own
 * content, so a device that is up to date gets a 304 and no body.
 */
export function registerPeopleRoutes(app: FastifyInstance, deps: { store: Store }): void {
  app.get('/api/people', async (request, reply) => {
    const coordinator = request.actor!.roles.includes('coordinator');
    // R30: only the people of the asker's municipalities.
    const people: Person[] = (await deps.store.users.listPeople(Object.keys(request.actor!.municipalities))).map(({ login, ...rest }) => (coordinator ? { ...rest, login } : rest));
    const body = JSON.stringify({ people });
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json').send(body);
  });
}
