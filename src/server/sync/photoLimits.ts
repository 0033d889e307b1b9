/**
 * The one place that decides whether an uploaded image is too big to decode (R18). It reads the
 * dimensions from the file header only (sharp's metadata does not decode pixels), so a crafted
 * "decompression bomb" costs a few bytes of parsing, never gigabytes of memory.
 */
import sharp from 'sharp';
import { MAX_PHOTO_MEGAPIXELS } from '../../sync/protocol';

export type DimensionVerdict =
  | { ok: true; width: number; height: number }
  | { ok: false; status: 413 | 415; error: 'too_many_pixels' | 'unsupported_media_type'; message: string };

/** Header dimensions of the bytes, refused above MAX_PHOTO_MEGAPIXELS or when the header is unreadable. */
export async function checkPhotoDimensions(bytes: Buffer): Promise<DimensionVerdict> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    return { ok: false, status: 415, error: 'unsupported_media_type', message: 'The image could not be read.' };
  }
  if (!width || !height) return { ok: false, status: 415, error: 'unsupported_media_type', message: 'The image has no width or height.' };
  const megapixels = (width * height) / 1_000_000;
  if (megapixels > MAX_PHOTO_MEGAPIXELS) {
    return {
      ok: false,
      status: 413,
      error: 'too_many_pixels',
      message: `The photo is ${width} × ${height} pixels (${megapixels.toFixed(1)} megapixels); at most ${MAX_PHOTO_MEGAPIXELS} megapixels are accepted. Take it again at a lower resolution.`,
    };
  }
  return { ok: true, width, height };
}
