import type { FastifyInstance } from 'fastify';
import { inviteIdSchema, inviteInputSchema, resetLinkInputSchema, settingsPatchSchema, userIdSchema, userPatchSchema } from '../../domain/account';
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
    const id = await store.users.createInvite({ tokenHash: hashToken(token), roles: input.roles, createdBy: request.actor!.id, expiresAt });
    // The token lives in the fragment: browsers never send it to a server or put it in a Referer.
    return reply.code(201).send({ id, link: `${origin(request)}/uitnodiging#${token}`, token, roles: input.roles, expiresAt: expiresAt.toISOString() });
  });

  // Open invites only: the link itself is never shown again (only its hash is kept).
  app.get('/api/users/invites', async () => ({ invites: await store.users.listOpenInvites() }));

  app.delete('/api/users/invites/:id', async (request, reply) => {
    const id = inviteIdSchema.parse((request.params as { id: string }).id);
    try {
      await store.users.revokeInvite(id);
    } catch (err) {
      return refusal(reply, err);
    }
    return reply.code(204).send();
  });

  // A one-time link, shown to the coordinator to pass on (like an invite): the person sets a new password.
  app.post('/api/users/:id/reset-link', async (request, reply) => {
    const userId = userIdSchema.parse((request.params as { id: string }).id);
    const input = resetLinkInputSchema.parse(request.body ?? {});
    const user = await store.users.getUser(userId);
    if (!user) return reply.code(404).send({ error: 'not_found' });
    if (user.disabled) return reply.code(409).send({ error: 'account_disabled' });
    const token = newToken();
    const expiresAt = new Date(Date.now() + input.expiresInHours * 3600_000);
    try {
      await store.users.createPasswordReset({ tokenHash: hashToken(token), userId, createdBy: request.actor!.id, expiresAt });
    } catch (err) {
      return refusal(reply, err);
    }
    return reply.code(201).send({ link: `${origin(request)}/wachtwoord-herstellen#${token}`, token, expiresAt: expiresAt.toISOString() });
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
