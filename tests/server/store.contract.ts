import { afterEach, describe, expect, it } from 'vitest';
import type { Area } from '../../src/domain/area';
import type { Store } from '../../src/server/store/Store';
import { areaVersionCases } from './areaVersions.contract';

/** One database for one test: a fresh, empty, not yet migrated store on it. */
export interface StoreFixture {
  store: Store;
  /** Close `store` and open a new one on the same database (a server restart). */
  reopen(): Promise<Store>;
  /** Raw SQL on the same database, for checks the interface does not expose. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Close everything and remove the database. */
  dispose(): Promise<void>;
}

export function area(municipality: string, id: string, overrides: Partial<Area> = {}): Area {
  return {
    municipality,
    id,
    name: `Gebied ${id}`,
    kind: 'street',
    kvoStatus: 'participating',
    source: 'test',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [6.15, 52.25],
          [6.16, 52.25],
          [6.16, 52.26],
          [6.15, 52.25],
        ],
      ],
    },
    ...overrides,
  };
}

/** Numbers that a careless JSON or float round trip would change. */
const trickyGeometry: Area['geometry'] = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [6.123456789012345, 52.98765432109876],
        [6.1e-7, 52.25],
        [179.99999999999997, -89.99999999999999],
        [0.30000000000000004, 52.300000000000004, 12.5],
        [6.123456789012345, 52.98765432109876],
      ],
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
    [
      [
        [-0.5, 5e-324],
        [1.7976931348623157e308 / 1e300, 1],
        [2, 2],
        [-0.5, 5e-324],
      ],
    ],
  ],
};

