import type { ServerConfig } from '../config';
import { PgliteExecutor } from './PgliteExecutor';
import { PostgresExecutor } from './PostgresExecutor';
import { SqlStore } from './SqlStore';
import type { Store } from './Store';
import type { SqlExecutor } from './executor';

/** PostgreSQL when `DATABASE_URL` is set, otherwise PGlite in `<DATA_DIR>/pglite` (created if needed). */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'>): Promise<Store> {
  return new SqlStore(await openExecutor(config));
}

/** The database itself, for tools that work below the store (backup and restore). */
export function openExecutor(config: Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'>): Promise<SqlExecutor> {
  return config.databaseUrl ? PostgresExecutor.open(config.databaseUrl) : PgliteExecutor.open(config.pgliteDir);
}
