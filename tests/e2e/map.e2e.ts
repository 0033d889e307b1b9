import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, visibleTilesLoaded, waitForServiceWorker } from './helpers';

const geo = JSON.parse(fs.readFileSync(path.resolve('geo/deventer.geojson'), 'utf8')) as {
  features: { properties: { name: string } }[];
};
const areaNames = geo.features.map((f) => f.properties.name);

test('first load shows every area on the map and in the list, including the three new ones', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.area-item')).toHaveCount(areaNames.length);
  for (const name of ['Vijfhoek', 'Deltaplein', 'Voorstad']) {
    await expect(page.locator('.area-item .area-name', { hasText: name })).toHaveCount(1);
  }
  // Each area is drawn as a shape with its name as a label.
  await expect(page.locator('.leaflet-overlay-pane path.leaflet-interactive')).toHaveCount(areaNames.length);
  await expect(page.locator('.leaflet-tooltip.area-label')).toHaveCount(areaNames.length);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('Kadaster');
});

test('tapping an area in the list zooms to it and opens its panel', async ({ page }) => {
  await openApp(page);
  const zoomBefore = await page.evaluate(() => document.querySelector('.map')?.getAttribute('data-zoom'));
  await page.locator('.area-item', { hasText: 'Voorstad' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Voorstad' })).toBeVisible();
  await expect(page.locator('.facts')).toContainText('Nog niet op de KVO-kaart');
  await expect(page).toHaveURL(/\/gebied\/voorstad$/);
  await expect.poll(() => page.evaluate(() => Number(document.querySelector('.map')?.getAttribute('data-zoom')))).toBeGreaterThanOrEqual(15);
  expect(zoomBefore).not.toBe('16');
  // Back to the list.
  await page.getByRole('button', { name: /Terug naar de lijst/ }).click();
  await expect(page.locator('.area-item')).toHaveCount(areaNames.length);
});

test('tapping an area on the map opens its panel', async ({ page }) => {
  await openApp(page);
  await page.locator('.area-item', { hasText: 'Binnenstad' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Binnenstad/ })).toBeVisible();
  await page.getByRole('button', { name: /Terug naar de lijst/ }).click();
  // The map stays zoomed on Binnenstad: click its label's shape in the middle of the map.
  const map = page.locator('.map');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('heading', { level: 2, name: /Binnenstad/ })).toBeVisible();
});

test('after one visit the app opens offline with the areas and cached tiles', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  // Let tiles of the first view load (and be cached at runtime by the service worker).
  await expect.poll(async () => (await visibleTilesLoaded(page)).total).toBeGreaterThan(0);
  await page.reload();
  await expect.poll(async () => (await visibleTilesLoaded(page)).broken).toBe(0);
  // The service worker stores a tile after answering it: wait until every tile shown is in a cache, or the
  // offline reload below would race that write.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const urls = [...document.querySelectorAll<HTMLImageElement>('.leaflet-tile-pane img')].map((img) => img.src);
        const cached = await Promise.all(urls.map((u) => caches.match(u, { ignoreVary: true })));
        return urls.length > 0 && cached.every(Boolean);
      }),
    )
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.pill-offline')).toBeVisible();
  await expect(page.locator('.area-item')).toHaveCount(areaNames.length);
  await expect(page.locator('.leaflet-overlay-pane path.leaflet-interactive')).toHaveCount(areaNames.length);
  await expect.poll(async () => (await visibleTilesLoaded(page)).total).toBeGreaterThan(0);
  await expect.poll(async () => (await visibleTilesLoaded(page)).broken).toBe(0);
  // A deep link opens offline too.
  await page.goto('/gebied/deltaplein');
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaplein' })).toBeVisible();
  await context.setOffline(false);
});

test('the map screen has no serious or critical accessibility violation', async ({ page }) => {
  await openApp(page);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
});

test('the app can be installed: manifest with maskable icon and theme colour', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#/);
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons as { src: string }[]) {
    const res = await request.get(icon.src);
    expect(res.headers()['content-type']).toContain('image/png');
  }
});
