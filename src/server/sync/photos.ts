/**
 * Photo upload and download by SHA-256 (SPEC.md R17, R18). The device already re-encodes photos
 * without EXIF; the server does it again, because it cannot trust a device.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { requireRoles } from '../auth/guard';
import { MAX_PHOTO_BYTES, photoHashSchema } from '../../sync/protocol';
import type { SyncStore } from '../store/SyncStore';
import { photoRoles, photoUploadRoles } from './access';
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
async function stripMetadata(bytes: Buffer, kind: ImageKind): Promise<Buffer> {
  const img = sharp(bytes, { failOn: 'error' }).rotate(); // apply the EXIF orientation before it is dropped
  if (kind === 'jpeg') return img.jpeg({ quality: 85 }).toBuffer();
  if (kind === 'png') return img.png().toBuffer();
  return img.webp({ quality: 85 }).toBuffer();
}

const mimeOf: Record<ImageKind, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

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
        // Idempotent: the first stored copy stays; a resumed upload gets 200 without a rewrite.
        if (await sync.hasPhoto(hash.data)) return reply.code(200).send({ sha256: hash.data, stored: false });
        let clean: Buffer;
        try {
          clean = await stripMetadata(bytes, kind);
        } catch {
          return reply.code(415).send({ error: 'unsupported_media_type', message: 'The image could not be read.' });
        }
        await photos.put(hash.data, clean);
        const added = await sync.addPhoto({ sha256: hash.data, size: clean.length, mime: mimeOf[kind], storedBy: request.actor!.id });
        return reply.code(added ? 201 : 200).send({ sha256: hash.data, stored: added });
      },
    );

    scope.get<{ Params: { sha256: string } }>('/api/photos/:sha256', { preHandler: requireRoles(...photoRoles) }, async (request, reply) => {
      const hash = photoHashSchema.safeParse(request.params.sha256);
      if (!hash.success) return reply.code(400).send({ error: 'invalid_input', issues: [{ path: '/sha256', message: hash.error.issues[0]!.message }] });
      const meta = await sync.getPhotoMeta(hash.data);
      const bytes = meta && (await photos.get(hash.data));
      if (!meta || !bytes) return reply.code(404).send({ error: 'not_found' });
      // Content-addressed: the bytes under one hash never change, so a browser may keep them.
      return reply.header('Cache-Control', 'private, max-age=31536000, immutable').type(meta.mime).send(bytes);
    });
  });
}
