import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inviteIdSchema, inviteInputSchema, resetLinkInputSchema, settingsPatchSchema, userIdSchema, userPatchSchema } from '../../domain/account';
import type { Store } from '../store/Store';
import { refusal } from './authRoutes';
import { hashToken, newToken } from './tokens';

/** What an account removed by the coordinator is called everywhere (history, lists, reports). */
export const FORMER_PARTICIPANT = 'voormalig deelnemer';

/** The municipalities where the actor is a coordinator: the only ones whose people they manage (R30). */
export function coordinated(request: FastifyRequest): string[] {
  return Object.entries(request.actor?.municipalities ?? {})
    .filter(([, roles]) => roles.includes('coordinator'))
    .map(([m]) => m);
}

/**
 * Coordinator routes: accounts, invites and settings. The guards come from accessTable.ts; on top, a
 * coordinator manages only people of a municipality they coordinate (R30).
 */
export function registerUserRoutes(app: FastifyInstance, deps: { store: Store; municipality: string; municipalities: readonly string[] }): void {
  const { store } = deps;

  /** The municipality a request is about, when the actor coordinates it; else a 403/404 is sent. */
  const managed = (request: FastifyRequest, reply: FastifyReply, asked: string | undefined): string | null => {
    const m = asked ?? deps.municipality;
    if (!deps.municipalities.includes(m)) {
      void reply.code(404).send({ error: 'unknown_municipality', message: `No municipality "${m}".` });
      return null;
    }
    if (!coordinated(request).includes(m)) {
      void reply.code(403).send({ error: 'not_allowed_for_municipality', message: `You are not a coordinator of ${m}.` });
      return null;
    }
    return m;
  };

  /** The person `id`, when they belong to a municipality the actor coordinates; otherwise they do not exist here. */
  const managedUser = async (request: FastifyRequest, id: string) => {
    const user = await store.users.getUser(id);
    const mine = coordinated(request);
    return user && !user.removed && Object.keys(user.municipalities).some((m) => mine.includes(m)) ? user : null;
  };

  app.get('/api/users', async (request) => ({ users: await store.users.listUsers(coordinated(request)) }));

  app.post('/api/users/invites', async (request, reply) => {
    const input = inviteInputSchema.parse(request.body);
    const municipality = managed(request, reply, input.municipality);
    if (municipality === null) return reply;
    const token = newToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 3600_000);
    const id = await store.users.createInvite({ tokenHash: hashToken(token), roles: input.roles, createdBy: request.actor!.id, expiresAt, municipality });
    // The token lives in the fragment: browsers never send it to a server or put it in a Referer.
    return reply
      .code(201)
      .send({ id, link: `${origin(request)}/uitnodiging#${token}`, token, roles: input.roles, municipality, expiresAt: expiresAt.toISOString() });
  });

  // Open invites only, of the municipalities the coordinator coordinates (R30); the link itself is
  // never shown again (only its hash is kept).
  app.get('/api/users/invites', async (request) => {
    const mine = coordinated(request);
    return { invites: (await store.users.listOpenInvites()).filter((i) => mine.includes(i.municipality ?? deps.municipality)) };
  });

  app.delete('/api/users/invites/:id', async (request, reply) => {
    const id = inviteIdSchema.parse((request.params as { id: string }).id);
    const mine = coordinated(request);
    const invite = (await store.users.listOpenInvites()).find((i) => i.id === id);
    if (invite && !mine.includes(invite.municipality ?? deps.municipality)) return reply.code(404).send({ error: 'not_found' });
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
    const user = await managedUser(request, userId);
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
    if (!(await managedUser(request, id))) return reply.code(404).send({ error: 'not_found' });
    const municipality = patch.roles ? managed(request, reply, patch.municipality) : null;
    if (patch.roles && municipality === null) return reply;
    try {
      return { user: await store.users.updateUser(id, { ...patch, ...(municipality ? { municipality } : {}) }) };
    } catch (err) {
      return refusal(reply, err);
    }
  });

  // Account removal: the name becomes "voormalig deelnemer" everywhere, the login is free again, the
  // sessions end; findings, history and counts stay as they are.
  app.post('/api/users/:id/remove', async (request, reply) => {
    const id = userIdSchema.parse((request.params as { id: string }).id);
    if (!(await managedUser(request, id))) return reply.code(404).send({ error: 'not_found' });
    try {
      await store.users.removeUser(id, FORMER_PARTICIPANT);
    } catch (err) {
      return refusal(reply, err);
    }
    return reply.code(204).send();
  });

  app.get('/api/settings', async () => store.users.getSettings());

  app.patch('/api/settings', async (request) => store.users.updateSettings(settingsPatchSchema.parse(request.body)));
}

function origin(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}`;
}
