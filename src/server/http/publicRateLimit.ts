/**
 * Rate limits of the routes open to the internet (survey and worries, SPEC.md R45, R47), counted in the
 * database (RateLimitStore, migration 090) so every server process on one PostgreSQL shares them. The
 * client address is kept only as a SHA-256, and only for the window.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitStore } from '../store/RateLimitStore';

export interface RateRule {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

/** The hashed client address of a request (never stored in the clear). */
export function clientKey(request: FastifyRequest): string {
  return createHash('sha256').update(request.ip ?? '').digest('hex');
}

/** Sends 429 with `Retry-After` for a key over its limit and says so; else counts the request and says false. */
export async function overLimit(store: RateLimitStore, key: string, rule: RateRule, reply: FastifyReply, now = new Date()): Promise<boolean> {
  const take = await store.take(key, rule.max, rule.windowMs, now);
  if (take.allowed) return false;
  const seconds = Math.max(1, Math.ceil((take.resetAt.getTime() - now.getTime()) / 1000));
  await reply
    .code(429)
    .header('Retry-After', String(seconds))
    .send({ error: 'rate_limited', message: 'Too many requests for now; try again later.', retryAfterSeconds: seconds });
  return true;
}

/** A preHandler that limits a route per client address (`name` keeps routes apart). */
export function perAddress(store: RateLimitStore, name: string, rule: RateRule, now: () => Date = () => new Date()) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    // An async hook that answered early returns the reply, so Fastify stops there.
    if (await overLimit(store, `address:${name}:${clientKey(request)}`, rule, reply, now())) return reply;
    return undefined;
  };
}
