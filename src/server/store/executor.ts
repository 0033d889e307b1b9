/**
 * The small SQL surface the store is written against. Both executors speak PostgreSQL, so the store's
 * SQL is the same for PGlite and for a real server. Parameters are `$1, $2, ...`; values are strings,
 * numbers, booleans or null (JSON goes in as a string and is cast with `::jsonb`).
 */
export type SqlParam = string | number | boolean | null;

export type Row = Record<string, unknown>;

export interface SqlQueryable {
  /** One statement with parameters; resolves to its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** One or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlExecutor extends SqlQueryable {
  readonly kind: 'pglite' | 'postgres';
  /** For log lines; never contains a password. */
  readonly description: string;
  /**
   * Run `fn` in one transaction on one connection: committed if it resolves, rolled back if it throws
   * (and the error is rethrown). Use only `tx` inside `fn`.
   */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
