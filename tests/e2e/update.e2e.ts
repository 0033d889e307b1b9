import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, waitForServiceWorker } from './helpers';

const swPath = path.resolve('dist/sw.js');

test('a waiting new version shows the prompt and never reloads by itself', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  const original = fs.readFileSync(swPath, 'utf8');
  // The build's precompressed copies would still serve the old bytes; a deploy writes new ones, here none.
  const compressed = ['.br', '.gz'].map((ext) => `${swPath}${ext}`).filter((f) => fs.existsSync(f)).map((f) => ({ f, bytes: fs.readFileSync(f) }));
  try {
    // A new deploy: the service worker's bytes change.
    for (const { f } of compressed) fs.rmSync(f);
    fs.writeFileSync(swPath, `${original}\n// new version ${Date.now()}\n`);
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 42;
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('Er is een nieuwe versie van Schouwkaart.')).toBeVisible({ timeout: 30_000 });
    // Still the same page: nothing reloaded it.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
    // The person chooses to reload: the new worker takes over and the page reloads once.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Nu herladen' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
    await expect(page.locator('.area-item').first()).toBeVisible();
  } finally {
    fs.writeFileSync(swPath, original);
    for (const { f, bytes } of compressed) fs.writeFileSync(f, bytes);
  }
});

test.describe('without a service worker', () => {
  // An old shell with no worker to serve its precached chunks: the deploy removed them from the server.
  test.use({ serviceWorkers: 'block' });

  test('an old shell that meets a missing chunk reloads cleanly instead of a blank page', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 7;
    });
    await page.route(/\/assets\/SchouwScreen-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Schouw' }).click()]);
    // A fresh page, not a blank one: the shell is back, and since the chunk is still missing it says so
    // (once, no reload loop) with a way out.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
    await expect(page.getByRole('link', { name: 'Kaart' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Dit scherm kon niet worden geladen' })).toBeVisible();
    // Once the server has the chunk again, reloading opens the screen.
    await page.unroute(/\/assets\/SchouwScreen-[^/]+\.js$/);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Opnieuw laden' }).click()]);
    await expect(page.getByRole('heading', { name: 'Dit scherm kon niet worden geladen' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Schouw', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  });
});
