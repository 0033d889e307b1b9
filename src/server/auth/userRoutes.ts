import type { FastifyInstance } from 'fastify';
import { inviteInputSchema, settingsPatchSchema, userIdSchema, userPatchSchema } from '../../domain/account';
import type { Store } from '../store/Store';
import { refusal } from './authRoutes';
import { hashToken, newToken } from './tokens';

/** Coordinator routes: accounts, invites and settings. The guards come from accessTable.ts. */
export function registerUserRoutes(app: FastifyInstance, deps: { store: Store }): void {
  const { store } = deps;

  app.get('/api/users', async () => ({ users: await store.users.listUsers() }));

  app.post('/api/users/invites', async (request, reply) => {
    const input = inviteInputSchema.parse(request.body);
    const token = newToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 3600_000);
    await store.users.createInvite({ tokenHash: hashToken(token), roles: input.roles, createdBy: request.actor!.id, expiresAt });
    // The token lives in the fragment: browsers never send it to a server or put it in a Referer.
    return reply.code(201).send({ link: `${origin(request)}/uitnodiging#${token}`, token, roles: input.roles, expiresAt: expiresAt.toISOString() });
  });

  app.patch('/api/users/:id', async (request, reply) => {
    const id = userIdSchema.parse((request.params as { id: string }).id);
    const patch = userPatchSchema.parse(request.body);
    try {
      return { user: await store.users.updateUser(id, patch) };
    } catch (err) {
      return refusal(reply, err);
    }
  });

  app.get('/api/settings', async () => store.users.getSettings());

  app.patch('/api/settings', async (request) => store.users.updateSettings(settingsPatchSchema.parse(request.body)));
}

function origin(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}`;
}
