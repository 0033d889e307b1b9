/**
 * Owner organisations (coordinator keeps them; every account reads them so assigning works offline),
 * links of accounts to organisations, the mail queue for the coordinator, and "Mijn acties".
 * Access per route: src/server/auth/accessTable.ts.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findingOwnerSchema } from '../../domain/finding';
import { findingRef } from '../../domain/findingRef';
import type { MunicipalityConfig } from '../../domain/municipality';
import { isOverdue } from '../../domain/overdue';
import { organisationInputSchema, organisationPatchSchema } from '../../domain/ownerOrganisation';
import { userIdSchema } from '../../domain/account';
import { OwnerStoreError } from '../store/OwnerStore';
import type { Store } from '../store/Store';

export interface OwnerRouteOptions {
  store: Pick<Store, 'owners' | 'mail' | 'users'>;
  municipalities: readonly MunicipalityConfig[];
  smtpConfigured: boolean;
  now?: () => Date;
}

const memberBodySchema = z.strictObject({ organisationId: findingOwnerSchema.nullable() });

const messages: Record<OwnerStoreError['reason'], { status: number; message: string }> = {
  name_taken: { status: 409, message: 'Another organisation of this municipality already has this name.' },
  not_found: { status: 404, message: 'There is no such organisation in this municipality.' },
  unknown_user: { status: 404, message: 'There is no such account.' },
  archived: { status: 409, message: 'This organisation is archived; restore it first.' },
};

function refuse(reply: FastifyReply, err: unknown) {
  if (!(err instanceof OwnerStoreError)) throw err;
  const m = messages[err.reason];
  return reply.code(m.status).send({ error: err.reason, message: m.message, issues: err.field ? [{ path: `/${err.field}`, message: m.message }] : [] });
}

export function registerOwnerRoutes(app: FastifyInstance, o: OwnerRouteOptions): void {
  const { store } = o;
  const now = o.now ?? (() => new Date());
  /**
   * `?municipality=<id>` (else the default one) when the actor may act there (R30): a member of it for
   * reading, a coordinator of it for managing. An unknown id is a 404 and another municipality a 403,
   * both already sent, so a route never sees another municipality's data.
   */
  const municipalityOf = (request: FastifyRequest, reply: FastifyReply, need: 'member' | 'coordinator'): string | null => {
    const q = (request.query as { municipality?: unknown } | undefined)?.municipality;
    const m = typeof q === 'string' && q !== '' ? q : o.municipalities[0]!.id;
    if (!o.municipalities.some((c) => c.id === m)) {
      void reply.code(404).send({ error: 'unknown_municipality', message: 'No such municipality is served here.' });
      return null;
    }
    const roles = request.actor && Object.hasOwn(request.actor.municipalities, m) ? request.actor.municipalities[m]! : [];
    if (need === 'member' ? roles.length === 0 : !roles.includes('coordinator')) {
      void reply.code(403).send({ error: 'not_allowed_for_municipality', message: `You may not do this for ${m}.` });
      return null;
    }
    return m;
  };
  const coordinates = (request: FastifyRequest, m: string) => request.actor?.municipalities[m]?.includes('coordinator') ?? false;

  app.get('/api/owners', async (request, reply) => {
    const m = municipalityOf(request, reply, 'member');
    if (!m) return reply;
    const list = await store.owners.list(m);
    // Contact addresses are for the municipality's coordinators; other devices only need names to assign and show.
    return { organisations: coordinates(request, m) ? list : list.map((org) => ({ ...org, emails: [] })) };
  });

  app.post('/api/owners', async (request, reply) => {
    const m = municipalityOf(request, reply, 'coordinator');
    if (!m) return reply;
    const input = organisationInputSchema.parse(request.body);
    try {
      return reply.code(201).send({ organisation: await store.owners.create(m, randomUUID(), input) });
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.patch('/api/owners/:id', async (request, reply) => {
    const m = municipalityOf(request, reply, 'coordinator');
    if (!m) return reply;
    const id = findingOwnerSchema.parse((request.params as { id: string }).id);
    const patch = organisationPatchSchema.parse(request.body);
    try {
      return { organisation: await store.owners.update(m, id, patch) };
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get('/api/owners/members', async (request, reply) => {
    const m = municipalityOf(request, reply, 'coordinator');
    if (!m) return reply;
    return { members: await store.owners.members(m) };
  });

  app.put('/api/owners/members/:userId', async (request, reply) => {
    const m = municipalityOf(request, reply, 'coordinator');
    if (!m) return reply;
    const userId = userIdSchema.parse((request.params as { userId: string }).userId);
    const { organisationId } = memberBodySchema.parse(request.body);
    // Only a person of this municipality can be linked to its organisations (R30); anyone else does not exist here.
    const user = await store.users.getUser(userId);
    if (!user || user.removed || !Object.hasOwn(user.municipalities, m)) return refuse(reply, new OwnerStoreError('unknown_user', 'userId'));
    try {
      await store.owners.setMember(m, userId, organisationId);
      return { userId, organisationId };
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get('/api/mail', async (request, reply) => {
    const m = municipalityOf(request, reply, 'coordinator');
    if (!m) return reply;
    const { mails, counts } = await store.mail.list(m, 200);
    // A survey mail's payload holds the shop's link (its token) until sent: never shown.
    return { smtpConfigured: o.smtpConfigured, counts, mails: mails.map(({ payload: _payload, ...mail }) => mail) };
  });

  app.get('/api/my-actions', async (request, reply) => {
    const m = municipalityOf(request, reply, 'member');
    if (!m) return reply;
    const organisationId = await store.owners.memberOf(m, request.actor!.id);
    if (organisationId === null) return { organisation: null, actions: [] };
    const org = await store.owners.get(m, organisationId);
    const at = now();
    const findings = await store.owners.openFindings(m, organisationId);
    // Only what the owner needs to act: no photos, no history, no names of who found or assigned it.
    const actions = findings.map((f) => ({
      id: f.id,
      ref: findingRef(f.id),
      areaId: f.areaId,
      categoryCode: f.categoryCode,
      description: f.description,
      status: f.status,
      dueDate: f.dueDate,
      overdue: isOverdue(f, at),
    }));
    actions.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.ref.localeCompare(b.ref));
    return { organisation: org ? { id: org.id, name: org.name } : null, actions };
  });
}
