/**
 * The coordinator's retention settings and the job's record (issue 12): GET and PUT /api/retention for
 * the municipality of `?municipality=` (default: the server's), only for its coordinators (R30).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultRetentionPolicy, retentionPolicySchema } from '../../domain/retention';
import type { Store } from '../store/Store';

const RUNS_SHOWN = 10;

export function registerRetentionRoutes(app: FastifyInstance, deps: { store: Pick<Store, 'retention'>; municipality: string; municipalities: readonly string[] }): void {
  const { store } = deps;

  const coordinatedMunicipality = (request: FastifyRequest, reply: FastifyReply): string | null => {
    const q = (request.query as { municipality?: unknown } | undefined)?.municipality;
    const m = typeof q === 'string' && q !== '' ? q : deps.municipality;
    if (!deps.municipalities.includes(m)) {
      void reply.code(404).send({ error: 'unknown_municipality', message: `No municipality "${m}".` });
      return null;
    }
    if (!request.actor?.municipalities[m]?.includes('coordinator')) {
      void reply.code(403).send({ error: 'not_allowed_for_municipality', message: `You are not a coordinator of ${m}.` });
      return null;
    }
    return m;
  };

  app.get('/api/retention', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply);
    if (m === null) return reply;
    const [policy, runs] = await Promise.all([store.retention.getPolicy(m), store.retention.listRuns(m, RUNS_SHOWN)]);
    return { municipality: m, policy, defaults: defaultRetentionPolicy, runs };
  });

  app.put('/api/retention', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply);
    if (m === null) return reply;
    const policy = retentionPolicySchema.parse(request.body); // a ZodError is a 400 naming the field
    return { municipality: m, policy: await store.retention.setPolicy(m, policy, request.actor!.id) };
  });
}
