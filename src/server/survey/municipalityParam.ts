import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The municipality of `?municipality=` (default: the server's first) when the actor coordinates it (R30);
 * otherwise the answer is sent (404 unknown, 403 not theirs) and null returned.
 */
export function coordinatedMunicipality(request: FastifyRequest, reply: FastifyReply, served: readonly string[]): string | null {
  const q = (request.query as { municipality?: unknown } | undefined)?.municipality;
  const m = typeof q === 'string' && q !== '' ? q : served[0]!;
  if (!served.includes(m)) {
    void reply.code(404).send({ error: 'unknown_municipality', message: `No municipality "${m.slice(0, 64)}".` });
    return null;
  }
  if (!request.actor?.municipalities[m]?.includes('coordinator')) {
    void reply.code(403).send({ error: 'not_allowed_for_municipality', message: `You are not a coordinator of ${m}.` });
    return null;
  }
  return m;
}

/** `?year=` as a whole year 2000-2100, else `fallback`; null for a bad value. */
export function yearParam(request: FastifyRequest, fallback: number): number | null {
  const q = (request.query as { year?: unknown } | undefined)?.year;
  if (q === undefined || q === '') return fallback;
  if (typeof q !== 'string' || !/^\d{4}$/.test(q)) return null;
  const y = Number(q);
  return y >= 2000 && y <= 2100 ? y : null;
}
