import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach } from 'vitest';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { refreshAreas } from '../../src/services/refreshAreas';

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] as [number, number][][],
});
const feature = (id: string, name: string, x: number) => ({
  type: 'Feature',
  properties: { id, name, kind: 'street', kvoStatus: 'participating', source: 'test' },
  geometry: square(x, 52.25),
});
const respond = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

let db: SchouwDb;
beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  await db.open();
});

describe('refreshing the device copy of the areas', () => {
  it('replaces the municipality\'s areas with the server\'s list', async () => {
    await db.areas.put({ id: 'old', name: 'Old', kind: 'street', kvoStatus: 'certified', source: 's', geometry: square(6.1, 52.2), municipality: 'deventer' });
    const r = await refreshAreas(db, 'deventer', respond({ type: 'FeatureCollection', features: [feature('a', 'A', 6.15), feature('b', 'B', 6.16)] }));
    expect(r).toMatchObject({ ok: true, count: 2 });
    expect(r.ok && r.areas.map((a) => a.id)).toEqual(['a', 'b']);
    expect((await db.areas.toArray()).map((a) => a.id).sort()).toEqual(['a', 'b']);
  });

  it('keeps other municipalities\' areas', async () => {
    await db.areas.put({ id: 'w', name: 'W', kind: 'street', kvoStatus: 'certified', source: 's', geometry: square(4.2, 52.0), municipality: 'westland' });
    await refreshAreas(db, 'deventer', respond({ type: 'FeatureCollection', features: [feature('a', 'A', 6.15)] }));
    expect((await db.areas.where('municipality').equals('westland').count())).toBe(1);
  });

  it('an invalid answer changes nothing and says which feature is wrong', async () => {
    await db.areas.put({ id: 'keep', name: 'Keep', kind: 'street', kvoStatus: 'certified', source: 's', geometry: square(6.1, 52.2), municipality: 'deventer' });
    const bad = feature('b', 'B', 6.16);
    (bad.geometry.coordinates[0]![1] as number[])[1] = 91;
    const r = await refreshAreas(db, 'deventer', respond({ type: 'FeatureCollection', features: [feature('a', 'A', 6.15), bad] }));
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.detail).toMatch(/feature 1/);
    expect((await db.areas.toArray()).map((a) => a.id)).toEqual(['keep']);
  });

  it('offline keeps the last copy and reports offline', async () => {
    await db.areas.put({ id: 'keep', name: 'Keep', kind: 'street', kvoStatus: 'certified', source: 's', geometry: square(6.1, 52.2), municipality: 'deventer' });
    const r = await refreshAreas(db, 'deventer', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    expect(r).toMatchObject({ ok: false, reason: 'offline' });
    expect(await db.areas.count()).toBe(1);
  });

  it('a server error keeps the last copy', async () => {
    await db.areas.put({ id: 'keep', name: 'Keep', kind: 'street', kvoStatus: 'certified', source: 's', geometry: square(6.1, 52.2), municipality: 'deventer' });
    const r = await refreshAreas(db, 'deventer', respond({ error: 'internal' }, 503));
    expect(r).toMatchObject({ ok: false, reason: 'http' });
    expect(await db.areas.count()).toBe(1);
  });
});
