/**
 * Turns a camera file into what we store: decoded, downscaled (long side ≤ 2048 px), re-encoded as
 * JPEG on a canvas (which writes no EXIF, so GPS and camera data are gone), hashed with SHA-256.
 * Runs in the browser only; the pure parts are in photoSize.ts.
 */
import type { PhotoRecord } from '../../../storage/db';
import { JPEG_QUALITY, fitWithin, precheckFile, toHex, tooManyPixels, type PhotoProblem } from './photoSize';

export type ProcessedPhoto = { ok: true; photo: PhotoRecord } | { ok: false; problem: PhotoProblem; fileName: string };

async function decode(file: Blob): Promise<ImageBitmap | null> {
  try {
    // Honour the EXIF orientation while decoding, so the upright picture survives losing its EXIF.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  // Free the canvas memory now: a tablet walking with several 12 MP photos runs short quickly.
  canvas.width = canvas.height = 0;
  return blob;
}

export async function processPhoto(file: File, now = new Date()): Promise<ProcessedPhoto> {
  const fail = (problem: PhotoProblem): ProcessedPhoto => ({ ok: false, problem, fileName: file.name });
  const pre = precheckFile(file);
  if (pre) return fail(pre);
  const bitmap = await decode(file);
  if (!bitmap) return fail(file.type.startsWith('image/') ? 'decode_failed' : 'not_an_image');
  try {
    if (tooManyPixels(bitmap.width, bitmap.height)) return fail('too_big');
    const size = fitWithin(bitmap.width, bitmap.height);
    const blob = await encode(bitmap, size.width, size.height);
    if (!blob) return fail('too_big');
    const bytes = await blob.arrayBuffer();
    const hash = toHex(await crypto.subtle.digest('SHA-256', bytes));
    return {
      ok: true,
      photo: { hash, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', ...size, createdAt: now.toISOString() },
    };
  } finally {
    bitmap.close();
  }
}
