/**
 * The device's photo cache (SPEC.md R18b). Two tables hold photo bytes: `photos` (taken on this
 * device) and `photoCache` (fetched from the server by hash and size). Everything the server already
 * has may be evicted, least recently used first, once the cache passes its byte cap; a photo of this
 * device that is not uploaded yet is the only copy and is never evicted, nor counted against the cap.
 */
import type { PhotoCacheRecord, PhotoSizeName as PhotoSize, SchouwDb } from './db';

/** Default cap: room for the thumb and view sizes of a few hundred findings. */
export const PHOTO_CACHE_CAP_BYTES = 200 * 1024 * 1024;

/** Sizes that can stand in for the one asked, best first: a bigger size scales down fine. */
const standIns: Record<PhotoSize, PhotoSize[]> = {
  thumb: ['thumb', 'view', 'original'],
  view: ['view', 'original'],
  original: ['original'],
};

const keyOf = (hash: string, size: PhotoSize) => `${hash}:${size}`;

export interface FoundPhoto {
  blob: Blob;
  /** Where it came from: the device's own photo or a cached size. */
  from: 'own' | PhotoSize;
}

/** The photo from the device, if it is there in this size or a bigger one. Reads only. */
export async function findPhoto(db: SchouwDb, hash: string, size: PhotoSize): Promise<FoundPhoto | null> {
  const own = await db.photos.get(hash);
  if (own) return { blob: own.blob, from: 'own' };
  const rows = await db.photoCache.bulkGet(standIns[size].map((s) => keyOf(hash, s)));
  const row = rows.find((r): r is PhotoCacheRecord => !!r);
  return row ? { blob: row.blob, from: row.size } : null;
}

/** Marks a photo as just shown, so eviction takes others first. */
export async function touchPhoto(db: SchouwDb, hash: string, from: FoundPhoto['from'], now = Date.now()): Promise<void> {
  if (from === 'own') await db.photos.update(hash, { lastUsedAt: now });
  else await db.photoCache.update(keyOf(hash, from), { lastUsedAt: now });
}

/**
 * Keeps a fetched size, then evicts down to the cap. Two transactions on purpose: the screen waiting
 * for this photo sees it as soon as the first commits, not after the eviction scan.
 */
export async function cachePhoto(db: SchouwDb, hash: string, size: PhotoSize, blob: Blob, cap = PHOTO_CACHE_CAP_BYTES, now = Date.now()): Promise<void> {
  await db.photoCache.put({ key: keyOf(hash, size), hash, size, blob, bytes: blob.size, lastUsedAt: now });
  await evictTo(db, cap);
}

export async function hasCachedSize(db: SchouwDb, hash: string, size: PhotoSize): Promise<boolean> {
  return (await findPhoto(db, hash, size)) !== null;
}

type Evictable = { kind: 'cache' | 'own'; key: string; bytes: number; lastUsedAt: number };

async function evictables(db: SchouwDb): Promise<Evictable[]> {
  const cached = await db.photoCache.toArray();
  // Only uploaded own photos: `uploadedAt` is indexed and absent on the pending ones.
  const uploaded = await db.photos.where('uploadedAt').above('').toArray();
  return [
    ...cached.map((c) => ({ kind: 'cache' as const, key: c.key, bytes: c.bytes, lastUsedAt: c.lastUsedAt })),
    ...uploaded.map((p) => ({ kind: 'own' as const, key: p.hash, bytes: p.blob.size, lastUsedAt: p.lastUsedAt ?? Date.parse(p.uploadedAt!) })),
  ];
}

/** Bytes the cap applies to: everything the server could send again. */
export async function cachedBytes(db: SchouwDb): Promise<number> {
  return (await evictables(db)).reduce((n, e) => n + e.bytes, 0);
}

/** Least recently used first, until the evictable bytes fit the cap. Returns how many went. */
export async function evictTo(db: SchouwDb, cap: number): Promise<number> {
  return db.transaction('rw', db.photoCache, db.photos, async () => {
    const all = (await evictables(db)).sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    let total = all.reduce((n, e) => n + e.bytes, 0);
    let gone = 0;
    for (const e of all) {
      if (total <= cap) break;
      if (e.kind === 'cache') await db.photoCache.delete(e.key);
      else {
        // Re-read inside the transaction: never delete a photo that lost its upload mark.
        const p = await db.photos.get(e.key);
        if (!p?.uploadedAt) continue;
        await db.photos.delete(e.key);
      }
      total -= e.bytes;
      gone++;
    }
    return gone;
  });
}
