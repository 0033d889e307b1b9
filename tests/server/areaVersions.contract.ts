import { expect, it } from 'vitest';
import type { Area } from '../../src/domain/area';
import type { StoreFixture } from './store.contract';

const geometry = (lon: number): Area['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[lon, 52.25], [lon + 0.01, 52.25], [lon + 0.01, 52.26], [lon, 52.25]]],
});
const a = (id: string, lon: number, extra: Partial<Area> = {}): Area => ({
  municipality: 'deventer', id, name: `Gebied ${id}`, kind: 'street', kvoStatus: 'participating', source: 'test', geometry: geometry(lon), ...extra,
});

/** Area versions (AreaVersionStore), run inside the Store contract suite on every database. */
export function areaVersionCases(fresh: () => Promise<StoreFixture>): void {
  it('area versions: the first edit keeps the loaded shape as version 1; every write is a new version with who and why', async () => {
    const { store } = await fresh();
    await store.migrate();
    await store.replaceAreas('deventer', [a('brink', 6.15)]);
    expect((await store.areaVersions.listVersions('deventer', 'brink')).map((v) => v.action)).toEqual(['loaded']);
    const moved = a('brink', 6.16);
    const result = await store.areaVersions.writeAreas('deventer', [{ area: moved, action: 'changed', actorId: 'u1', reason: 'street' }], () => null);
    expect(result).toEqual({ ok: true, versions: [2] });
    const versions = await store.areaVersions.listVersions('deventer', 'brink');
    expect(versions.map((v) => [v.version, v.action, v.actorId, v.reason])).toEqual([[2, 'changed', 'u1', 'street'], [1, 'loaded', 'system', '']]);
    expect(versions[1]!.area.geometry).toEqual(geometry(6.15));
    expect(await store.listAreas('deventer')).toEqual([moved]);
    expect((await store.areaVersions.getVersion('deventer', 'brink', 1))?.area.geometry).toEqual(geometry(6.15));
    expect(Date.parse(versions[0]!.createdAt)).toBeGreaterThan(Date.parse(versions[1]!.createdAt) - 1);
  });

  it('area versions: a refusal from the check writes nothing; the check sees only current areas of that municipality', async () => {
    const { store } = await fresh();
    await store.migrate();
    await store.replaceAreas('deventer', [a('brink', 6.15), a('oud', 6.17)]);
    await store.replaceAreas('zwolle', [{ ...a('zw', 6.1), municipality: 'zwolle' }]);
    await store.areaVersions.writeAreas('deventer', [{ area: a('oud', 6.17), action: 'retired', retired: true, actorId: 'u1', reason: '' }], () => null);
    let seen: string[] = [];
    const result = await store.areaVersions.writeAreas('deventer', [{ area: a('brink', 6.2), action: 'changed', actorId: 'u1', reason: '' }], (current) => {
      seen = current.map((x) => x.id);
      return 'no';
    });
    expect(result).toEqual({ ok: false, refusal: 'no' });
    expect(seen).toEqual(['brink']);
    expect(await store.listAreas('deventer')).toEqual([a('brink', 6.15)]);
    expect(await store.areaVersions.listVersions('deventer', 'brink')).toHaveLength(1);
    expect((await store.areaVersions.listAllAreas('deventer')).map((x) => [x.area.id, x.retired])).toEqual([['brink', false], ['oud', true]]);
    expect((await store.areaVersions.getArea('deventer', 'oud'))?.retired).toBe(true);
  });

  it('area versions: several writes are one transaction (a failing one leaves everything as it was)', async () => {
    const { store } = await fresh();
    await store.migrate();
    await store.replaceAreas('deventer', [a('brink', 6.15)]);
    const bad = { ...a('nieuw', 6.18), kind: null } as unknown as Area;
    await expect(
      store.areaVersions.writeAreas('deventer', [{ area: a('brink', 6.16), action: 'imported', actorId: 'u1', reason: '' }, { area: bad, action: 'imported', actorId: 'u1', reason: '' }], () => null),
    ).rejects.toThrow();
    expect(await store.listAreas('deventer')).toEqual([a('brink', 6.15)]);
    expect(await store.areaVersions.listVersions('deventer', 'brink')).toHaveLength(1);
    expect(await store.areaVersions.getArea('deventer', 'nieuw')).toBeUndefined();
  });
}
