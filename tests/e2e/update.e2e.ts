import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, waitForServiceWorker } from './helpers';

const swPath = path.resolve('dist/sw.js');

test('a waiting new version shows the prompt and never reloads by itself', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  const original = fs.readFileSync(swPath, 'utf8');
  try {
    // A new deploy: the service worker's bytes change.
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
  }
});

test('an old shell that meets a missing chunk reloads cleanly instead of a blank page', async ({ page }) => {
  await openApp(page);
  // Simulate a deploy that removed a chunk the old shell still refers to.
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate(() => {
      sessionStorage.removeItem('schouwkaart.chunkReload');
      (window as unknown as { __marker: number }).__marker = 7;
      // Dispatched after this call returns: the page reloads, which ends this script's context.
      setTimeout(() => window.dispatchEvent(new Event('vite:preloadError', { cancelable: true })), 50);
    }),
  ]);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
  await expect(page.locator('.area-item').first()).toBeVisible();
});
