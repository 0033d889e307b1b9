/**
 * JSON over HTTP for the open-data clients: a timeout per request, a 429 waited out once (its
 * Retry-After, at most 5 s), and every failure as one `ServiceError` with a reason the routes answer
 * with, so a caller never sees a raw fetch error.
 */
export type ServiceFailure = 'timeout' | 'unreachable' | 'rate_limited' | 'server_error' | 'bad_answer';

export class ServiceError extends Error {
  constructor(
    readonly reason: ServiceFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export interface HttpOptions {
  timeoutMs: number;
  /** Counts every request made (bench, tests). */
  onRequest?: (url: string) => void;
  fetchImpl?: typeof fetch;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function getJson(url: string, options: HttpOptions, attempt = 0): Promise<unknown> {
  const f = options.fetchImpl ?? fetch;
  options.onRequest?.(url);
  let res: Response;
  try {
    res = await f(url, { headers: { accept: 'application/json, application/geo+json' }, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new ServiceError('timeout', `No answer within ${options.timeoutMs} ms from ${new URL(url).host}`);
    throw new ServiceError('unreachable', `${new URL(url).host} cannot be reached`);
  }
  if (res.status === 429) {
    await res.body?.cancel().catch(() => undefined);
    const wait = Math.min(5, Number(res.headers.get('retry-after')) || 1);
    if (attempt === 0) {
      await sleep(wait * 1000);
      return getJson(url, options, 1);
    }
    throw new ServiceError('rate_limited', `${new URL(url).host} asks to slow down (429)`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new ServiceError('server_error', `${new URL(url).host} answered ${res.status}`);
  }
  try {
    return await res.json();
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new ServiceError('timeout', `No whole answer within ${options.timeoutMs} ms from ${new URL(url).host}`);
    throw new ServiceError('bad_answer', `${new URL(url).host} sent no JSON`);
  }
}
