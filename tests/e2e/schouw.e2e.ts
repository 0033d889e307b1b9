import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hasExif } from '../../src/features/schouw/photos/jpegSegments';
import { openApp, waitForServiceWorker } from './helpers';
import { chooseCategory, exifPhoto, expectListed, pointInside, readStored, tapNearGps } from './schouwHelpers';

const here = pointInside('binnenstad');

async function startWalkOffline(page: Page, context: import('@playwright/test').BrowserContext) {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: here.lat, longitude: here.lon, accuracy: 8 });
  await openApp(page);
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Schouw' }).click();
  await expect(page.getByRole('heading', { name: /Schouwen in \d{4}/ })).toBeVisible();
  // From here on there is no network: planning, walking and capturing all happen on the device.
  await context.setOffline(true);
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  await expect(page.getByText('De schouw is gepland.')).toBeVisible();
  await page.getByRole('button', { name: 'Start schouw Binnenstad' }).click();
  await expect(page).toHaveURL(/\/schouw\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /Schouw Binnenstad/ })).toBeVisible();
}

test('a walk offline: three findings by GPS, tap and drag, with photos stripped of EXIF, survive a reload; a full disk loses nothing', async ({ page, context }) => {
  await startWalkOffline(page, context);
  const photo1 = await exifPhoto(page, 1);
  const photo2 = await exifPhoto(page, 2);
  expect(hasExif(photo1) && hasExif(photo2)).toBe(true);

  // 1. Dropped at the GPS position (accuracy 8 m), with a photo.
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByText(/Geplaatst op je GPS-locatie \(± 8 m\)/)).toBeVisible();
  await expect(page.locator('.capture-pin')).toBeVisible();
  await expect(page.locator('.place-line')).toContainText('Binnenstad');
  await chooseCategory(page, 'Sociale veiligheid', 'Verlichting');
  await page.getByRole('radio', { name: 'Hoog' }).check();
  await page.getByLabel('Korte omschrijving (optioneel)').fill('Lamp kapot in steeg');
  await page.locator('.capture-form input[type=file]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo1 });
  await expect(page.locator('.capture-form .photo-thumb')).toHaveCount(1);
  await expect(page.getByText(/Let op gezichten en kentekens/)).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Bevinding opgeslagen op dit apparaat.')).toBeVisible();
  await expectListed(page, 1);

  // 2. GPS too inaccurate: the app says so and asks for a tap; placed by a tap, with a photo.
  await context.setGeolocation({ latitude: here.lat, longitude: here.lon, accuracy: 60 });
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'GPS is onnauwkeurig (± 60 m). Tik op de kaart' })).toBeVisible();
  await expect(page.locator('.capture-pin')).toHaveCount(0);
  await tapNearGps(page, 40, 0);
  await expect(page.locator('.capture-pin')).toBeVisible();
  await expect(page.locator('.place-line')).toContainText('Binnenstad');
  await chooseCategory(page, 'Overlast', 'Graffiti en vernieling');
  await page.locator('.capture-form input[type=file]').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: photo2 });
  await expect(page.locator('.capture-form .photo-thumb')).toHaveCount(1);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expectListed(page, 2);

  // 3. Tapped, then dragged; a file that is not an image is refused and the finding kept without it.
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByText(/GPS is onnauwkeurig/)).toBeVisible();
  await tapNearGps(page, -40, 20);
  const pin = page.locator('.capture-pin');
  const before = (await pin.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + 14);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 - 15, before.y + 24, { steps: 8 });
  await page.mouse.move(before.x + before.width / 2 - 30, before.y + 34, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByText('Plek gekozen. Sleep de speld om te verbeteren.')).toBeVisible();
  const after = (await pin.boundingBox())!;
  expect(Math.round(before.x - after.x)).toBe(30);
  await chooseCategory(page, 'Brandveiligheid', 'Vluchtwegen');
  await page.locator('.capture-form input[type=file]').setInputFiles({ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('geen foto') });
  await expect(page.getByRole('alert').filter({ hasText: '“notities.txt” is geen foto' })).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expectListed(page, 3);

  // Reload offline: all three are there, with their categories, areas and photos.
  await page.reload();
  await expectListed(page, 3);
  const list = page.locator('section[aria-labelledby="walk-findings-title"]');
  for (const category of ['Verlichting', 'Graffiti en vernieling', 'Vluchtwegen']) await expect(list.getByText(category)).toBeVisible();
  await expect(list.locator('.finding-area', { hasText: 'Binnenstad' })).toHaveCount(3);
  await expect(list.getByText('1 foto', { exact: false })).toHaveCount(2);
  await list.getByRole('button', { name: /Verlichting/ }).click();
  const thumb = page.locator('.finding-detail .photo-thumb');
  await expect(thumb).toHaveCount(1);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2048);
  await page.getByRole('button', { name: 'Terug naar de schouw' }).click();

  const stored = await readStored(page);
  expect(stored.findings).toHaveLength(3);
  expect(stored.findings.map((f) => f.areaId)).toEqual(['binnenstad', 'binnenstad', 'binnenstad']);
  expect(stored.findings.map((f) => f.categoryCode).sort()).toEqual(['escape_routes', 'graffiti_vandalism', 'lighting']);
  expect(stored.findings.map((f) => f.photoHashes.length).sort()).toEqual([0, 1, 1]);
  expect(new Set(stored.findings.map((f) => f.point.coordinates.join(','))).size).toBe(3);
  expect(stored.photos).toHaveLength(2);
  for (const p of stored.photos) {
    const bytes = new Uint8Array(Buffer.from(p.base64, 'base64'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(hasExif(bytes)).toBe(false);
    expect(Buffer.from(bytes).includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect([p.width, p.height, p.type]).toEqual([2048, 1365, 'image/jpeg']);
  }
  expect(stored.outbox).toBe(5); // plan, start, and the three findings: one entry per write
  await checkQuota(page);
});

/** The disk is full (simulated where the app meets IndexedDB): a clear message, nothing saved is lost. */
async function checkQuota(page: Page) {
  const before = await readStored(page);
  await page.evaluate(() => {
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = quota;
    IDBObjectStore.prototype.put = quota;
  });
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await tapNearGps(page, 0, 40);
  await chooseCategory(page, 'Milieu', 'Afval');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Het apparaat is vol \(.+ van .+ gebruikt\)/ })).toBeVisible();
  // The form is still open with what was entered, and the list still holds the three.
  await expect(page.getByRole('radio', { name: 'Afval' })).toBeChecked();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expectListed(page, 3);
  await page.reload();
  await expectListed(page, 3);
  const after = await readStored(page);
  expect(after.findings.map((f) => f.id).sort()).toEqual(before.findings.map((f) => f.id).sort());
  expect([after.outbox, after.events, after.photos.length]).toEqual([before.outbox, before.events, before.photos.length]);
}

