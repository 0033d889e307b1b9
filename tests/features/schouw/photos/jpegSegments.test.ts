import { describe, expect, it } from 'vitest';
import { hasExif, jpegSegments } from '../../../../src/features/schouw/photos/jpegSegments';
import { withExifGps } from '../../../fixtures/exifJpeg';

// The smallest header-only JPEG: SOI, an APP0 (JFIF) segment, then start of scan.
const plain = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xda, 0x00, 0x02]);

describe('reading JPEG segments', () => {
  it('a JPEG without APP1 has no EXIF', () => {
    expect(jpegSegments(plain)!.map((s) => s.marker)).toEqual([0xe0, 0xda]);
    expect(hasExif(plain)).toBe(false);
  });

  it('the test fixture with GPS tags is found to carry EXIF', () => {
    const tagged = withExifGps(plain, { lat: 52.2517, lon: 6.1603 });
    expect(jpegSegments(tagged)![0]!.marker).toBe(0xe1);
    expect(hasExif(tagged)).toBe(true);
  });

  it('bytes that are not a JPEG give no segments', () => {
    expect(jpegSegments(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});
