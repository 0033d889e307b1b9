import { CSRF_HEADER, CSRF_VALUE } from '../domain/authConstants';

/** The one way the engine talks to the server; tests pass one over `app.inject` or a real port. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** 401: the session is gone (R22). The engine stops and keeps the outbox. */
export class UnauthorizedError extends Error {
  constructor() {
    super('not logged in');
    this.name = 'UnauthorizedError';
  }
}

/** The server answered, but not as hoped (5xx, 409, 400...): the run stops, nothing is dropped. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`server answered ${status}`);
    this.name = 'ServerError';
  }
}

export async function request(fetchFn: Fetch, baseUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  // State-changing requests carry the CSRF header the server requires with a session cookie.
  if (init.method && init.method !== 'GET' && init.method !== 'HEAD') headers.set(CSRF_HEADER, CSRF_VALUE);
  const res = await fetchFn(`${baseUrl}${path}`, { credentials: 'same-origin', ...init, headers });
  if (res.status === 401) throw new UnauthorizedError();
  return res;
}

export async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new ServerError(res.status, await res.text().catch(() => ''));
  return (await res.json()) as T;
}
