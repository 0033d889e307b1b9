/**
 * Rate limits of the public survey and worry routes are counted in the database (migration 090), so every
 * server process on one PostgreSQL shares them (SPEC.md R45, R47). The store's contract runs on PGlite and
 * on PostgreSQL; two app instances on one PostgreSQL schema refuse a survey link together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { hashToken, newToken } from '../../../src/server/auth/tokens';
import { PostgresExecutor } from '../../../src/server/store/PostgresExecutor';
import { SqlStore } from '../../../src/server/store/SqlStore';
import { CURRENT_FIXED_VERSION } from '../../../src/domain/survey/fixedQuestions';
import { freshStore } from '../../support/pglite';
import { openTestSchema } from '../../support/postgres';
import { tempDir, testMunicipality, testTiles, writeStaticDir } from '../../support/fixtures';

const url = process.env.TEST_DATABASE_URL;
const T0 = new Date('2026-12-02T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function rateLimitContract(name: string, open: () => Promise<{ store: SqlStore; dispose(): Promise<void> }>) {
  describe(`rate limit store: ${name}`, () => {
    let store: SqlStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await open());
    });
    afterAll(() => dispose?.());

    it('allows max requests per key in a window, refuses the next, and starts again when the window ends', async () => {
      const takes = [];
      for (let i = 0; i < 4; i++) takes.push(await store.rateLimits.take('address:a', 3, 60_000, at(i * 1000)));
      expect(takes.map((t) => t.allowed)).toEqual([true, true, true, false]);
      expect(takes[3]!.resetAt).toEqual(at(60_000));
      expect((await store.rateLimits.take('address:b', 3, 60_000, at(5000))).allowed).toBe(true); // another key
      expect((await store.rateLimits.take('address:a', 3, 60_000, at(60_000))).requests).toBe(1);
    });

    it('counts concurrent requests of one key exactly: 25 at once with a limit of 10 let 10 through', async () => {
      const takes = await Promise.all(Array.from({ length: 25 }, () => store.rateLimits.take('link:busy', 10, 60_000, T0)));
      expect(takes.filter((t) => t.allowed)).toHaveLength(10);
      expect(takes.map((t) => t.requests).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it('forgets windows that have ended', async () => {
      await store.rateLimits.take('address:old', 3, 60_000, T0);
      await store.rateLimits.take('address:new', 3, 60_000, at(100_000));
      expect(await store.rateLimits.deleteExpired(60_000, at(130_000))).toBeGreaterThanOrEqual(1);
      expect((await store.rateLimits.take('address:new', 3, 60_000, at(130_000))).requests).toBe(2);
    });
  });
}

rateLimitContract('PGlite', async () => {
  const store = await freshStore();
  return { store, dispose: () => store.close() };
});

async function postgresStore(schema: string): Promise<SqlStore> {
  return new SqlStore(await PostgresExecutor.open(url!, { schema, max: 4 }));
}

describe.skipIf(!url)('PostgreSQL', () => {
  let drop: () => Promise<void>;
  let schema: string;
  const stores: SqlStore[] = [];
  beforeAll(async () => {
    const s = await openTestSchema(url!);
    schema = s.name;
    drop = s.drop;
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await drop?.();
  });

  rateLimitContract('PostgreSQL', async () => {
    const store = await postgresStore(schema);
    await store.migrate();
    return { store, dispose: () => store.close() };
  });

  it('two app instances on one database refuse a survey link together (per link: 3 an hour)', async () => {
    const apps: FastifyInstance[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await postgresStore(schema);
      stores.push(store);
      await store.migrate();
      const statics = tempDir('schouwkaart-rate-static-');
      writeStaticDir(statics.dir);
      const app = buildApp({ store, config: { staticDir: statics.dir, tiles: testTiles, photosDir: tempDir('schouwkaart-rate-photos-').dir } as never, municipality: testMunicipality, survey: { perLink: { max: 3, windowMs: 3600_000 } } });
      await app.ready();
      apps.push(app);
    }
    const token = newToken();
    await stores[0]!.survey.saveSetup({ municipality: testMunicipality.id, year: 2026, fixedVersion: CURRENT_FIXED_VERSION, threshold: 5, resultsPublic: false, topical: [] }, uuidv7());
    await stores[0]!.survey.addLinks(testMunicipality.id, 2026, [{ id: uuidv7(), shopId: uuidv7(), tokenHash: hashToken(token) }]);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await apps[i % 2]!.inject({ method: 'POST', url: '/api/public/survey/open', payload: { token }, remoteAddress: `10.0.0.${i + 1}` });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    for (const app of apps) await app.close();
  });
});
