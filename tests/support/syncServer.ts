/**
 * A real server for sync tests: buildApp on a fresh in-memory PGlite, photos in a temp directory, and
 * users with sessions made through the real accounts store (no bypass in production code: the session
 * cookie goes through the same auth hook as a browser's).
 */
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/domain/account';
import type { Role } from '../../src/domain/findingStatus';
import type { MunicipalityConfig } from '../../src/domain/municipality';
import { buildApp, type AppOptions } from '../../src/server/app';
import { SESSION_COOKIE } from '../../src/server/auth/cookies';
import { hashToken, newToken } from '../../src/server/auth/tokens';
import type { Store } from '../../src/server/store/Store';
import { SqlStore } from '../../src/server/store/SqlStore';
import type { SqlExecutor } from '../../src/server/store/executor';
import { freshPglite } from './pglite';
import { tempDir, testMunicipality, testTiles, writeStaticDir } from './fixtures';

export interface TestUser {
  id: string;
  roles: Role[];
  /** Headers of a logged-in browser: the session cookie and the CSRF header. */
  headers: Record<string, string>;
}

export interface SyncServer {
  app: FastifyInstance;
  store: Store;
  /** The database under the store (backup and restore work at this level). */
  executor: SqlExecutor;
  photosDir: string;
  /** Empties the sync tables (records, events, mutations, photos): a fresh start for the next seed. */
  resetSync(): Promise<void>;
  /** A new user with these roles (in `municipality`, the server's own by default) and a live session. */
  user(roles: Role[], name?: string, municipality?: string): Promise<TestUser>;
  close(): Promise<void>;
}

/**
 * On a fresh in-memory PGlite unless another executor (e.g. a PostgreSQL test schema) is given.
 * `municipality`: the server's own (default the test fixture's); `others`: more it serves (R30 tests).
 */
export async function startSyncServer(
  arg: SqlExecutor | { executor?: SqlExecutor; municipality?: MunicipalityConfig; others?: MunicipalityConfig[]; pdok?: (store: Store) => AppOptions['pdok'] } = {},
): Promise<SyncServer> {
  const options = 'query' in arg ? { executor: arg as SqlExecutor } : arg;
  const executor = options.executor ?? (await freshPglite());
  const store = new SqlStore(executor);
  await store.migrate();
  const statics = tempDir('schouwkaart-sync-static-');
  const photos = tempDir('schouwkaart-sync-photos-');
  writeStaticDir(statics.dir);
  const app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles, photosDir: photos.dir } as never, municipality: options.municipality ?? testMunicipality, municipalities: options.others ?? [], ...('pdok' in options && options.pdok ? { pdok: options.pdok(store) } : {}) });
  await app.ready();
  let coordinatorId: string | null = null;
  let n = 0;

  async function user(roles: Role[], name = roles.join('+'), municipality?: string): Promise<TestUser> {
    n++;
    const login = `${name.replace(/[^a-z]/g, '')}${n}@test.nl`;
    const id = uuidv7();
    // The first account can only be made by the setup token; every later one by an invite.
    if (coordinatorId === null) {
      const setup = newToken();
      await store.users.addSetupToken(hashToken(setup));
      const first = uuidv7();
      await store.users.completeSetup(hashToken(setup), { id: first, name: 'setup', login: `setup${n}@test.nl`, passwordHash: 'x', roles: ['coordinator'] });
      coordinatorId = first;
    }
    const invite = newToken();
    await store.users.createInvite({ tokenHash: hashToken(invite), roles, createdBy: coordinatorId, expiresAt: new Date(Date.now() + 3600_000), ...(municipality ? { municipality } : {}) });
    const made = await store.users.acceptInvite(hashToken(invite), { id, name, login, passwordHash: 'x' });
    const token = newToken();
    await store.users.createSession({ tokenHash: hashToken(token), userId: made.id, expiresAt: new Date(Date.now() + 24 * 3600_000) });
    return { id: made.id, roles, headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: CSRF_VALUE } };
  }

  return {
    app,
    store,
    executor,
    photosDir: photos.dir,
    user,
    resetSync: () => executor.exec('TRUNCATE sync_records, sync_events, sync_mutations, photos, photo_uploaders'),
    async close() {
      await app.close();
      await store.close();
      statics.remove();
      photos.remove();
    },
  };
}
