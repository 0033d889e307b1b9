import type { ServerConfig } from '../config';
import { PgliteExecutor } from './PgliteExecutor';
import { PostgresExecutor } from './PostgresExecutor';
import { SqlStore } from './SqlStore';
import type { Store } from './Store';
import type { SqlExecutor } from './executor';

/** PostgreSQL when `DATABASE_URL` is set, otherwise PGlite in `<DATA_DIR>/pglite` (created if needed). */
type DatabaseConfig = Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'> & Partial<Pick<ServerConfig, 'databasePool'>>;

export async function openStore(config: DatabaseConfig): Promise<Store> {
  return new SqlStore(await openExecutor(config));
}

/** The database itself, for tools that work below the store (backup and restore). */
export function openExecutor(config: DatabaseConfig): Promise<SqlExecutor> {
  const pool = config.databasePool;
  return config.databaseUrl ? PostgresExecutor.open(config.databaseUrl, pool ? { max: pool.max, waitMs: pool.waitMs } : {}) : PgliteExecutor.open(config.pgliteDir);
}
