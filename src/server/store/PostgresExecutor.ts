import pg from 'pg';
import { redactDatabaseUrl } from '../config';
import { StartupError, errorCode, errorMessage } from '../errors';
import type { Row, SqlExecutor, SqlParam, SqlQueryable } from './executor';

export interface PostgresOptions {
  /** Put every table in this schema (via search_path); tests use a fresh one per run. */
  schema?: string;
  /** Pool size per server process. */
  max?: number;
  /** How long a query waits for a free pooled connection before it fails (then the answer is "try again"). */
  waitMs?: number;
  /** Called for errors of idle connections (which would otherwise crash the process). */
  onIdleError?: (err: Error) => void;
  /** Shown in pg_stat_activity; tests set their own to find (and terminate) only their connections. */
  applicationName?: string;
}

function queryable(client: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const result = await client.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** A PostgreSQL server through a `pg` pool. */
export class PostgresExecutor implements SqlExecutor {
  readonly kind = 'postgres';
  readonly description: string;
  private readonly q: SqlQueryable;
  private closed = false;

  private constructor(private readonly pool: pg.Pool, url: string, schema: string | undefined) {
    this.description = `PostgreSQL at ${redactDatabaseUrl(url)}${schema ? ` (schema ${schema})` : ''}`;
    this.q = queryable(pool);
  }

  /** Connect and check the connection once, so a wrong URL fails at start with a clear message. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresExecutor> {
    const { schema } = options;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`invalid schema name "${schema}"`);
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.waitMs ?? 10_000,
      idleTimeoutMillis: 30_000,
      application_name: options.applicationName ?? 'schouwkaart',
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    pool.on('error', (err) => {
      if (options.onIdleError) options.onIdleError(err);
      else console.error(`PostgreSQL connection error: ${err.message}`);
    });
    try {
      await pool.query('SELECT 1');
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new StartupError(describeConnectError(err, url), { cause: err });
    }
    return new PostgresExecutor(pool, url, schema);
  }

  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.q.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.q.exec(sql);
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no listener of the pool's: a backend terminated or a server restarted
    // mid-transaction emits 'error' on it, which would end the process. Keep the error instead; the
    // query in flight rejects as well, and the connection is destroyed on release.
    let broken: Error | undefined;
    const onError = (err: Error) => {
      broken ??= err;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await fn(queryable(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      if (!broken) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // The connection is unusable; destroy it instead of returning it to the pool.
          broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        }
      }
      throw err;
    } finally {
      // A destroyed client may still report its end: the listener stays on it, harmless.
      if (!broken) client.off('error', onError);
      client.release(broken);
    }
  }

  /** The pool's connections, for /metrics. */
  poolState(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** One line: where we tried to connect and why it failed, without the password. */
export function describeConnectError(err: unknown, url: string): string {
  const where = redactDatabaseUrl(url);
  const code = errorCode(err);
  const hint = 'check DATABASE_URL';
  switch (code) {
    case 'ECONNREFUSED':
      return `cannot connect to PostgreSQL at ${where}: connection refused (is the server running?); ${hint}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot connect to PostgreSQL at ${where}: host not found; ${hint}`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot connect to PostgreSQL at ${where}: host unreachable; ${hint}`;
    case '28P01':
    case '28000':
      return `cannot connect to PostgreSQL at ${where}: authentication failed (${errorMessage(err)}); ${hint}`;
    case '3D000':
      return `cannot connect to PostgreSQL at ${where}: ${errorMessage(err)}; create it or ${hint}`;
    default: {
      const msg = errorMessage(err).split('\n')[0] ?? '';
      if (/timeout/i.test(msg)) return `cannot connect to PostgreSQL at ${where}: timed out; ${hint}`;
      return `cannot connect to PostgreSQL at ${where}: ${msg || code || 'unknown error'}; ${hint}`;
    }
  }
}