test('the walk screen has no serious or critical accessibility violation, and reads at tablet size', async ({ page, context }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await startWalkOffline(page, context);
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByText(/Geplaatst op je GPS-locatie/)).toBeVisible();
  await chooseCategory(page, 'Sociale veiligheid', 'Verlichting');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expectListed(page, 1);
  await page.screenshot({ path: test.info().outputPath('walk-list.png') });
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await chooseCategory(page, 'Overlast', 'Zwerfafval en netheid');
  await page.screenshot({ path: test.info().outputPath('walk-capture.png') });
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('ending a walk summarises it by theme; on the next walk its open finding is seen fixed and becomes verified', async ({ page, context }) => {
  await startWalkOffline(page, context);
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByText(/Geplaatst op je GPS-locatie/)).toBeVisible();
  await chooseCategory(page, 'Sociale veiligheid', 'Verlichting');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expectListed(page, 1);
  // Ending asks first, with the summary; "not yet" goes back to the walk.
  await page.getByRole('button', { name: 'Schouw afronden' }).click();
  await expect(page.getByRole('heading', { name: 'Schouw afronden?' })).toBeVisible();
  await expect(page.getByText('1 bevinding.')).toBeVisible();
  await page.getByRole('button', { name: 'Nog niet, verder schouwen' }).click();
  await expectListed(page, 1);
  await page.getByRole('button', { name: 'Schouw afronden' }).click();
  await page.getByRole('button', { name: 'Ja, schouw afronden' }).click();
  await expect(page.getByRole('heading', { name: /Samenvatting|Schouw Binnenstad/ }).first()).toBeVisible();
  await expect(page.getByText('1 bevinding.')).toBeVisible();

  // Who walked can be corrected afterwards.
  await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
  await page.getByRole('textbox', { name: 'Naam (optioneel)' }).last().fill('Winkelier Brink 3');
  await page.getByRole('textbox', { name: 'Notities' }).fill('Verlichting steeg gemeld');
  await page.getByRole('button', { name: 'Deelnemers en notities opslaan' }).click();
  await expect(page.getByText('Deelnemers en notities opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Naam (optioneel)' }).last()).toHaveValue('Winkelier Brink 3');
  await expect(page.getByRole('textbox', { name: 'Notities' })).toHaveValue('Verlichting steeg gemeld');
  await page.screenshot({ path: test.info().outputPath('summary.png') });
  await expect(page.getByRole('row', { name: /Sociale veiligheid 1 0 1 0 Verlichting \(1\)/ })).toBeVisible();

  // The next walk in the same area lists it under the earlier findings.
  await page.getByRole('link', { name: /Alle schouwen/ }).click();
  await expect(page.locator('tr[data-area="binnenstad"]')).toContainText('Geschouwd');
  await page.screenshot({ path: test.info().outputPath('home.png'), fullPage: true });
  await page.locator('#plan-area').selectOption({ label: 'Binnenstad' });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  await page.getByRole('button', { name: 'Start schouw Binnenstad' }).click();
  const earlier = page.locator('section[aria-labelledby="previous-title"]');
  await expect(earlier.locator('.previous-item')).toHaveCount(1);
  await earlier.getByRole('button', { name: 'Opgelost' }).click();
  await expect(earlier.getByText('Vastgelegd: opgelost en gecontroleerd.')).toBeVisible();
  await expect(earlier.locator('.finding-meta')).toContainText('Gecontroleerd');
  await earlier.getByRole('button', { name: /Verlichting/ }).click();
  await page.screenshot({ path: test.info().outputPath('detail.png') });
  await expect(page.locator('.history li')).toHaveText([/aangemaakt/, /status gewijzigd → Opgelost: Schouw .*: opgelost gezien/, /status gewijzigd → Gecontroleerd: Schouw .*: opgelost gezien/]);
});

