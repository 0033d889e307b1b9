/**
 * Reads the marker segments at the head of a JPEG (up to the image data), to prove that a stored
 * photo carries no metadata: EXIF (with GPS) lives in an APP1 segment that starts with "Exif\0\0".
 */
export interface JpegSegment {
  marker: number;
  offset: number;
  length: number;
}

export function jpegSegments(bytes: Uint8Array): JpegSegment[] | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const out: JpegSegment[] = [];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return out;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) {
      out.push({ marker, offset: i, length: 0 });
      return out; // end of image, or start of scan: no more headers
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    out.push({ marker, offset: i, length });
    i += 2 + length;
  }
  return out;
}

const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

export function hasExif(bytes: Uint8Array): boolean {
  const segments = jpegSegments(bytes) ?? [];
  return segments.some((s) => s.marker === 0xe1 && EXIF_ID.every((b, k) => bytes[s.offset + 4 + k] === b));
}
