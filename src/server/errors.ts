/**
 * An error meant for the person starting the server: its message is complete and readable as is
 * (one line, or one line per problem), so `main.ts` prints it without a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** A Node system error code (`EADDRINUSE`, `ECONNREFUSED`, ...) if there is one. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

// PostgreSQL SQLSTATEs of a server that is going away or not there yet, and of lost connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /client has encountered a connection error/i, /connection is not open/i, /cannot use a pool after calling end/i];

/**
 * True when the database could not be reached or dropped the connection: the request may well succeed a
 * moment later, so the answer is "try again" (503, or `retry` per mutation), never "your input is wrong".
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = errorCode(err);
  if (code !== undefined && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
  const message = errorMessage(err);
  return UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}
