import type { Page } from '@playwright/test';
import sharp from 'sharp';

/**
 * Where the findings' canvas draws markers of one fill colour, as page coordinates: the canvas
 * pixels of that colour, grouped into blobs (pixels within `join` px of a blob's centre join it; a ring needs more than its radius), each blob's
 * centre. The markers have no DOM of their own, so this is how a test finds one to click.
 */
export function markerCentres(page: Page, rgb: [number, number, number], join = 12, minPixels = 10): Promise<{ x: number; y: number }[]> {
  return page.evaluate(({ rgb, join, minPixels }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas');
    if (!canvas) return [];
    const ctx = canvas.getContext('2d')!;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const rect = canvas.getBoundingClientRect();
    const sx = rect.width / width;
    const sy = rect.height / height;
    const blobs: { x: number; y: number; n: number }[] = [];
    for (let y = 0; y < height; y += 2)
      for (let x = 0; x < width; x += 2) {
        const i = (y * width + x) * 4;
        if (Math.abs(data[i]! - rgb[0]) > 6 || Math.abs(data[i + 1]! - rgb[1]) > 6 || Math.abs(data[i + 2]! - rgb[2]) > 6) continue;
        const blob = blobs.find((b) => Math.hypot(b.x / b.n - x, b.y / b.n - y) < join);
        if (blob) {
          blob.x += x;
          blob.y += y;
          blob.n++;
        } else blobs.push({ x, y, n: 1 });
      }
    return blobs
      .filter((b) => b.n >= minPixels)
      .map((b) => ({ x: rect.left + (b.x / b.n) * sx, y: rect.top + (b.y / b.n) * sy }))
      .filter((p) => p.x >= 0 && p.y >= 0 && p.x < innerWidth && p.y < innerHeight);
  }, { rgb, join, minPixels });
}

/**
 * How many pixels of the page as shown (every layer composed, not only the canvas) within `r` px of a
 * point are near-black, as a cluster's count is: something drawn over the count leaves none.
 */
export async function darkPixelsAround(page: Page, at: { x: number; y: number }, r = 6): Promise<number> {
  const clip = { x: Math.round(at.x - r), y: Math.round(at.y - r), width: 2 * r, height: 2 * r };
  const { data, info } = await sharp(await page.screenshot({ clip })).raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 70 && data[i + 1]! < 70 && data[i + 2]! < 70) dark++;
  return dark;
}