test('during the walk a finding can be moved, given a photo, edited and removed, each an event in its history', async ({ page, context }) => {
  await startWalkOffline(page, context);
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByText(/Geplaatst op je GPS-locatie/)).toBeVisible();
  await chooseCategory(page, 'Verkeersveiligheid', 'Paaltjes');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expectListed(page, 1);
  const firstPoint = (await readStored(page)).findings[0]!.point.coordinates;

  await page.getByRole('button', { name: /Paaltjes/ }).click();
  await page.getByRole('button', { name: 'Verplaatsen' }).click();
  const pin = (await page.locator('.capture-pin').boundingBox())!;
  await page.mouse.click(pin.x + pin.width / 2 + 50, pin.y + pin.height);
  await page.getByRole('button', { name: 'Plek opslaan' }).click();
  await expect(page.getByText('Verplaatst.')).toBeVisible();

  await page.locator('.finding-detail input[type=file]').setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: await exifPhoto(page, 3) });
  await expect(page.locator('.finding-detail .photo-thumb')).toHaveCount(1);

  await page.getByText('Wijzigen', { exact: true }).click();
  await page.getByRole('radio', { name: 'Hoog' }).check();
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.locator('.finding-detail .finding-meta')).toContainText('Hoog');
  await expect(page.locator('.history li')).toHaveText([/aangemaakt/, /verplaatst/, /foto toegevoegd/, /ernst gewijzigd/]);

  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByText('Verwijderd.')).toBeVisible();
  await expectListed(page, 0);

  const stored = await readStored(page);
  expect(stored.findings).toHaveLength(1);
  expect(stored.findings[0]).toMatchObject({ removed: true, areaId: 'binnenstad' });
  expect(stored.findings[0]!.point.coordinates).not.toEqual(firstPoint);
  expect(stored.findings[0]!.photoHashes).toHaveLength(1);
  expect(stored.events).toBe(5);
});
