import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { areaIdSchema, areaKindSchema, kvoStatusSchema, type Area } from '../../domain/area';
import { validateAreaChange } from '../../domain/areaRules';
import type { AreaGeometry } from '../../domain/geojson';
import type { MunicipalityConfig } from '../../domain/municipality';
import { requireRoles } from '../auth/guard';
import type { AreaAction } from '../store/AreaVersionStore';
import type { Store } from '../store/Store';
import { registerAreaImportRoutes } from './areaImportRoutes';
import { areaVertexRefusal } from './importLimits';
import { areaToFeature, refusalItems, type RefusalItem } from './refusal';

export interface AreaRouteOptions {
  store: Store;
  /** Every municipality the server knows; the first is the default. */
  municipalities: readonly MunicipalityConfig[];
}

const reasonSchema = z.string().trim().max(500).default('');
const shapeSchema = z.object({
  name: z.string(),
  kind: areaKindSchema,
  kvoStatus: kvoStatusSchema,
  source: z.string().optional(),
  approximate: z.boolean().optional(),
  // Checked by the area rules (422 with reasons), not here.
  geometry: z.unknown(),
  reason: reasonSchema,
});
const createSchema = shapeSchema.extend({ id: areaIdSchema.optional() });
const retireSchema = z.object({ reason: reasonSchema });
const restoreSchema = z.object({ version: z.number().int().positive(), reason: reasonSchema });
const idParams = z.object({ id: z.string().min(1).max(120) });

