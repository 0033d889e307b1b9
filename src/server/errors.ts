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

/**
 * Why the server answers "try again" (503, or `retry` per mutation) rather than deciding, as a label for
 * logs and `/metrics` (README "Capacity"):
 * - `pool_wait`: no pooled connection came free (or a new one opened) within the pool's wait bound
 *   (`DATABASE_POOL_WAIT_MS`): the database is there, this process has more requests than connections;
 * - `connection_lost`: a connection broke, or none could be made (network, refused, terminated);
 * - `database_restarting`: PostgreSQL is shutting down, starting or recovering (57P01-57P03);
 * - `too_many_connections`: PostgreSQL refused a new connection (53300: max_connections);
 * - `write_conflict`: a serialization failure or deadlock (40001, 40P01): the transaction was undone.
 */
export type TryAgainCause = 'pool_wait' | 'connection_lost' | 'database_restarting' | 'too_many_connections' | 'write_conflict';

const CAUSE_BY_SQLSTATE: Record<string, TryAgainCause> = {
  '57P01': 'database_restarting',
  '57P02': 'database_restarting',
  '57P03': 'database_restarting',
  '08000': 'connection_lost',
  '08001': 'connection_lost',
  '08003': 'connection_lost',
  '08004': 'connection_lost',
  '08006': 'connection_lost',
  '53300': 'too_many_connections',
  '40001': 'write_conflict',
  '40P01': 'write_conflict',
};
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES: [RegExp, TryAgainCause][] = [
  [/timeout exceeded when trying to connect/i, 'pool_wait'],
  // A new pooled connection that took longer than the same bound to open (pg-pool's wording).
  [/connection terminated due to connection timeout/i, 'pool_wait'],
  [/connection terminated/i, 'connection_lost'],
  [/client has encountered a connection error/i, 'connection_lost'],
  [/connection is not open/i, 'connection_lost'],
  [/cannot use a pool after calling end/i, 'connection_lost'],
];

/** The cause of an error after which the same request may well succeed a moment later, or null. */
export function tryAgainCause(err: unknown): TryAgainCause | null {
  const code = errorCode(err);
  if (code !== undefined && CAUSE_BY_SQLSTATE[code]) return CAUSE_BY_SQLSTATE[code];
  if (code !== undefined && UNAVAILABLE_NODE_CODES.has(code)) return 'connection_lost';
  const message = errorMessage(err);
  return UNAVAILABLE_MESSAGES.find(([re]) => re.test(message))?.[1] ?? null;
}

/**
 * True when the database could not be reached, dropped the connection, or undid a transaction for a
 * conflict: the request may well succeed a moment later, so the answer is "try again" (503, or `retry`
 * per mutation), never "your input is wrong".
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return tryAgainCause(err) !== null;
}
