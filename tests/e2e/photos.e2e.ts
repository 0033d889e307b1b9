// Photos travel (SPEC.md R17, R18a, R18b) in real Chromium with two devices: a schouwer captures a
// finding with two photos offline, comes online and syncs; a wijkbeheerder's device, which never had
// the photos, shows a worded placeholder while offline, then fetches and shows the thumbnails, opens
// the viewer (swipe, Esc, back), and prints the report with the thumbnails in it.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { loginWithRoles } from './authHelpers';
import { closeMenu, openApp, openMenu, waitForFollowupList, waitForServiceWorker } from './helpers';
import { chooseCategory, exifPhoto, expectListed, pointInside, readStored } from './schouwHelpers';

const here = pointInside('binnenstad');

async function synced(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(page.locator('.sync-status [role=status]')).toHaveText('Alles gesynchroniseerd', { timeout: 30_000 });
  await closeMenu(page);
}

async function decoded(img: Locator): Promise<number> {
  return img.evaluate((el) => ((el as HTMLImageElement).complete ? (el as HTMLImageElement).naturalWidth : 0));
}

async function startWalk(page: Page, context: BrowserContext): Promise<string> {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: here.lat, longitude: here.lon, accuracy: 8 });
  await openApp(page);
  await page.getByRole('link', { name: 'Schouw' }).click();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  await page.getByRole('button', { name: 'Start schouw Binnenstad' }).click();
  await expect(page).toHaveURL(/\/schouw\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

test('photos travel: captured offline on one device, shown decoded on another after sync, in the viewer and in the printed report; offline and not on the device a worded placeholder', async ({ browser }) => {
  const ctxA = await browser.newContext({ serviceWorkers: 'block' });
  const a = await ctxA.newPage();
  await loginWithRoles(a, ['schouwer'], `photo-a-${randomUUID().slice(0, 8)}@e2e.nl`);
  const inspectionId = await startWalk(a, ctxA);

  // Offline: a finding with two photos, kept on the device.
  const [one, two] = [await exifPhoto(a, 1), await exifPhoto(a, 2)];
  await ctxA.setOffline(true);
  // By keyboard: offline, the "no background map" banner may lie over the button (see the report).
  await a.getByRole('button', { name: 'Bevinding toevoegen' }).press('Enter');
  await expect(a.getByText(/Geplaatst op je GPS-locatie/)).toBeVisible();
  await chooseCategory(a, 'Overlast', 'Graffiti en vernieling');
  await a.locator('.capture-form input[type=file]').setInputFiles([
    { name: 'IMG_1.jpg', mimeType: 'image/jpeg', buffer: one },
    { name: 'IMG_2.jpg', mimeType: 'image/jpeg', buffer: two },
  ]);
  await expect(a.locator('.capture-form .photo-thumb')).toHaveCount(2);
  await a.getByRole('button', { name: 'Opslaan' }).press('Enter');
  await expectListed(a, 1);
  const stored = (await readStored(a)).findings[0]!;
  expect(stored.photoHashes).toHaveLength(2);

  // Online again: the photos go up with the finding.
  await ctxA.setOffline(false);
  await synced(a);
  for (const h of stored.photoHashes) expect((await a.request.head(`/api/photos/${h}`)).status()).toBe(200);

  // The wijkbeheerder's device syncs the finding, but not the photo bytes.
  const ctxB = await browser.newContext();
  const b = await ctxB.newPage();
  await loginWithRoles(b, ['wijkbeheerder'], `photo-b-${randomUUID().slice(0, 8)}@e2e.nl`);
  await openApp(b);
  // The follow-up screen is a lazy chunk: offline it comes from the worker's precache, so wait for control.
  await waitForServiceWorker(b);
  await synced(b);
  expect((await readStored(b)).photos).toHaveLength(0);

  // Offline, the list says in words that the photo is not here.
  await ctxB.setOffline(true);
  await b.getByRole('link', { name: 'Opvolging' }).click();
  await waitForFollowupList(b);
  const listThumb = b.locator(`.fu-item [data-hash="${stored.photoHashes[0]}"]`);
  await expect(listThumb).toHaveText('Foto niet op dit apparaat — verbind om te laden');
  await b.screenshot({ path: test.info().outputPath('offline-list.png') });

  // Online: the same thumbnail is fetched and decoded, without a reload.
  await ctxB.setOffline(false);
  await expect(b.locator(`.fu-item img[data-hash="${stored.photoHashes[0]}"]`)).toBeVisible();
  expect(await decoded(b.locator(`.fu-item img[data-hash="${stored.photoHashes[0]}"]`))).toBeGreaterThan(0);

  // The finding page shows both thumbnails, decoded, not placeholders.
  await b.goto(`/opvolging/${stored.id}`);
  const thumbs = b.locator('.fu-photos img.fu-thumb');
  await expect(thumbs).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    await expect.poll(() => decoded(thumbs.nth(i))).toBeGreaterThan(0);
    expect(await decoded(thumbs.nth(i))).toBeLessThanOrEqual(320);
  }
  await expect(b.locator('.fu-photos .photo-placeholder')).toHaveCount(0);

  // The viewer: opens on the first photo at the view size, swipes to the second, closes with Esc.
  const pageUrl = b.url();
  await b.getByRole('button', { name: 'Foto 1 van 2 groot bekijken' }).click();
  const viewer = b.getByRole('dialog', { name: 'Foto 1 van 2' });
  await expect(viewer).toBeVisible();
  await expect(b.getByRole('button', { name: 'Sluiten' })).toBeFocused();
  const big = viewer.locator('img[data-size="view"]');
  await expect.poll(() => decoded(big)).toBeGreaterThan(320);
  const axe = await new AxeBuilder({ page: b }).include('.pv').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  for (const name of ['Sluiten', 'Inzoomen', 'Volgende foto']) {
    const box = (await b.getByRole('button', { name }).boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  }
  const stage = (await b.getByTestId('photo-stage').boundingBox())!;
  await b.mouse.move(stage.x + stage.width * 0.8, stage.y + stage.height / 2);
  await b.mouse.down();
  await b.mouse.move(stage.x + stage.width * 0.5, stage.y + stage.height / 2, { steps: 6 });
  await b.mouse.move(stage.x + stage.width * 0.2, stage.y + stage.height / 2, { steps: 6 });
  await b.mouse.up();
  await expect(b.getByRole('dialog', { name: 'Foto 2 van 2' })).toBeVisible();
  await expect.poll(() => decoded(b.locator('.pv img[data-size="view"]'))).toBeGreaterThan(320);
  await b.screenshot({ path: test.info().outputPath('viewer.png') });
  const fit = b.getByRole('button', { name: 'Passend maken' });
  await b.getByRole('button', { name: 'Inzoomen' }).click();
  await expect(fit).toBeEnabled();
  await fit.click();
  await expect(fit).toBeDisabled();
  // The wheel zooms (desktop)...
  await b.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
  await b.mouse.wheel(0, -400);
  await expect(fit).toBeEnabled();
  await fit.click();
  // ...and two fingers moving apart pinch-zoom (touch pointers, as a phone sends them).
  await b.getByTestId('photo-stage').evaluate((el, box) => {
    const y = box.y + box.height / 2;
    const send = (type: string, pointerId: number, x: number) =>
      el.dispatchEvent(new PointerEvent(type, { pointerId, pointerType: 'touch', clientX: x, clientY: y, bubbles: true, isPrimary: pointerId === 1 }));
    const mid = box.x + box.width / 2;
    send('pointerdown', 1, mid - 40);
    send('pointerdown', 2, mid + 40);
    for (let d = 40; d <= 160; d += 20) {
      send('pointermove', 1, mid - d);
      send('pointermove', 2, mid + d);
    }
    send('pointerup', 1, mid - 160);
    send('pointerup', 2, mid + 160);
  }, stage);
  await expect(fit).toBeEnabled();
  expect(await b.locator('.pv img[data-size="view"]').evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(4, /); // fingers from 80 to 320 px apart
  await b.keyboard.press('Escape');
  await expect(b.getByRole('dialog')).toHaveCount(0);
  expect(b.url()).toBe(pageUrl);
  await expect(b.getByRole('button', { name: 'Foto 1 van 2 groot bekijken' })).toBeFocused();

  // The browser's back button closes it too, and stays on the finding's page.
  await b.getByRole('button', { name: 'Foto 2 van 2 groot bekijken' }).click();
  await expect(b.getByRole('dialog', { name: 'Foto 2 van 2' })).toBeVisible();
  await b.goBack();
  await expect(b.getByRole('dialog')).toHaveCount(0);
  expect(b.url()).toBe(pageUrl);

  // The printed report holds the thumbnails, decoded.
  await b.goto(`/opvolging/rapport/${inspectionId}`);
  await b.emulateMedia({ media: 'print' });
  const printed = b.locator('.report-finding img.fu-thumb');
  await expect(printed).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect.poll(() => decoded(printed.nth(i))).toBeGreaterThan(0);
  await expect(printed.first()).toBeVisible();
  await b.screenshot({ path: test.info().outputPath('report-print.png'), fullPage: true });
  await b.emulateMedia({ media: 'screen' });

  // The ZIP: the CSV, the GeoJSON and both photos named by finding number.
  const download = b.waitForEvent('download');
  await b.getByRole('button', { name: "ZIP met CSV, GeoJSON en foto's downloaden" }).click();
  const zipPath = await (await download).path();
  const { unzipSync } = await import('fflate');
  const fs = await import('node:fs');
  const names = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(zipPath)))).sort();
  expect(names.filter((n) => n.startsWith("foto's/"))).toEqual(["foto's/1-1.jpg", "foto's/1-2.jpg"]);
  expect(names.some((n) => n.endsWith('.csv'))).toBe(true);
  expect(names.some((n) => n.endsWith('.geojson'))).toBe(true);

  await ctxA.close();
  await ctxB.close();
});