/** The coordinator's area editing API: save, create, retire, history, restore; import and export. */
export function registerAreaRoutes(app: FastifyInstance, { store, municipalities }: AreaRouteOptions): void {
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const coordinator = { preHandler: requireRoles('coordinator') };

  /**
   * The municipality of `?municipality=` (default: the first), or a 404 already sent; a 403 when the
   * coordinator is not a coordinator of that municipality (R30: Deventer does not edit Westland's areas).
   */
  const municipalityOf = (request: FastifyRequest, reply: FastifyReply, open = false): MunicipalityConfig | null => {
    const q = (request.query as { municipality?: unknown } | undefined)?.municipality;
    const m = typeof q === 'string' && q !== '' ? byId.get(q) : municipalities[0];
    if (!m) {
      void reply.code(404).send({ error: 'unknown_municipality', message: `No municipality "${String(q)}".` });
      return null;
    }
    if (!open && !request.actor?.municipalities[m.id]?.includes('coordinator')) {
      void reply.code(403).send({ error: 'not_allowed_for_municipality', message: `You are not a coordinator of ${m.name}.` });
      return null;
    }
    return m;
  };

  /** The area rules run on the request's thread (in save): an outline too large for that is refused first. */
  const refuseTooLarge = (reply: FastifyReply, geometry: unknown): boolean => {
    const tooLarge = areaVertexRefusal(geometry);
    if (tooLarge) void reply.code(400).send({ error: 'too_many_vertices', message: tooLarge, issues: [{ path: '/geometry', message: tooLarge }] });
    return tooLarge !== null;
  };

  /** Validate `area` against the other current areas and write it as a new version, or answer 422. */
  async function save(reply: FastifyReply, m: MunicipalityConfig, area: Area, write: { action: AreaAction; actorId: string; reason: string; restoredFrom?: number }) {
    const candidate = areaToFeature(area);
    if (area.approximate === undefined) delete (candidate.properties as { approximate?: boolean }).approximate;
    const result = await store.areaVersions.writeAreas<RefusalItem[]>(m.id, [{ area, ...write }], (current) => {
      const check = validateAreaChange(candidate, current.map(areaToFeature), m.boundary);
      if (check.ok) return null;
      const geometry = validGeometry(area.geometry);
      return refusalItems(check.errors, geometry, current);
    });
    if (!result.ok) return reply.code(422).send({ error: 'area_refused', errors: result.refusal });
    return reply.send({ id: area.id, version: result.versions[0], area: areaToFeature(area) });
  }

  app.put('/api/areas/:id', coordinator, async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { id } = idParams.parse(request.params);
    const body = shapeSchema.parse(request.body);
    if (refuseTooLarge(reply, body.geometry)) return reply;
    const existing = await store.areaVersions.getArea(m.id, id);
    if (!existing || existing.retired) return reply.code(404).send({ error: 'not_found', message: `No current area "${id}".` });
    const area = toArea(m.id, id, body, existing.area.source);
    return save(reply, m, area, { action: 'changed', actorId: request.actor!.id, reason: body.reason });
  });

  app.post('/api/areas', coordinator, async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const body = createSchema.parse(request.body);
    if (refuseTooLarge(reply, body.geometry)) return reply;
    const id = body.id ?? slugify(body.name);
    if (!areaIdSchema.safeParse(id).success) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/name', message: 'name gives no usable id' }] });
    if (await store.areaVersions.getArea(m.id, id)) return reply.code(409).send({ error: 'id_taken', message: `An area "${id}" exists (or existed).` });
    const area = toArea(m.id, id, body, 'drawn in the area editor');
    return save(reply.code(201), m, area, { action: 'created', actorId: request.actor!.id, reason: body.reason });
  });

  app.post('/api/areas/:id/retire', coordinator, async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { id } = idParams.parse(request.params);
    const { reason } = retireSchema.parse(request.body ?? {});
    const existing = await store.areaVersions.getArea(m.id, id);
    if (!existing) return reply.code(404).send({ error: 'not_found' });
    if (existing.retired) return reply.code(409).send({ error: 'already_retired' });
    const result = await store.areaVersions.writeAreas(m.id, [{ area: existing.area, action: 'retired', retired: true, actorId: request.actor!.id, reason }], () => null);
    return reply.send({ id, version: result.ok ? result.versions[0] : null });
  });

  app.get('/api/areas/:id/versions', coordinator, async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { id } = idParams.parse(request.params);
    const versions = await store.areaVersions.listVersions(m.id, id);
    if (versions.length === 0) return reply.code(404).send({ error: 'not_found' });
    return { id, versions: versions.map((v) => ({ ...v, area: areaToFeature(v.area) })) };
  });

  app.post('/api/areas/:id/restore', coordinator, async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const { id } = idParams.parse(request.params);
    const { version, reason } = restoreSchema.parse(request.body);
    const old = await store.areaVersions.getVersion(m.id, id, version);
    if (!old) return reply.code(404).send({ error: 'not_found', message: `Area "${id}" has no version ${version}.` });
    return save(reply, m, old.area, { action: 'restored', actorId: request.actor!.id, reason, restoredFrom: version });
  });

  app.get('/api/areas/export', async (request, reply) => {
    const m = municipalityOf(request, reply, true); // the same public data as GET /api/areas
    if (!m) return reply;
    const areas = await store.listAreas(m.id);
    reply.header('Content-Disposition', `attachment; filename="${m.id}-gebieden.geojson"`);
    return reply.type('application/geo+json').send({ type: 'FeatureCollection', features: areas.map(areaToFeature) });
  });

  registerAreaImportRoutes(app, { store, municipalityOf, guard: coordinator.preHandler });
}

function toArea(municipality: string, id: string, body: z.infer<typeof shapeSchema>, source: string): Area {
  return {
    municipality,
    id,
    name: body.name.trim(),
    kind: body.kind,
    kvoStatus: body.kvoStatus,
    source: body.source?.trim() || source,
    ...(body.approximate === undefined ? {} : { approximate: body.approximate }),
    geometry: body.geometry as AreaGeometry,
  };
}

function validGeometry(g: unknown): AreaGeometry | null {
  const t = (g as { type?: unknown } | null)?.type;
  return t === 'Polygon' || t === 'MultiPolygon' ? (g as AreaGeometry) : null;
}

/** "Nieuw Centrum (Noord)" → "nieuw-centrum-noord". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
