import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { buildAreaIndex } from '../../domain/areaIndex';
import { isShopPremises, outlineBbox, premisesDecisionKinds, shopPremisesInside } from '../../domain/bagPremises';
import { addressQuerySchema, checkAddressQuery, classifyMatch } from '../../domain/geocode';
import type { MunicipalityConfig } from '../../domain/municipality';
import type { Store } from '../store/Store';
import type { BagSource } from './bagClient';
import type { Geocoder } from './geocoder';
import { ServiceError } from './http';

export interface PdokRouteOptions {
  store: Store;
  municipalities: readonly MunicipalityConfig[];
  geocoder: Geocoder;
  bag: BagSource;
}

/** Shown wherever BAG or Locatieserver data is shown (README "Open data"). */
export const BAG_ATTRIBUTION = 'BAG © Kadaster (PDOK, BAG OGC API), CC0';
export const LOCATIESERVER_ATTRIBUTION = 'Adressen: PDOK Locatieserver (BAG, CC0)';

/** Rows per geocode request: the client sends a long list in parts, so each answer comes in time. */
export const MAX_GEOCODE_ROWS = 100;

const geocodeBody = z.strictObject({
  rows: z
    .array(z.strictObject({ row: z.number().int().min(1).max(1_000_000), query: addressQuerySchema }))
    .min(1)
    .max(MAX_GEOCODE_ROWS),
});
const areaParams = z.object({ id: z.string().min(1).max(120) });
/** The largest box asked around an area (about 4 by 4.5 km): more is a municipality, not a neighbourhood. */
export const MAX_BBOX_DEG: [number, number] = [0.06, 0.04];
const bboxQuery = z.object({
  bbox: z
    .string()
    .max(200)
    .transform((s) => s.split(',').map(Number))
    .refine((b) => b.length === 4 && b.every(Number.isFinite), 'bbox is west,south,east,north in degrees')
    .refine((b) => b[0]! < b[2]! && b[1]! < b[3]!, 'bbox: west < east and south < north')
    .refine((b) => b[2]! - b[0]! <= MAX_BBOX_DEG[0] && b[3]! - b[1]! <= MAX_BBOX_DEG[1], `bbox larger than ${MAX_BBOX_DEG[0]}° by ${MAX_BBOX_DEG[1]}°`),
});
const decisionParams = z.object({ premisesId: z.string().regex(/^\d{16}$/) });
const decisionBody = z.strictObject({ kind: z.enum(premisesDecisionKinds).nullable() });

