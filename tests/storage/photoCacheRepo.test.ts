import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { cachePhoto, cachedBytes, evictTo, findPhoto, touchPhoto } from '../../src/storage/photoCacheRepo';

let db: SchouwDb;
beforeEach(async () => {
  db = openDb(`photo-cache-${Math.random()}`);
  await db.open();
});
afterEach(() => db.delete());

const blob = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
const hash = (n: number) => n.toString(16).padStart(64, '0');

async function ownPhoto(n: number, bytes: number, uploaded: boolean, createdAt = '2026-01-01T00:00:00.000Z') {
  await db.photos.put({ hash: hash(n), blob: blob(bytes), type: 'image/jpeg', width: 10, height: 10, createdAt, ...(uploaded ? { uploadedAt: createdAt } : {}) });
}

describe('the photo cache (R18b)', () => {
  it('R18b: a fetched size is found again, and a bigger size stands in for a smaller one but not the other way round', async () => {
    await cachePhoto(db, hash(1), 'view', blob(50), 10_000, 1);
    expect((await findPhoto(db, hash(1), 'view'))?.from).toBe('view');
    expect((await findPhoto(db, hash(1), 'thumb'))?.from).toBe('view');
    expect(await findPhoto(db, hash(1), 'original')).toBeNull();
    expect(await findPhoto(db, hash(2), 'thumb')).toBeNull();
  });

  it('R18b: the device\'s own photo is used for every size', async () => {
    await ownPhoto(3, 10, false);
    for (const size of ['thumb', 'view', 'original'] as const) expect((await findPhoto(db, hash(3), size))?.from).toBe('own');
  });

  it('R18b: past the cap the least recently used go first, and a photo just shown stays', async () => {
    for (let i = 1; i <= 5; i++) await cachePhoto(db, hash(i), 'thumb', blob(100), 10_000, i);
    await touchPhoto(db, hash(1), 'thumb', 100); // shown again: now the most recent
    await cachePhoto(db, hash(6), 'thumb', blob(100), 400, 101);
    const left = (await db.photoCache.toArray()).map((r) => r.hash).sort();
    expect(left).toEqual([hash(1), hash(5), hash(6), hash(4)].sort());
    expect(await cachedBytes(db)).toBe(400);
  });

  it('R18b: photos not yet uploaded are never evicted, even when they alone pass the cap', async () => {
    await ownPhoto(10, 500, false);
    await ownPhoto(11, 500, false);
    await ownPhoto(12, 300, true); // uploaded: the server has it, so it may go
    await cachePhoto(db, hash(13), 'thumb', blob(100), 0, Date.parse('2027-01-01'));
    expect(await db.photos.get(hash(10))).toBeDefined();
    expect(await db.photos.get(hash(11))).toBeDefined();
    expect(await db.photos.get(hash(12))).toBeUndefined();
    expect(await db.photoCache.count()).toBe(0);
    expect(await cachedBytes(db)).toBe(0);
  });

  it('R18b: an uploaded own photo counts against the cap and goes by last use like a fetched one', async () => {
    await ownPhoto(20, 300, true, '2026-01-01T00:00:00.000Z');
    await cachePhoto(db, hash(21), 'thumb', blob(300), 10_000, Date.parse('2025-06-01'));
    await touchPhoto(db, hash(20), 'own', Date.parse('2026-06-01'));
    expect(await evictTo(db, 300)).toBe(1);
    expect(await db.photos.get(hash(20))).toBeDefined();
    expect(await db.photoCache.get(`${hash(21)}:thumb`)).toBeUndefined();
  });

  it('R18b: seeded mix of pending, uploaded and cached photos: after eviction every pending photo is there and the rest fits the cap', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pending: string[] = [];
    for (let i = 0; i < 60; i++) {
      const kind = rnd();
      if (kind < 0.3) {
        await ownPhoto(100 + i, 1 + Math.floor(rnd() * 400), false);
        pending.push(hash(100 + i));
      } else if (kind < 0.5) await ownPhoto(100 + i, 1 + Math.floor(rnd() * 400), true, new Date(Date.parse('2026-01-01') + i * 1000).toISOString());
      else await cachePhoto(db, hash(100 + i), rnd() < 0.5 ? 'thumb' : 'view', blob(1 + Math.floor(rnd() * 400)), 1e9, Date.parse('2026-01-01') + i * 1000);
    }
    await evictTo(db, 2_000);
    for (const h of pending) expect(await db.photos.get(h)).toBeDefined();
    expect(await cachedBytes(db)).toBeLessThanOrEqual(2_000);
    expect(await cachedBytes(db)).toBeGreaterThan(1_500); // evicts only what it must
  });
});
