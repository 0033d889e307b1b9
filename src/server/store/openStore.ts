import type { ServerConfig } from '../config';
import { PgliteExecutor } from './PgliteExecutor';
import { PostgresExecutor } from './PostgresExecutor';
import { SqlStore } from './SqlStore';
import type { Store } from './Store';

/** PostgreSQL when `DATABASE_URL` is set, otherwise PGlite in `<DATA_DIR>/pglite` (created if needed). */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'>): Promise<Store> {
  const executor = config.databaseUrl
    ? await PostgresExecutor.open(config.databaseUrl)
    : await PgliteExecutor.open(config.pgliteDir);
  return new SqlStore(executor);
}
