import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { withExifGps } from '../fixtures/exifJpeg';

interface AreaFeature {
  properties: { id: string; name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

/**
 * A point well inside an area: of a grid of points in its bounding box, the inside one farthest from
 * every vertex of the outline, so a few metres of GPS or a small drag stay inside.
 */
export function pointInside(areaId: string): { lon: number; lat: number } {
  const geo = JSON.parse(fs.readFileSync(path.resolve('geo/deventer.geojson'), 'utf8')) as { features: AreaFeature[] };
  const area = geo.features.find((f) => f.properties.id === areaId)!;
  const rings = (area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates) as number[][][][];
  const vertices = rings.flat(2) as unknown as number[][];
  const lons = vertices.map((v) => v[0]!);
  const lats = vertices.map((v) => v[1]!);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  let best = { lon: 0, lat: 0, d: -1 };
  for (let i = 1; i < 40; i++)
    for (let j = 1; j < 40; j++) {
      const lon = w + ((e - w) * i) / 40;
      const lat = s + ((n - s) * j) / 40;
      if (!booleanPointInPolygon([lon, lat], area.geometry as never)) continue;
      const d = Math.min(...vertices.map((v) => Math.hypot((v[0]! - lon) * 0.61, v[1]! - lat)));
      if (d > best.d) best = { lon, lat, d };
    }
  return { lon: best.lon, lat: best.lat };
}

/** A real 3000×2000 JPEG made by the browser, then given an EXIF GPS segment as a phone would. */
export async function exifPhoto(page: Page, seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (hue) => {
    const c = document.createElement('canvas');
    c.width = 3000;
    c.height = 2000;
    const ctx = c.getContext('2d')!;
    const g = ctx.createLinearGradient(0, 0, 3000, 2000);
    g.addColorStop(0, `hsl(${hue} 70% 40%)`);
    g.addColorStop(1, `hsl(${hue + 120} 70% 70%)`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 3000, 2000);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.8));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, seed * 90);
  return Buffer.from(withExifGps(new Uint8Array(Buffer.from(base64, 'base64')), { lat: 52.2515, lon: 6.16 }));
}

export interface StoredState {
  findings: { id: string; categoryCode: string; areaId: string | null; photoHashes: string[]; point: { coordinates: number[] }; removed: boolean }[];
  photos: { hash: string; width: number; height: number; type: string; base64: string }[];
  outbox: number;
  events: number;
}

/** Reads the device database as the app left it, straight from IndexedDB. */
export function readStored(page: Page): Promise<StoredState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('schouwkaart');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const photos = await all<{ hash: string; width: number; height: number; type: string; blob: Blob }>('photos');
    const out = {
      findings: await all<StoredState['findings'][number]>('findings'),
      photos: await Promise.all(
        photos.map(async (p) => {
          const bytes = new Uint8Array(await p.blob.arrayBuffer());
          let s = '';
          for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return { hash: p.hash, width: p.width, height: p.height, type: p.type, base64: btoa(s) };
        }),
      ),
      outbox: (await all('outbox')).length,
      events: (await all('findingEvents')).length,
    };
    db.close();
    return out;
  });
}

/** Picks theme and category in the capture form. */
export async function chooseCategory(page: Page, theme: string, category: string): Promise<void> {
  await page.getByRole('radio', { name: theme }).check();
  await page.getByRole('radio', { name: category, exact: true }).check();
}

/** Taps the map dx, dy pixels from the GPS position (the centre of its accuracy circle). */
export async function tapNearGps(page: Page, dx: number, dy: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('path.gps-accuracy').boundingBox())!;
  const at = { x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy };
  await page.mouse.click(at.x, at.y);
  return at;
}

export async function expectListed(page: Page, count: number): Promise<void> {
  await expect(page.locator('section[aria-labelledby="walk-findings-title"] .finding-item')).toHaveCount(count);
}
