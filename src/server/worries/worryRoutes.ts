/**
 * Worries before the walk (issue 16, SPEC.md R47): the shopkeeper's public routes (open to the
 * internet: a link token is the permission, size and rate limits, never a 500 for any input) and the
 * coordinator's moderation and link routes (per municipality, R30). Access per route: src/domain/access.ts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { areaIdSchema } from '../../domain/area';
import { defaultCategories, findCategory } from '../../domain/categories';
import type { MunicipalityConfig } from '../../domain/municipality';
import { isNearMunicipality, MUNICIPALITY_TOLERANCE_M } from '../../domain/place';
import {
  WORRY_LIMIT_PER_ADDRESS,
  WORRY_LIMIT_PER_LINK,
  WORRY_LIMIT_WINDOW_MS,
  WORRY_PHOTO_MAX_BYTES,
  worrySubmissionSchema,
  worryTokenSchema,
} from '../../domain/worry';
import { photoSizeSchema } from '../../sync/protocol';
import type { RequestActor } from '../auth/guard';
import { clientKey, perAddress } from '../http/publicRateLimit';
import type { Store } from '../store/Store';
import { FsPhotoStore, type PhotoStore } from '../sync/PhotoStore';
import { loadSize } from '../sync/photoSizes';
import { worryLinkOf } from './worryLinkOf';
import { storeWorryPhoto } from './worryPhoto';

export interface WorryRouteOptions {
  store: Pick<Store, 'worries' | 'sync' | 'listAreas' | 'rateLimits' | 'survey'>;
  municipalities: readonly MunicipalityConfig[];
  photoStore?: PhotoStore;
  photosDir?: string;
  now?: () => Date;
}

/** The body holds a downscaled photo as base64: a little over its byte limit. */
const SUBMIT_BODY_LIMIT = Math.ceil((WORRY_PHOTO_MAX_BYTES * 4) / 3) + 64 * 1024;

const linkBodySchema = z.strictObject({ token: worryTokenSchema });
const areaBodySchema = z.strictObject({ areaId: areaIdSchema });
const decisionBodySchema = z.strictObject({ decision: z.enum(['accept', 'reject']) });
const idSchema = z.uuid();

/** Whether the actor coordinates `municipality` (R30: roles are per municipality). */
export function coordinates(actor: RequestActor | null, municipality: string): boolean {
  return actor?.municipalities[municipality]?.includes('coordinator') ?? false;
}