/** The shared suite every `Store` implementation must pass. */
export function storeContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixtures: StoreFixture[] = [];
    async function fresh(): Promise<StoreFixture> {
      const f = await open();
      fixtures.push(f);
      return f;
    }
    afterEach(async () => {
      await Promise.all(fixtures.map((f) => f.dispose()));
      fixtures = [];
    });

    it('migrates an empty database and reports healthy', async () => {
      const { store, query } = await fresh();
      await store.migrate();
      expect(await store.health()).toEqual({ ok: true });
      expect(await store.countAreas('deventer')).toBe(0);
      expect(await store.listAreas('deventer')).toEqual([]);
      const rows = await query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]).toMatchObject({ version: 1, name: '001_areas.sql' });
    });

    it('runs migrations idempotently: again, concurrently, and after a restart', async () => {
      const f = await fresh();
      await f.store.migrate();
      await f.store.replaceAreas('deventer', [area('deventer', 'brink')]);
      const before = await f.query('SELECT version, checksum FROM schema_migrations ORDER BY version');

      await f.store.migrate();
      await Promise.all([f.store.migrate(), f.store.migrate()]);
      const again = await f.reopen();
      await again.migrate();

      expect(await f.query('SELECT version, checksum FROM schema_migrations ORDER BY version')).toEqual(before);
      expect((await again.listAreas('deventer')).map((a) => a.id)).toEqual(['brink']);
    });

    it('round-trips areas and their geometry exactly', async () => {
      const { store } = await fresh();
      await store.migrate();
      const areas = [
        area('deventer', 'binnenstad', { kind: 'centre', kvoStatus: 'certified', approximate: true, geometry: trickyGeometry }),
        area('deventer', 'colmschate', { name: 'Colmschate – "winkelcentrum" ’t Hoge', approximate: false }),
        area('deventer', 'a-b'),
        area('deventer', 'ab', { source: 'x'.repeat(1000) }),
      ];
      await store.replaceAreas('deventer', areas);

      const listed = await store.listAreas('deventer');
      // Ordered by id, byte-wise (the same on every collation).
      expect(listed.map((a) => a.id)).toEqual(['a-b', 'ab', 'binnenstad', 'colmschate']);
      const byId = new Map(listed.map((a) => [a.id, a]));
      for (const a of areas) expect(byId.get(a.id)).toStrictEqual(a);
      // Exact: the same JSON text for every coordinate, not merely "close".
      expect(JSON.stringify(byId.get('binnenstad')!.geometry.coordinates)).toBe(JSON.stringify(trickyGeometry.coordinates));
      expect(await store.countAreas('deventer')).toBe(4);
    });

    it('replaces: updates changed areas, removes missing ones, keeps unchanged revisions', async () => {
      const f = await fresh();
      const { store } = f;
      await store.migrate();
      await store.replaceAreas('deventer', [area('deventer', 'a'), area('deventer', 'b'), area('deventer', 'c')]);
      const rev = async (): Promise<Record<string, { r: number; deleted: unknown }>> =>
        Object.fromEntries(
          (await f.query("SELECT id, revision::text AS r, deleted FROM areas WHERE municipality = 'deventer'")).map((r) => [
            r.id,
            { r: Number(r.r), deleted: r.deleted },
          ]),
        );
      const r1 = await rev();

      await store.replaceAreas('deventer', [area('deventer', 'a'), area('deventer', 'b', { name: 'Nieuw' }), area('deventer', 'd')]);
      const listed = await store.listAreas('deventer');
      expect(listed.map((a) => [a.id, a.name])).toEqual([
        ['a', 'Gebied a'],
        ['b', 'Nieuw'],
        ['d', 'Gebied d'],
      ]);
      const r2 = await rev();
      expect(r2.a).toEqual(r1.a); // unchanged: same revision
      expect(r2.b!.r).toBeGreaterThan(Math.max(...Object.values(r1).map((x) => x.r)));
      expect(r2.c).toMatchObject({ deleted: true });
      expect(r2.c!.r).toBeGreaterThan(r1.c!.r);
      expect(await store.countAreas('deventer')).toBe(3);

      // An area that comes back is live again.
      await store.replaceAreas('deventer', [area('deventer', 'c')]);
      expect((await store.listAreas('deventer')).map((a) => a.id)).toEqual(['c']);
      await store.replaceAreas('deventer', []);
      expect(await store.countAreas('deventer')).toBe(0);
    });

    it('is atomic: a failing insert mid-way leaves the previous areas untouched', async () => {
      const f = await fresh();
      const { store } = f;
      await store.migrate();
      const previous = [area('deventer', 'a'), area('deventer', 'b')];
      await store.replaceAreas('deventer', previous);
      const revBefore = await f.query('SELECT value::text AS v FROM revision_counter');

      const broken = [
        area('deventer', 'a', { name: 'changed' }),
        area('deventer', 'new'),
        // The database refuses this row (name is NOT NULL) after two rows were already written.
        area('deventer', 'bad', { name: null as unknown as string }),
        area('deventer', 'later'),
      ];
      await expect(store.replaceAreas('deventer', broken)).rejects.toThrow();

      expect(await store.listAreas('deventer')).toStrictEqual(previous);
      expect(await f.query('SELECT value::text AS v FROM revision_counter')).toEqual(revBefore);
      // The store is still usable after the rollback.
      await store.replaceAreas('deventer', [area('deventer', 'z')]);
      expect((await store.listAreas('deventer')).map((a) => a.id)).toEqual(['z']);
    });

    it('is atomic on an empty database too', async () => {
      const { store } = await fresh();
      await store.migrate();
      await expect(
        store.replaceAreas('deventer', [area('deventer', 'a'), area('deventer', 'bad', { kind: null as unknown as Area['kind'] })]),
      ).rejects.toThrow();
      expect(await store.countAreas('deventer')).toBe(0);
    });

    it('refuses duplicate ids and areas of another municipality before writing', async () => {
      const { store } = await fresh();
      await store.migrate();
      await expect(store.replaceAreas('deventer', [area('deventer', 'a'), area('deventer', 'a')])).rejects.toThrow(/twice/);
      await expect(store.replaceAreas('deventer', [area('zwolle', 'a')])).rejects.toThrow(/zwolle/);
      expect(await store.countAreas('deventer')).toBe(0);
    });

    it('keeps municipalities apart', async () => {
      const { store } = await fresh();
      await store.migrate();
      await store.replaceAreas('deventer', [area('deventer', 'centrum'), area('deventer', 'brink')]);
      await store.replaceAreas('zwolle', [area('zwolle', 'centrum', { name: 'Zwolle Centrum' })]);

      expect((await store.listAreas('deventer')).map((a) => a.id)).toEqual(['brink', 'centrum']);
      expect(await store.listAreas('zwolle')).toStrictEqual([area('zwolle', 'centrum', { name: 'Zwolle Centrum' })]);

      await store.replaceAreas('zwolle', []);
      expect(await store.countAreas('zwolle')).toBe(0);
      expect(await store.countAreas('deventer')).toBe(2);
      expect(await store.listAreas('nowhere')).toEqual([]);
    });

    areaVersionCases(fresh);

    it('reports unhealthy (without throwing) once closed', async () => {
      const { store } = await fresh();
      await store.migrate();
      await store.close();
      expect(await store.health()).toEqual({ ok: false });
    });
  });
}
