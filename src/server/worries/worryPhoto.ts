/**
 * A shopkeeper's photo (R47): the same checks and pipeline as a walk photo (R18, R18a): real JPEG, PNG
 * or WebP by its magic bytes, pixel limit read from the header, re-encoded with every metadata block
 * dropped, view and thumbnail sizes made once. Keyed by the SHA-256 of the stripped bytes.
 */
import { createHash } from 'node:crypto';
import type { SyncStore } from '../store/SyncStore';
import { checkPhotoDimensions } from '../sync/photoLimits';
import { mimeOf, sniffImage, stripMetadata } from '../sync/photos';
import { storeSizes } from '../sync/photoSizes';
import type { PhotoStore } from '../sync/PhotoStore';
import { WORRY_PHOTO_MAX_BYTES } from '../../domain/worry';

export type PhotoVerdict = { ok: true; sha256: string } | { ok: false; status: 413 | 415; error: string; message: string };

export async function storeWorryPhoto(base64: string, photos: PhotoStore, sync: Pick<SyncStore, 'addPhoto' | 'hasPhoto'>, storedBy: string): Promise<PhotoVerdict> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > WORRY_PHOTO_MAX_BYTES) return { ok: false, status: 413, error: 'payload_too_large', message: 'The photo is too large.' };
  const kind = sniffImage(bytes);
  if (!kind) return { ok: false, status: 415, error: 'unsupported_media_type', message: 'Only JPEG, PNG or WebP photos are accepted.' };
  const dims = await checkPhotoDimensions(bytes);
  if (!dims.ok) return { ok: false, status: dims.status, error: dims.error, message: dims.message };
  let clean: Buffer;
  let sha256: string;
  try {
    clean = await stripMetadata(bytes, kind);
    sha256 = createHash('sha256').update(clean).digest('hex');
    if (!(await sync.hasPhoto(sha256))) await storeSizes(photos, sha256, clean);
  } catch {
    return { ok: false, status: 415, error: 'unsupported_media_type', message: 'The image could not be read.' };
  }
  if (!(await sync.hasPhoto(sha256))) {
    await photos.put(sha256, clean);
    await sync.addPhoto({ sha256, size: clean.length, mime: mimeOf[kind], storedBy });
  }
  return { ok: true, sha256 };
}
