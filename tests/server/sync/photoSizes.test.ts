import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPhotoDimensions } from '../../../src/server/sync/photoLimits';
import { sizeKey } from '../../../src/server/sync/photoSizes';
import { TestDevice } from '../../support/syncMutations';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';

let server: SyncServer;
let schouwer: TestUser;
let wijkbeheerder: TestUser;
let partner: TestUser;
let photo: Buffer;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG whose header claims width × height: a few dozen bytes, gigabytes if anyone decoded it. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const idat = chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])); // an empty zlib stream
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), idat, chunk('IEND', Buffer.alloc(0))]);
}

beforeAll(async () => {
  server = await startSyncServer();
  schouwer = await server.user(['schouwer']);
  wijkbeheerder = await server.user(['wijkbeheerder']);
  partner = await server.user(['partner']);
  // A landscape photo larger than the view size, with a pattern so the sizes really differ.
  photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#4a7' } })
    .composite([{ input: Buffer.from('<svg width="2400" height="1800"><circle cx="1200" cy="900" r="700" fill="#c33"/></svg>') }])
    .jpeg()
    .toBuffer();
  const res = await put(photo);
  expect(res.statusCode).toBe(201);
  await listOnFinding(sha(photo));
});

/** R30: a colleague receives a photo once a finding of their municipality lists it. */
async function listOnFinding(hash: string) {
  const { mutation } = new TestDevice({ id: schouwer.id, roles: schouwer.roles }).create({ photoHashes: [hash] });
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: schouwer.headers, payload: { mutations: [mutation] } });
  expect(res.json().results[0].status).toBe('accepted');
}
afterAll(() => server.close());

function put(bytes: Buffer, hash = sha(bytes), user: TestUser = schouwer) {
  return server.app.inject({ method: 'PUT', url: `/api/photos/${hash}`, headers: { ...user.headers, 'content-type': 'image/png' }, payload: bytes });
}
function get(hash: string, size: string | null, user: TestUser | null = wijkbeheerder, extra: Record<string, string> = {}) {
  const url = size === null ? `/api/photos/${hash}` : `/api/photos/${hash}?size=${size}`;
  return server.app.inject({ method: 'GET', url, headers: { ...(user?.headers ?? {}), ...extra } });
}

describe('photo sizes (R18a)', () => {
  it.each([
    ['thumb', 320, 240],
    ['view', 1600, 1200],
    ['original', 2400, 1800],
  ])('R18a: size=%s is served with its long side at %i px', async (size, width, height) => {
    const res = await get(sha(photo), size);
    expect(res.statusCode).toBe(200);
    const meta = await sharp(res.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([width, height]);
    expect(meta.exif).toBeUndefined();
    expect(res.headers['content-type']).toBe('image/jpeg');
  });

  it('R18a: the sizes were made at upload and are kept next to the original', async () => {
    const store = await import('../../../src/server/sync/PhotoStore');
    const files = new store.FsPhotoStore(server.photosDir);
    for (const size of ['thumb', 'view', 'original'] as const) expect(await files.get(sizeKey(sha(photo), size))).not.toBeNull();
    const thumb = (await files.get(sizeKey(sha(photo), 'thumb')))!;
    expect(thumb.length).toBeLessThan(photo.length / 4);
  });

  it('R18a: every size carries a year-long immutable private cache header and the hash as ETag; a matching If-None-Match is 304', async () => {
    for (const size of ['thumb', 'view', 'original']) {
      const res = await get(sha(photo), size);
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(res.headers.etag).toBe(`"${sha(photo)}.${size}"`);
      const again = await get(sha(photo), size, wijkbeheerder, { 'if-none-match': res.headers.etag as string });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    }
  });

  it('R18a: without size the original is served, as before', async () => {
    const res = await get(sha(photo), null);
    expect((await sharp(res.rawPayload).metadata()).width).toBe(2400);
  });

  it('R18a: a size that does not exist is 400 naming the field', async () => {
    const res = await get(sha(photo), 'huge');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('/size');
  });

  it('R18a: a photo stored before sizes existed gets them on first request, and keeps them', async () => {
    const old = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#228' } }).jpeg().toBuffer();
    const hash = sha(old);
    expect((await put(old)).statusCode).toBe(201);
    await listOnFinding(hash);
    const store = await import('../../../src/server/sync/PhotoStore');
    const files = new store.FsPhotoStore(server.photosDir);
    await files.remove(sizeKey(hash, 'thumb'));
    await files.remove(sizeKey(hash, 'view'));
    const res = await get(hash, 'thumb');
    expect(res.statusCode).toBe(200);
    expect((await sharp(res.rawPayload).metadata()).height).toBe(320);
    expect(await files.get(sizeKey(hash, 'thumb'))).not.toBeNull();
    // Smaller than the view size: never enlarged.
    expect((await sharp((await get(hash, 'view')).rawPayload).metadata()).height).toBe(1200);
  });

  it('R18: every size is refused to partners (403) and to nobody logged in (401)', async () => {
    for (const size of ['thumb', 'view', 'original']) {
      expect((await get(sha(photo), size, partner)).statusCode).toBe(403);
      expect((await get(sha(photo), size, null)).statusCode).toBe(401);
    }
  });

  it('R18: a photo of more than 50 megapixels is refused with 413 and a message saying why, and nothing is stored', async () => {
    const bomb = pngHeader(10_000, 8_000);
    expect(bomb.length).toBeLessThan(100);
    const res = await put(bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('too_many_pixels');
    expect(res.json().message).toMatch(/10000 × 8000 pixels \(80\.0 megapixels\); at most 50/);
    expect(await server.store.sync.hasPhoto(sha(bomb))).toBe(false);
    expect((await get(sha(bomb), 'thumb')).statusCode).toBe(404);
  });

  it('R18: the dimension check reads the header only: exactly 50 megapixels passes, one row more is refused', async () => {
    expect(await checkPhotoDimensions(pngHeader(10_000, 5_000))).toEqual({ ok: true, width: 10_000, height: 5_000 });
    expect(await checkPhotoDimensions(pngHeader(10_000, 5_001))).toMatchObject({ ok: false, status: 413, error: 'too_many_pixels' });
    expect(await checkPhotoDimensions(Buffer.from('not an image'))).toMatchObject({ ok: false, status: 415 });
  });
});