export function registerWorryRoutes(app: FastifyInstance, o: WorryRouteOptions): void {
  const { store } = o;
  const now = o.now ?? (() => new Date());
  const photos = o.photoStore ?? new FsPhotoStore(o.photosDir ?? path.resolve('data', 'photos'));
  const served = new Map(o.municipalities.map((m) => [m.id, m]));

  /** `?municipality=<id>`, else the default one; null for one not served. */
  const municipalityOf = (request: FastifyRequest): string | null => {
    const q = (request.query as { municipality?: unknown } | undefined)?.municipality;
    if (typeof q !== 'string' || q === '') return o.municipalities[0]!.id;
    return served.has(q) ? q : null;
  };
  /** The municipality the coordinator asks about, or a sent refusal. */
  const coordinated = (request: FastifyRequest, reply: FastifyReply): string | null => {
    const m = municipalityOf(request);
    if (!m) {
      void reply.code(404).send({ error: 'unknown_municipality' });
      return null;
    }
    if (!coordinates(request.actor, m)) {
      void reply.code(403).send({ error: 'not_allowed_for_municipality' });
      return null;
    }
    return m;
  };
  const unknownLink = (reply: FastifyReply) =>
    reply.code(404).send({ error: 'unknown_link', message: 'This link does not work (any more). Ask the safety coach for a new one.' });
  /** The link of a token (an area's worry link or a shop's survey link), or the refusal sent. */
  const linkOf = async (token: string, reply: FastifyReply) => {
    const found = await worryLinkOf(store, token, now());
    if (found.ok) return found;
    if (found.reason === 'outside_areas') {
      await reply.code(404).send({ error: 'outside_areas', message: 'The shop of this link lies outside the shopping areas, so it has no area map to pin a worry on.' });
    } else await unknownLink(reply);
    return null;
  };

  // ---- The shopkeeper's side (open) ----
  // Requests per address and minute, counted in the database (shared by every process); stored worries
  // are limited per link and address an hour on top (R47).
  const openLimit = { preHandler: perAddress(store.rateLimits, 'worry-link', { max: 60, windowMs: 60_000 }, now) };
  const submitLimit = { bodyLimit: SUBMIT_BODY_LIMIT, preHandler: perAddress(store.rateLimits, 'worry-submit', { max: 20, windowMs: 60_000 }, now) };

  app.post('/api/public/worry-link', openLimit, async (request, reply) => {
    const { token } = linkBodySchema.parse(request.body);
    const found = await linkOf(token, reply);
    if (!found) return reply;
    const { link } = found;
    const area = (await store.listAreas(link.municipality)).find((a) => a.id === link.areaId);
    if (!area) return unknownLink(reply);
    return {
      municipality: link.municipality,
      via: found.via,
      area: { id: area.id, name: area.name, geometry: area.geometry },
      // The same category table the walk uses (src/domain/categories.ts).
      themes: defaultCategories.map((t) => ({ code: t.code, labels: t.labels, categories: t.categories.map((c) => ({ code: c.code, labels: c.labels })) })),
    };
  });

  app.post('/api/public/worries', submitLimit, async (request, reply) => {
    const input = worrySubmissionSchema.parse(request.body);
    const found = await linkOf(input.token, reply);
    if (!found) return reply;
    const { link } = found;
    if (!findCategory(input.categoryCode)) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/categoryCode', message: 'unknown category' }] });
    const m = served.get(link.municipality);
    if (!m || !isNearMunicipality(input.point, m.boundary, MUNICIPALITY_TOLERANCE_M)) {
      return reply.code(400).send({ error: 'outside_municipality', issues: [{ path: '/point', message: 'The spot lies outside the municipality.' }] });
    }
    const client = clientKey(request);
    const counts = await store.worries.recentCounts(link.token, client, new Date(now().getTime() - WORRY_LIMIT_WINDOW_MS));
    if (counts.link >= WORRY_LIMIT_PER_LINK || counts.client >= WORRY_LIMIT_PER_ADDRESS) {
      return reply.code(429).header('Retry-After', String(WORRY_LIMIT_WINDOW_MS / 1000)).send({ error: 'rate_limited', message: 'Too many worries for now; try again later.' });
    }
    const id = uuidv7();
    let photoHash: string | null = null;
    if (input.photo !== undefined && input.photo !== '') {
      const verdict = await storeWorryPhoto(input.photo, photos, store.sync, `worry:${id}`);
      if (!verdict.ok) return reply.code(verdict.status).send({ error: verdict.error, message: verdict.message });
      photoHash = verdict.sha256;
    }
    await store.worries.submit({ id, municipality: link.municipality, areaId: link.areaId, point: input.point, categoryCode: input.categoryCode, text: input.text, photoHash, linkToken: link.token, clientKey: client });
    return reply.code(201).send({ id });
  });

  // ---- The coordinator's side ----

  app.get('/api/worry-links', async (request, reply) => {
    const m = coordinated(request, reply);
    if (!m) return reply;
    return { links: await store.worries.links(m) };
  });

  app.post('/api/worry-links', async (request, reply) => {
    const m = coordinated(request, reply);
    if (!m) return reply;
    const { areaId } = areaBodySchema.parse(request.body);
    if (!(await store.listAreas(m)).some((a) => a.id === areaId)) return reply.code(404).send({ error: 'unknown_area' });
    const link = await store.worries.newLink(m, areaId, randomBytes(24).toString('base64url'), request.actor!.id);
    return reply.code(201).send({ link });
  });

  app.post('/api/worry-links/revoke', async (request, reply) => {
    const m = coordinated(request, reply);
    if (!m) return reply;
    const { areaId } = areaBodySchema.parse(request.body);
    return { revoked: await store.worries.revokeLink(m, areaId) };
  });

  app.get('/api/worries', async (request, reply) => {
    const m = coordinated(request, reply);
    if (!m) return reply;
    return { worries: await store.worries.list(m) };
  });

  app.post('/api/worries/:id/decision', async (request, reply) => {
    const m = coordinated(request, reply);
    if (!m) return reply;
    const id = idSchema.safeParse((request.params as { id: string }).id);
    if (!id.success) return reply.code(404).send({ error: 'not_found' });
    const { decision } = decisionBodySchema.parse(request.body);
    const decided = await store.worries.decide(m, id.data, decision, request.actor!.id, now());
    if (!decided) return reply.code(409).send({ error: 'not_pending', message: 'This worry is not waiting for a decision (any more).' });
    return decided;
  });

  app.get('/api/worries/:id/photo', async (request, reply) => {
    const m = coordinated(request, reply);
    if (!m) return reply;
    const id = idSchema.safeParse((request.params as { id: string }).id);
    const size = photoSizeSchema.safeParse((request.query as { size?: unknown }).size ?? 'thumb');
    if (!size.success) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/size', message: 'size must be thumb, view or original' }] });
    const row = id.success ? await store.worries.get(m, id.data) : null;
    if (!row?.photoHash) return reply.code(404).send({ error: 'not_found' });
    let bytes: Buffer | null;
    try {
      bytes = await loadSize(photos, row.photoHash, size.data);
    } catch {
      bytes = null;
    }
    if (!bytes) return reply.code(404).send({ error: 'not_found' });
    reply.header('Cache-Control', 'private, max-age=3600');
    return reply.type('image/jpeg').send(bytes);
  });
}
