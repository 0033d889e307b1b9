// `npm run screenshots`: the main screens at both tablet sizes, as PNGs in screenshots/ (git-ignored),
// so anyone can look at them. Runs against the built app, the real server and the local tile server.
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { openApp, openMenu, closeMenu, waitForFollowupList } from './helpers';
import { csrf, loginAsCoordinator } from './authHelpers';
import { captureAtGps, startWalk, tablets } from './tabletHelpers';
import { chooseCategory } from './schouwHelpers';

const dir = path.resolve(process.env.SCREENSHOT_DIR ?? 'screenshots');
const shot = (page: Page, name: string, size: string) => page.screenshot({ path: path.join(dir, `${size}-${name}.png`) });

for (const size of tablets) {
  test(`screens at ${size.name} ${size.width}×${size.height}`, async ({ page, context, browser, baseURL }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    await page.waitForTimeout(800);
    await shot(page, '01-map', size.name);
    await openMenu(page);
    await shot(page, '02-menu', size.name);
    await page.getByLabel(/Hoog contrast/).check();
    await closeMenu(page);
    await shot(page, '03-map-contrast', size.name);
    await openMenu(page);
    await page.getByLabel(/Hoog contrast/).uncheck();
    await closeMenu(page);
    await page.locator('.area-item').first().click();
    await page.waitForTimeout(800);
    await shot(page, '04-area', size.name);

    await startWalk(page, context);
    await captureAtGps(page, 'Sociale veiligheid', 'Verlichting', 'Lamp kapot in de steeg');
    await captureAtGps(page, 'Overlast', 'Zwerfafval en netheid', 'Afval naast de container');
    await page.waitForTimeout(500);
    await shot(page, '05-walk', size.name);
    await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
    await expect(page.getByText(/Geplaatst op je GPS-locatie/)).toBeVisible();
    await chooseCategory(page, 'Overlast', 'Graffiti en vernieling');
    await shot(page, '06-capture', size.name);
    await page.getByLabel(/Korte omschrijving/).focus();
    await shot(page, '07-capture-typing', size.name);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.locator('.finding-item').first().click();
    await shot(page, '08-finding', size.name);

    await page.goto('/opvolging');
    await waitForFollowupList(page);
    await page.waitForTimeout(800);
    await shot(page, '09-followup', size.name);
    // The partners' page as a visitor sees it once the coordinator has made it public (in another
    // context, so this device stays without an account).
    const coordinator = await browser.newContext({ baseURL });
    await loginAsCoordinator(coordinator.request);
    expect((await coordinator.request.patch('/api/settings', { headers: csrf, data: { partnersPublic: true } })).ok()).toBe(true);
    await coordinator.close();
    await page.goto('/partners');
    await expect(page.getByRole('table', { name: /Winkelgebieden in \d{4}/ })).toBeVisible();
    await page.waitForTimeout(800);
    await shot(page, '10-partners', size.name);
    await page.goto('/gebieden/bewerken');
    await expect(page.locator('.editor-area-list a.area-item').first()).toBeVisible();
    await page.waitForTimeout(800);
    await shot(page, '11-area-editor', size.name);
    await page.locator('.editor-area-list a.area-item', { hasText: 'Voorstad' }).click();
    await expect(page.locator('.leaflet-marker-icon.marker-icon').first()).toBeVisible();
    await page.waitForTimeout(500);
    await shot(page, '12-area-editor-voorstad', size.name);
  });
}
