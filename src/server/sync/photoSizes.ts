/**
 * The smaller sizes of a photo (R18a): made once at upload with sharp, kept next to the original in
 * the PhotoStore under `<hash>.<size>`, and made on first request for photos stored before sizes
 * existed. JPEG, because every viewer, printer and ZIP recipient reads it; sharp writes no metadata.
 */
import sharp from 'sharp';
import { PHOTO_LONG_SIDE, type PhotoSize } from '../../sync/protocol';
import type { PhotoStore } from './PhotoStore';

export type DerivedSize = Exclude<PhotoSize, 'original'>;
export const derivedSizes: DerivedSize[] = ['view', 'thumb'];

export function sizeKey(sha256: string, size: PhotoSize): string {
  return size === 'original' ? sha256 : `${sha256}.${size}`;
}

/** One size from (already stripped and rotated) bytes; never enlarged. */
export function renderSize(source: Buffer, size: DerivedSize): Promise<Buffer> {
  const side = PHOTO_LONG_SIDE[size];
  return sharp(source)
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: size === 'thumb' ? 72 : 80, mozjpeg: true })
    .toBuffer();
}

/** At upload: the view size from the original, the thumbnail from the view size (cheaper, same look). */
export async function storeSizes(photos: PhotoStore, sha256: string, original: Buffer): Promise<void> {
  const view = await renderSize(original, 'view');
  await photos.put(sizeKey(sha256, 'view'), view);
  await photos.put(sizeKey(sha256, 'thumb'), await renderSize(view, 'thumb'));
}

/** The bytes of one size, made now (and kept) when an older photo does not have it yet. */
export async function loadSize(photos: PhotoStore, sha256: string, size: PhotoSize): Promise<Buffer | null> {
  const stored = await photos.get(sizeKey(sha256, size));
  if (stored || size === 'original') return stored;
  const original = await photos.get(sha256);
  if (!original) return null;
  const made = await renderSize(original, size);
  await photos.put(sizeKey(sha256, size), made);
  return made;
}
