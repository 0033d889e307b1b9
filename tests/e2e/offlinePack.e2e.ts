import { test, expect } from '@playwright/test';
import { openApp, openMenu, tileRequests, visibleTilesLoaded, waitForServiceWorker } from './helpers';
import { TILE_PACK_CACHE, TILE_RUNTIME_CACHE } from '../../src/map/tileCache';

test('an area pack downloaded from the tile server shows the area at zoom 18 offline, with no broken tile', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.locator('.area-item', { hasText: 'Deltaplein' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaplein' })).toBeVisible();

  // The plan is shown before anything is downloaded.
  const plan = page.getByText(/\d+ tegels, ongeveer [\d,]+ MB/);
  await expect(plan).toBeVisible();
  const planned = Number((await plan.textContent())!.match(/(\d+) tegels/)![1]);
  expect(planned).toBeGreaterThan(50);

  await page.getByRole('button', { name: 'Downloaden' }).click();
  await expect(page.getByText(/Offline beschikbaar/)).toBeVisible({ timeout: 90_000 });
  // Every planned tile is in the pack.
  expect(await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, TILE_PACK_CACHE)).toBe(planned);

  // Only the pack may answer now: drop the runtime tile cache, then cut the network.
  await page.evaluate((name) => caches.delete(name), TILE_RUNTIME_CACHE);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaplein' })).toBeVisible();
  // The map flies to the area first; then zoom to 18 with the map's own control.
  await expect.poll(async () => Number(await page.locator('.map').getAttribute('data-zoom'))).toBeGreaterThanOrEqual(16);
  await page.waitForTimeout(1000);
  for (let i = 0; i < 6; i++) {
    const z = Number(await page.locator('.map').getAttribute('data-zoom'));
    if (z >= 18) break;
    await page.getByRole('button', { name: /Zoom in/ }).click();
    await expect.poll(async () => Number(await page.locator('.map').getAttribute('data-zoom'))).toBe(z + 1);
  }
  await expect(page.locator('.map')).toHaveAttribute('data-zoom', '18');
  const afterOffline = await tileRequests();
  await expect.poll(async () => (await visibleTilesLoaded(page)).total).toBeGreaterThan(3);
  await expect.poll(async () => (await visibleTilesLoaded(page)).broken).toBe(0);
  expect(await tileRequests()).toBe(afterOffline);
  await context.setOffline(false);

  // The pack can be deleted.
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByText('Dit gebied is nog niet offline beschikbaar.')).toBeVisible();
});

test('a full device can be freed from the storage screen by deleting a pack, and nothing else', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.locator('.area-item', { hasText: 'Vijfhoek' }).click();
  await page.getByLabel('Vanaf zoomniveau').selectOption('17');
  await page.getByRole('button', { name: 'Downloaden' }).click();
  await expect(page.getByText(/Offline beschikbaar/)).toBeVisible({ timeout: 90_000 });
  const packTiles = () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, TILE_PACK_CACHE);
  expect(await packTiles()).toBeGreaterThan(0);

  // The storage figure in the header leads to the storage screen.
  await openMenu(page);
  await page.locator('header a.storage').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Opslag op dit apparaat' })).toBeVisible();
  await page.getByRole('button', { name: 'Verwijder pakket Vijfhoek' }).click();
  await expect(page.getByText('Er staan geen offline kaartpakketten op dit apparaat.')).toBeVisible();
  expect(await packTiles()).toBe(0);
});
