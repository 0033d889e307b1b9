/**
 * Photo upload and download by SHA-256 (SPEC.md R17, R18, R18a). The device already re-encodes photos
 * without EXIF; the server does it again, because it cannot trust a device, and makes the smaller
 * sizes once, at upload.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { requireRoles } from '../auth/guard';
import { MAX_PHOTO_BYTES, photoHashSchema, photoSizeSchema, type PhotoSize } from '../../sync/protocol';
import type { SyncStore } from '../store/SyncStore';
import { mayReceivePhoto, photoRoles, photoUploadRoles, photoViewer } from './access';
import { checkPhotoDimensions } from './photoLimits';
import { loadSize, storeSizes } from './photoSizes';
import type { PhotoStore } from './PhotoStore';

type ImageKind = 'jpeg' | 'png' | 'webp';

/** What the bytes are, by their magic numbers, whatever the Content-Type says. */
export function sniffImage(b: Buffer): ImageKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Re-encoded in its own format with every metadata block dropped (sharp keeps none unless asked). */
export async function stripMetadata(bytes: Buffer, kind: ImageKind): Promise<Buffer> {
  const img = sharp(bytes, { failOn: 'error' }).rotate(); // apply the EXIF orientation before it is dropped
  if (kind === 'jpeg') return img.jpeg({ quality: 85 }).toBuffer();
  if (kind === 'png') return img.png().toBuffer();
  return img.webp({ quality: 85 }).toBuffer();
}

export const mimeOf: Record<ImageKind, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** The derived sizes are JPEG; the original keeps the format it was uploaded in. */
function mimeFor(size: PhotoSize, originalMime: string): string {
  return size === 'original' ? originalMime : 'image/jpeg';
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  return !!header && header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
}

export function registerPhotoRoutes(app: FastifyInstance, sync: SyncStore, photos: PhotoStore): void {
  app.register(async (scope) => {
    // Every body here is raw bytes, whatever it claims to be: the magic numbers decide (R18).
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) => done(null, body));

    scope.put<{ Params: { sha256: string } }>(
      '/api/photos/:sha256',
      { bodyLimit: MAX_PHOTO_BYTES, preHandler: requireRoles(...photoUploadRoles) },
      async (request, reply) => {
        const hash = photoHashSchema.safeParse(request.params.sha256);
        if (!hash.success) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/sha256', message: hash.error.issues[0]!.message }] });
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const kind = sniffImage(bytes);
        if (!kind) return reply.code(415).send({ error: 'unsupported_media_type', message: 'Only JPEG, PNG or WebP photos are accepted.' });
        if (createHash('sha256').update(bytes).digest('hex') !== hash.data) {
          return reply.code(400).send({ error: 'hash_mismatch', message: 'The SHA-256 of the bytes does not match the address.' });
        }
        // Idempotent: the first stored copy stays; a resumed upload gets 200 without a rewrite. Someone
        // who may not see the stored one yet (R30) holds the bytes all the same: they become an uploader,
        // and the answer is the one a first upload gets, so it tells nothing about other municipalities.
        if (await sync.hasPhoto(hash.data)) {
          const visible = (await sync.getPhotoMeta(hash.data, photoViewer(request.actor!))) !== null;
          await sync.addPhoto({ sha256: hash.data, size: bytes.length, mime: mimeOf[kind], storedBy: request.actor!.id });
          return visible ? reply.code(200).send({ sha256: hash.data, stored: false }) : reply.code(201).send({ sha256: hash.data, stored: true });
        }
        // Dimensions from the header, before any decoding: a 50+ megapixel image is never decoded.
        const dims = await checkPhotoDimensions(bytes);
        if (!dims.ok) return reply.code(dims.status).send({ error: dims.error, message: dims.message });
        let clean: Buffer;
        try {
          clean = await stripMetadata(bytes, kind);
          // Sizes first, original last: the original's presence is what marks a complete upload.
          await storeSizes(photos, hash.data, clean);
        } catch {
          return reply.code(415).send({ error: 'unsupported_media_type', message: 'The image could not be read.' });
        }
        await photos.put(hash.data, clean);
        const added = await sync.addPhoto({ sha256: hash.data, size: clean.length, mime: mimeOf[kind], storedBy: request.actor!.id });
        return reply.code(added ? 201 : 200).send({ sha256: hash.data, stored: added });
      },
    );

    scope.get<{ Params: { sha256: string }; Querystring: { size?: string } }>(
      '/api/photos/:sha256',
      { preHandler: requireRoles(...photoRoles) },
      async (request, reply) => {
        const hash = photoHashSchema.safeParse(request.params.sha256);
        if (!hash.success) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/sha256', message: hash.error.issues[0]!.message }] });
        const size = photoSizeSchema.safeParse(request.query.size ?? 'original');
        if (!size.success) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/size', message: 'size must be thumb, view or original' }] });
        if (!(await mayReceivePhoto(request.actor!, hash.data, sync))) return reply.code(403).send({ error: 'not_allowed_for_photo' });
        // R30: only a photo of a finding in the actor's municipalities (or their own upload); else 404.
        const meta = await sync.getPhotoMeta(hash.data, photoViewer(request.actor!));
        if (!meta) return reply.code(404).send({ error: 'not_found' });
        const etag = `"${hash.data}.${size.data}"`;
        // Content-addressed: the bytes under one hash and size never change, so a browser keeps them.
        reply.header('Cache-Control', 'private, max-age=31536000, immutable').header('ETag', etag);
        if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
        let bytes: Buffer | null;
        try {
          bytes = await loadSize(photos, hash.data, size.data);
        } catch {
          bytes = null; // an original that no longer decodes: as if absent, never a 500
        }
        if (!bytes) return reply.code(404).header('Cache-Control', 'no-store').send({ error: 'not_found' });
        return reply.type(mimeFor(size.data, meta.mime)).send(bytes);
      },
    );
  });
}
