import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { z } from 'zod';
import { areaFeatureSchema } from '../../domain/area';
import type { MunicipalityConfig } from '../../domain/municipality';
import type { Store } from '../store/Store';
import { featuresOf, type ImportItem, type ImportPreview } from './importAreas';
import { ImportCheckTimeout, checkImportOffThread, type ImportJob } from './importCheck';
import { vertexLimitRefusal } from './importLimits';
import { readShapefileZip } from './shapefile';
import { featureToArea } from './refusal';

interface ImportRouteOptions {
  store: Store;
  municipalityOf: (request: FastifyRequest, reply: FastifyReply) => MunicipalityConfig | null;
  guard: preHandlerHookHandler;
}

const previewSchema = z
  .object({
    /** A GeoJSON FeatureCollection (WGS84, or RD New: detected). */
    geojson: z.unknown().optional(),
    /** A zipped shapefile, base64. */
    shapefile: z.string().max(14_000_000).optional(),
    fileName: z.string().max(200).optional(),
  })
  .refine((b) => (b.geojson === undefined) !== (b.shapefile === undefined), { message: 'send either geojson or shapefile' });
const applySchema = z.object({ features: z.array(z.unknown()).min(1).max(500), reason: z.string().trim().max(500).default('') });

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** POST /api/areas/import (preview, changes nothing) and /api/areas/import/apply (all or nothing). */
export function registerAreaImportRoutes(app: FastifyInstance, { store, municipalityOf, guard }: ImportRouteOptions): void {
  app.post('/api/areas/import', { preHandler: guard, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const body = previewSchema.parse(request.body);
    let input: unknown = body.geojson;
    if (body.shapefile !== undefined) {
      try {
        input = await readShapefileZip(new Uint8Array(Buffer.from(body.shapefile, 'base64')));
      } catch (e) {
        return reply.code(422).send({ error: 'unreadable_file', message: `The zipped shapefile cannot be read: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    const raws = featuresOf(input);
    if (!raws) return reply.code(422).send({ error: 'unreadable_file', message: 'The file is not a GeoJSON FeatureCollection.' });
    if (raws.length === 0 || raws.length > 500) return reply.code(422).send({ error: 'unreadable_file', message: 'The file has no features, or more than 500.' });
    const tooMany = vertexLimitRefusal(raws);
    if (tooMany) return reply.code(400).send({ error: 'too_many_vertices', message: tooMany });
    const all = await store.areaVersions.listAllAreas(m.id);
    const source = `import ${body.fileName ?? ''} ${new Date().toISOString().slice(0, 10)}`.replace(/\s+/g, ' ');
    const preview = await offThread({ input, raws, all, boundary: m.boundary, source }, reply);
    if (!preview) return reply;
    return { municipality: m.id, ...preview, counts: counts(preview.items) };
  });

  app.post('/api/areas/import/apply', { preHandler: guard, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const m = municipalityOf(request, reply);
    if (!m) return reply;
    const body = applySchema.parse(request.body);
    const tooMany = vertexLimitRefusal(body.features);
    if (tooMany) return reply.code(400).send({ error: 'too_many_vertices', message: tooMany });
    const features = body.features.map((f) => areaFeatureSchema.parse(f));
    const all = await store.areaVersions.listAllAreas(m.id);
    const planned = await offThread({ input: null, raws: features, all, boundary: m.boundary, source: 'import' }, reply);
    if (!planned) return reply;
    const writes = planned.items
      .filter((i) => i.status === 'added' || i.status === 'changed')
      .map((i) => ({ area: featureToArea(i.feature!, m.id), action: 'imported' as const, actorId: request.actor!.id, reason: body.reason }));
    const result = await guardTime(reply, () =>
      store.areaVersions.writeAreas<ImportItem[]>(m.id, writes, async (current) => {
        // Again inside the transaction (also off the event loop): an edit since the preview may have made a feature clash.
        const state = [
          ...current.map((area) => ({ area, retired: false })),
          ...all.filter((a) => !current.some((c) => c.id === a.area.id)).map((a) => ({ area: a.area, retired: true })),
        ];
        const now = await checkImportOffThread({ input: null, raws: features, all: state, boundary: m.boundary, source: 'import' });
        const refused = now.items.filter((i) => i.status === 'refused');
        return refused.length > 0 ? refused : null;
      }),
    );
    if (!result) return reply;
    if (!result.ok) return reply.code(422).send({ error: 'import_refused', items: result.refusal });
    return { municipality: m.id, applied: writes.map((w, i) => ({ id: w.area.id, version: result.versions[i] })), counts: counts(planned.items) };
  });
}

/** The geometry check in a worker; on its time limit a 422 is sent and null returned. */
function offThread(job: ImportJob, reply: FastifyReply): Promise<ImportPreview | null> {
  return guardTime(reply, () => checkImportOffThread(job));
}

/** `fn`, or null after a 422 when a geometry check in it passed its time limit (a transaction then rolls back). */
async function guardTime<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof ImportCheckTimeout)) throw e;
    reply.code(422).send({ error: 'import_too_complex', message: `Checking these shapes took too long (${e.message}) and was stopped. Simplify the shapes or import fewer at a time.` });
    return null;
  }
}

function counts(items: readonly ImportItem[]) {
  const c = { added: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const i of items) c[i.status]++;
  return c;
}
