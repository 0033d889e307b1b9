/** The long side of a stored photo: sharp enough to read a sign, small enough for a day of walking. */
export const MAX_LONG_SIDE = 2048;
/**
 * Pixels we are willing to decode at once. A 50 MP camera frame is about 200 MB as RGBA; more than
 * that can kill the tab on a tablet, so it is refused with a clear message instead.
 */
export const MAX_DECODE_PIXELS = 60_000_000;
export const JPEG_QUALITY = 0.85;

/** Scales (width, height) down so the long side is at most `max`; never scales up; at least 1 px. */
export function fitWithin(width: number, height: number, max = MAX_LONG_SIDE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`invalid size ${width}×${height}`);
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export type PhotoProblem = 'not_an_image' | 'too_big' | 'decode_failed';

/**
 * A first check on what the file input gave, before decoding. An empty type is let through: some
 * cameras and file pickers send none, and the decoder decides.
 */
export function precheckFile(file: { type: string; size: number }): PhotoProblem | null {
  if (file.size === 0) return 'not_an_image';
  if (file.type !== '' && !file.type.startsWith('image/')) return 'not_an_image';
  return null;
}

export function tooManyPixels(width: number, height: number): boolean {
  return width * height > MAX_DECODE_PIXELS;
}

/** Lower-case hex of a digest, the key photos are stored under. */
export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}