/** Geocoding for the shop import and BAG premises per area: coordinators of the municipality only (R30). */
export function registerPdokRoutes(app: FastifyInstance, { store, municipalities, geocoder, bag }: PdokRouteOptions): void {
  const byId = new Map(municipalities.map((m) => [m.id, m]));

  const municipalityOf = (request: FastifyRequest, reply: FastifyReply): MunicipalityConfig | null => {
    const q = (request.query as { municipality?: unknown } | undefined)?.municipality;
    const m = typeof q === 'string' && q !== '' ? byId.get(q) : municipalities[0];
    if (!m) {
      void reply.code(404).send({ error: 'unknown_municipality', message: `No municipality "${String(q)}".` });
      return null;
    }
    if (!request.actor?.municipalities[m.id]?.includes('coordinator')) {
      void reply.code(403).send({ error: 'not_allowed_for_municipality', message: `You are not a coordinator of ${m.name}.` });
      return null;
    }
    return m;
  };

  const unavailable = (reply: FastifyReply, service: 'geocoder' | 'bag', err: ServiceError, extra: object = {}) =>
    reply
      .code(503)
      .header('Retry-After', '30')
      .send({ error: `${service}_unavailable`, reason: err.reason, message: err.message, ...extra });

  app.post('/api/geocode', async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { rows } = geocodeBody.parse(request.body);
    const index = buildAreaIndex(await store.listAreas(m.id));
    const results = [];
    let cachedCount = 0;
    for (const [i, r] of rows.entries()) {
      const check = checkAddressQuery(r.query);
      if (!check.ok) {
        return reply.code(400).send({ error: 'invalid_input', issues: [{ path: `/rows/${i}/query/${check.field}`, message: `row ${r.row}: ${check.reason}` }] });
      }
    }
    for (const r of rows) {
      let found;
      try {
        found = await geocoder.lookup(r.query, m);
      } catch (err) {
        if (err instanceof ServiceError) return unavailable(reply, 'geocoder', err, { done: results.length });
        throw err;
      }
      if (found.cached) cachedCount += 1;
      const match = classifyMatch(found.candidates, r.query, m.name);
      results.push({
        row: r.row,
        ...match,
        candidates: match.candidates.map((c) => ({ ...c, areaId: index.areaOf(c.point) })),
        areaId: match.best ? index.areaOf(match.best.point) : null,
      });
    }
    return { municipality: m.id, results, cached: cachedCount, attribution: LOCATIESERVER_ATTRIBUTION };
  });

  const premisesOf = async (request: FastifyRequest, reply: FastifyReply, refresh: boolean) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { id } = areaParams.parse(request.params);
    const area = (await store.listAreas(m.id)).find((a) => a.id === id);
    if (!area) return reply.code(404).send({ error: 'not_found', message: `No area "${id}".` });
    const cached = await store.pdok.getPremises(m.id, id);
    if (cached && !refresh) return { areaId: id, fetchedAt: cached.fetchedAt, premises: cached.premises, source: 'cache', attribution: BAG_ATTRIBUTION };
    let fetched;
    try {
      fetched = await bag.premisesInBbox(outlineBbox(area.geometry));
    } catch (err) {
      if (err instanceof ServiceError) return unavailable(reply, 'bag', err, cached ? { cachedAt: cached.fetchedAt } : {});
      throw err;
    }
    const premises = shopPremisesInside(fetched.premises, area.geometry);
    const { fetchedAt } = await store.pdok.putPremises(m.id, id, premises);
    return { areaId: id, fetchedAt, premises, source: 'pdok', requests: fetched.requests, attribution: BAG_ATTRIBUTION };
  };

  app.get('/api/bag/areas/:id/premises', async (request, reply) => premisesOf(request, reply, false));
  app.post('/api/bag/areas/:id/refresh', async (request, reply) => premisesOf(request, reply, true));

  // Shop premises in a box around an area (the editor's layer and outline proposal); not cached.
  app.get('/api/bag/premises', async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { bbox } = bboxQuery.parse(request.query);
    const box = bbox as [number, number, number, number];
    let fetched;
    try {
      fetched = await bag.premisesInBbox(box);
    } catch (err) {
      if (err instanceof ServiceError) return unavailable(reply, 'bag', err);
      throw err;
    }
    const premises = fetched.premises.filter((p) => isShopPremises(p) && p.point[0] >= box[0] && p.point[0] <= box[2] && p.point[1] >= box[1] && p.point[1] <= box[3]);
    return { bbox: box, fetchedAt: new Date().toISOString(), premises, requests: fetched.requests, attribution: BAG_ATTRIBUTION };
  });

  // The participation table's BAG column: what is cached per area (nothing is fetched) and the decisions.
  app.get('/api/bag/summary', async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const areas = [];
    for (const a of await store.listAreas(m.id)) {
      const cached = await store.pdok.getPremises(m.id, a.id);
      if (cached) areas.push({ areaId: a.id, fetchedAt: cached.fetchedAt, premises: cached.premises });
    }
    return { municipality: m.id, areas, decisions: await store.pdok.listDecisions(m.id), attribution: BAG_ATTRIBUTION };
  });

  app.get('/api/bag/decisions', async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    return { municipality: m.id, decisions: await store.pdok.listDecisions(m.id) };
  });

  app.put('/api/bag/decisions/:premisesId', async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { premisesId } = decisionParams.parse(request.params);
    const { kind } = decisionBody.parse(request.body);
    await store.pdok.putDecision(m.id, premisesId, kind, request.actor!.id);
    return { premisesId, kind };
  });
}

/** Without configured services (tests that do not care): every call is "unreachable", nothing leaves the machine. */
export const noGeocoder: Geocoder = {
  lookup: () => Promise.reject(new ServiceError('unreachable', 'No geocoder configured')),
};
export const noBagSource: BagSource = {
  premisesInBbox: () => Promise.reject(new ServiceError('unreachable', 'No BAG service configured')),
};
