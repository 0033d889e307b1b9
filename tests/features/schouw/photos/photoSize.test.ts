import { describe, expect, it } from 'vitest';
import { fitWithin, precheckFile, toHex, tooManyPixels } from '../../../../src/features/schouw/photos/photoSize';

describe('photo size on the device', () => {
  it.each([
    ['a 12 MP landscape photo is scaled to 2048 on the long side', 4000, 3000, { width: 2048, height: 1536 }],
    ['a portrait photo keeps its shape', 3024, 4032, { width: 1536, height: 2048 }],
    ['a photo already small enough is not scaled up', 800, 600, { width: 800, height: 600 }],
    ['exactly 2048 stays 2048', 2048, 1000, { width: 2048, height: 1000 }],
    ['a panorama never gets a side of 0 px', 100_000, 10, { width: 2048, height: 1 }],
  ])('%s', (_label, w, h, expected) => {
    expect(fitWithin(w, h)).toEqual(expected);
  });

  it('refuses a size that is not a picture', () => {
    expect(() => fitWithin(0, 100)).toThrow(RangeError);
  });

  it('a file that says it is not an image, or is empty, is refused before decoding', () => {
    expect(precheckFile({ type: 'application/pdf', size: 1000 })).toBe('not_an_image');
    expect(precheckFile({ type: 'image/jpeg', size: 0 })).toBe('not_an_image');
    expect(precheckFile({ type: 'image/heic', size: 1000 })).toBeNull();
    expect(precheckFile({ type: '', size: 1000 })).toBeNull();
  });

  it('a picture of more than 60 megapixels is too big to decode on a tablet', () => {
    expect(tooManyPixels(8000, 6000)).toBe(false);
    expect(tooManyPixels(10_000, 7_000)).toBe(true);
  });

  it('a digest becomes lower-case hex', () => {
    expect(toHex(new Uint8Array([0, 15, 255]).buffer)).toBe('000fff');
  });
});
