import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { AreaFeature } from '../../src/domain/area';
import { shopsMovedByEdit } from '../../src/domain/areaEdit';
import { validateAreaChange } from '../../src/domain/areaRules';
import type { AreaGeometry } from '../../src/domain/geojson';
import { loadMunicipalityConfig } from '../../src/domain/municipality';
import { loginAsCoordinator as loginCoordinator } from './authHelpers';

const areas = (JSON.parse(fs.readFileSync('geo/deventer.geojson', 'utf8')) as { features: AreaFeature[] }).features;
const boundary = loadMunicipalityConfig(JSON.parse(fs.readFileSync('geo/deventer.municipality.json', 'utf8'))).boundary;

/**
 * A Voorstad vertex to pull outwards, and a shop just beyond it: pulling vertex `index` to `stretch` ×
 * its distance from the centre takes the shop in and keeps the area rules (checked here, before the
 * browser does it). The shop lies at `shopAt` × that distance.
 */
export function voorstadPlan(stretch = 1.6, shopAt = 1.3) {
  const voorstad = areas.find((a) => a.properties.id === 'voorstad')!;
  const ring = (voorstad.geometry as Extract<AreaGeometry, { type: 'Polygon' }>).coordinates[0]!.slice(0, -1);
  const c = [0, 1].map((k) => ring.reduce((s, p) => s + p[k]!, 0) / ring.length);
  const along = (p: number[], f: number) => [c[0]! + (p[0]! - c[0]!) * f, c[1]! + (p[1]! - c[1]!) * f] as [number, number];
  for (let index = 0; index < ring.length; index++) {
    const moved = ring.map((p, i) => (i === index ? along(p, stretch) : [p[0]!, p[1]!]));
    const geometry: AreaGeometry = { type: 'Polygon', coordinates: [[...moved, moved[0]!]] as [number, number][][] };
    const shop = { point: { type: 'Point' as const, coordinates: along(ring[index]!, shopAt) } };
    const others = areas.filter((a) => a !== voorstad);
    if (!validateAreaChange({ ...voorstad, geometry }, others, boundary).ok) continue;
    if (shopsMovedByEdit(voorstad.geometry, geometry, [shop]).in.length !== 1) continue;
    if (others.some((a) => shopsMovedByEdit(null, a.geometry, [shop]).in.length > 0)) continue;
    return { index, vertices: ring.length, stretch, shop: shop.point };
  }
  throw new Error('no Voorstad vertex can be pulled out without breaking a rule');
}

/**
 * The first coordinator. Shared with the other e2e tests through authHelpers.ts: the one-time setup
 * link works once per server, so whichever test comes first uses it and leaves the login for the rest.
 */
export async function loginAsCoordinator(page: Page): Promise<void> {
  await loginCoordinator(page.request);
}

/** Put one shop straight into the device's IndexedDB, as the register would. */
export async function seedShop(page: Page, shop: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('schouwkaart');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('shops', 'readwrite');
          tx.objectStore('shops').put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    shop,
  );
}

/** Drag vertex `index` of the polygon being edited outwards, `stretch` × its distance from the vertices' centre. */
export async function pullVertex(page: Page, index: number, vertices: number, stretch: number): Promise<void> {
  const markers = page.locator('.leaflet-marker-icon.marker-icon:not(.marker-icon-middle)');
  await expect(markers).toHaveCount(vertices);
  const centres = await markers.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
    }),
  );
  const c = [0, 1].map((k) => centres.reduce((s, p) => s + p[k]!, 0) / centres.length);
  const from = centres[index]!;
  const to = [c[0]! + (from[0] - c[0]!) * stretch, c[1]! + (from[1] - c[1]!) * stretch];
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move((from[0] + to[0]!) / 2, (from[1] + to[1]!) / 2, { steps: 5 });
  await page.mouse.move(to[0]!, to[1]!, { steps: 5 });
  await page.mouse.up();
}
