import { expect, type Page } from '@playwright/test';

export const tileStatsUrl = () => `http://127.0.0.1:${process.env.E2E_TILE_PORT ?? 8182}/stats`;

export async function tileRequests(): Promise<number> {
  const res = await fetch(tileStatsUrl());
  return ((await res.json()) as { requests: number }).requests;
}

/** Waits until the service worker controls the page, so the shell is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 60_000 });
}

export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 2, name: /Winkelgebieden/ })).toBeVisible();
  await expect(page.locator('.area-item').first()).toBeVisible();
}

/** Every tile image that Leaflet shows has really loaded: none broken, none blank. */
export async function visibleTilesLoaded(page: Page): Promise<{ total: number; broken: number }> {
  return page.evaluate(() => {
    const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.leaflet-tile-container img.leaflet-tile'));
    const view = document.querySelector('.map')!.getBoundingClientRect();
    const visible = imgs.filter((img) => {
      const r = img.getBoundingClientRect();
      return r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom && img.style.opacity !== '0';
    });
    return {
      total: visible.length,
      broken: visible.filter((i) => !i.complete || i.naturalWidth === 0 || i.classList.contains('leaflet-tile-error')).length,
    };
  });
}

/** Opens the header's menu (account, sync, storage, language, theme), if it is not open yet. */
export async function openMenu(page: Page): Promise<void> {
  const button = page.locator('.menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.locator('.menu-panel')).toBeVisible();
}

export async function closeMenu(page: Page): Promise<void> {
  if ((await page.locator('.menu-button').getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
  await expect(page.locator('.menu-panel')).toBeHidden();
}

/**
 * The follow-up list beside the map: its rows are read after the map's first frame (thousands of
 * records take a while on a loaded machine), so a test waits for the table itself, not a fixed time.
 */
export async function waitForFollowupList(page: Page): Promise<void> {
  await page.getByRole('table', { name: /Lijst van bevindingen/ }).waitFor({ timeout: 120_000 });
}
