/**
 * A `fetch` for the sync engine that goes through `app.inject` (the whole HTTP stack, no socket), with
 * a switch for the network and a way to lose an answer after the server committed it.
 */
import type { FastifyInstance } from 'fastify';
import type { Fetch } from '../../src/sync/http';

export interface Network {
  online: boolean;
  /** When true, the next push reaches the server, which commits, and then the answer is lost. */
  loseNextPushAnswer: boolean;
}

export function injectFetch(app: FastifyInstance, headers: () => Record<string, string>, net: Network): Fetch {
  return async (url, init = {}) => {
    if (!net.online) throw new TypeError('Failed to fetch (offline)');
    const h: Record<string, string> = { ...headers() };
    new Headers(init.headers).forEach((v, k) => (h[k] = v));
    const body = init.body;
    const payload = body == null ? undefined : typeof body === 'string' ? body : Buffer.from(body as Uint8Array);
    const method = (init.method ?? 'GET') as 'GET';
    const res = await app.inject({ method, url, headers: h, ...(payload === undefined ? {} : { payload }) });
    if (net.loseNextPushAnswer && url.includes('/api/sync/push')) {
      net.loseNextPushAnswer = false;
      throw new TypeError('Failed to fetch (connection reset after the server answered)');
    }
    const noBody = method === ('HEAD' as string) || res.statusCode === 204 || res.statusCode === 304;
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, String(v));
    return new Response(noBody ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: out });
  };
}
