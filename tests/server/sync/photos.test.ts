import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';

let server: SyncServer;
let schouwer: TestUser;
let partner: TestUser;
let jpegWithGps: Buffer;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  server = await startSyncServer();
  schouwer = await server.user(['schouwer']);
  partner = await server.user(['partner']);
  // A photo as a phone writes it: EXIF with a description and the GPS position of the taker.
  jpegWithGps = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .withExif({
      IFD0: { ImageDescription: 'Brinkstraat 12 achterom', Make: 'SecretPhone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 15/1 3/1', GPSLongitudeRef: 'E', GPSLongitude: '6/1 9/1 30/1' },
    })
    .jpeg()
    .toBuffer();
});
afterAll(() => server.close());

function put(bytes: Buffer, hash = sha(bytes), user: TestUser = schouwer, type = 'image/jpeg') {
  return server.app.inject({ method: 'PUT', url: `/api/photos/${hash}`, headers: { ...user.headers, 'content-type': type }, payload: bytes });
}
const storedFiles = () => (fs.existsSync(server.photosDir) ? fs.readdirSync(server.photosDir, { recursive: true }).filter((f) => String(f).length > 10) : []);

describe('photos', () => {
  it('R18: the test photo really carries EXIF with GPS before upload', async () => {
    const meta = await sharp(jpegWithGps).metadata();
    expect(meta.exif).toBeDefined();
    expect(jpegWithGps.includes(Buffer.from('SecretPhone'))).toBe(true);
  });

  it('R17/R18: a JPEG is stored by its hash with its metadata stripped, and served to a schouwer', async () => {
    const res = await put(jpegWithGps);
    expect(res.statusCode).toBe(201);
    const got = await server.app.inject({ method: 'GET', url: `/api/photos/${sha(jpegWithGps)}`, headers: schouwer.headers });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    const served = got.rawPayload;
    const meta = await sharp(served).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(64);
    expect(served.includes(Buffer.from('SecretPhone'))).toBe(false);
    expect(served.includes(Buffer.from('Brinkstraat'))).toBe(false);
  });

  it('R17: the same photo again is 200 and is not rewritten', async () => {
    const hash = sha(jpegWithGps);
    const file = path.join(server.photosDir, hash.slice(0, 2), hash);
    const before = fs.statSync(file).mtimeMs;
    const res = await put(jpegWithGps);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sha256: hash, stored: false });
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('R18: a PNG and a WebP are accepted as what their bytes are', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } }).png().toBuffer();
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00a' } }).webp().toBuffer();
    expect((await put(png, sha(png), schouwer, 'application/octet-stream')).statusCode).toBe(201);
    expect((await put(webp)).statusCode).toBe(201);
    const got = await server.app.inject({ method: 'GET', url: `/api/photos/${sha(png)}`, headers: schouwer.headers });
    expect(got.headers['content-type']).toBe('image/png');
  });

  it('R18: text disguised as a JPEG is refused with 415 and nothing is stored', async () => {
    const before = storedFiles().length;
    const fake = Buffer.from('<html>not a photo</html>');
    const res = await put(fake);
    expect(res.statusCode).toBe(415);
    const truncated = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
    expect((await put(truncated)).statusCode).toBe(415);
    expect(storedFiles().length).toBe(before);
    expect(await server.store.sync.hasPhoto(sha(fake))).toBe(false);
  });

  it('R18: more than 15 MB is refused with 413 and nothing is stored', async () => {
    const big = Buffer.concat([jpegWithGps.subarray(0, 4), Buffer.alloc(15 * 1024 * 1024 + 1)]);
    const res = await put(big);
    expect(res.statusCode).toBe(413);
    expect(await server.store.sync.hasPhoto(sha(big))).toBe(false);
  });

  it('R17: bytes whose SHA-256 is not the address are refused with 400', async () => {
    const other = 'a'.repeat(64);
    const res = await put(jpegWithGps, other);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('hash_mismatch');
    expect(await server.store.sync.hasPhoto(other)).toBe(false);
  });

  it('R18: partners never get photos (403); an unknown hash is 404; a bad hash is 400', async () => {
    const hash = sha(jpegWithGps);
    expect((await server.app.inject({ method: 'GET', url: `/api/photos/${hash}`, headers: partner.headers })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: `/api/photos/${hash}` })).statusCode).toBe(401);
    expect((await put(jpegWithGps, hash, partner)).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: `/api/photos/${'b'.repeat(64)}`, headers: schouwer.headers })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/api/photos/NOTAHASH', headers: schouwer.headers })).statusCode).toBe(400);
  });
});
