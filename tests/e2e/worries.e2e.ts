// Issue 16 (worries, public page, certificate): a shopkeeper pins a worry on a phone without an
// account, the coordinator accepts it, the walk shows it and turns it into a finding; the public page
// shows counts per theme and no free text; the certificate (A4) and window sticker (A6) print to PDF
// and their text (pdftotext) holds the area, the year and the validity.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { csrf, loginAsCoordinator } from './authHelpers';
import { closeMenu, openApp, openMenu } from './helpers';
import { exifPhoto, pointInside } from './schouwHelpers';
import { seriousViolations } from './axeHelpers';

const AREA = { id: 'keizerslanden', name: 'Keizerslanden' };
const here = pointInside(AREA.id);
const WORRY = `Donkere steeg achter de bakker ${randomUUID().slice(0, 6)}`;
const year = new Date().getFullYear();

/** Starts a sync run from the menu; callers wait for its effect (the run's overall status also
 * depends on the owners' lists of other municipalities, which are not this test's concern). */
async function syncNow(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await closeMenu(page);
}

function pdfText(pdf: Buffer, name: string): string {
  const file = test.info().outputPath(`${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('a shopkeeper pins a worry on a phone, the coordinator accepts it, the walk turns it into a finding; the public page counts it without its text', async ({ page, browser, baseURL, context }) => {
  // Phone, moderation, walk and public page in one story: several screens, so more than one test's time.
  test.slow();
  // The coordinator makes the area's public link on the worries screen.
  await loginAsCoordinator(page.request);
  await page.request.put('/api/public-pages?municipality=deventer', { headers: csrf, data: { public: false } });
  await openApp(page);
  await page.goto('/beheer/meldingen');
  const row = page.locator(`li.worry-link[data-area="${AREA.id}"]`);
  await row.getByRole('button', { name: 'Nieuwe link' }).click();
  const link = row.locator('a.worry-link-url');
  await expect(link).toHaveText(/\/melding#[A-Za-z0-9_-]{20,}$/);
  await expect(row.getByRole('img', { name: `QR-code van de link voor ${AREA.name}` })).toBeVisible();
  const url = (await link.textContent())!;

  // A shopkeeper opens it on a phone, without an account.
  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const shop = await phone.newPage();
  await shop.goto(url);
  await expect(shop.getByRole('heading', { name: `Melding voor de schouw van ${AREA.name}` })).toBeVisible();
  const map = shop.locator('.worry-map .map');
  await expect(map.locator('path').first()).toBeVisible();
  const box = (await map.boundingBox())!;
  await expect(shop.getByRole('button', { name: 'Melding versturen' })).toBeDisabled();
  await map.tap({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(shop.getByText('Punt gezet.')).toBeVisible();
  await shop.getByLabel('Wat is het?').selectOption({ label: 'Verlichting' });
  await shop.getByLabel('Omschrijving (één regel)').fill(WORRY);
  await shop.getByLabel('Foto (niet verplicht)').setInputFiles({ name: 'steeg.jpg', mimeType: 'image/jpeg', buffer: await exifPhoto(shop, 3) });
  await expect(shop.getByText('Foto toegevoegd (verkleind, zonder locatiegegevens).')).toBeVisible();
  await shop.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(shop.getByRole('status')).toHaveText(/Dank u wel. Uw melding is ontvangen./);
  // An unknown link is a clear page, and nothing can be sent with it.
  await shop.goto('/melding#onbekend-onbekend-onbekend');
  await expect(shop.getByRole('alert')).toHaveText(/Deze link werkt niet \(meer\)/);

  // The coordinator accepts it.
  await page.reload();
  const item = page.locator('li.worry-item').filter({ hasText: WORRY });
  await expect(item).toContainText('Verlichting');
  await expect(item.getByRole('img', { name: 'Foto bij de melding' })).toBeVisible();
  await item.getByRole('button', { name: 'Accepteren' }).click();
  await expect(page.locator('li.worry-item').filter({ hasText: WORRY }).getByRole('button', { name: 'Accepteren' })).toHaveCount(0);

  // On the walk the worry is its own layer; the coordinator confirms it as a finding.
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: here.lat, longitude: here.lon, accuracy: 8 });
  await openApp(page);
  await syncNow(page);
  await expect.poll(() => page.evaluate(async () => {
    const open = indexedDB.open('schouwkaart');
    const db = await new Promise<IDBDatabase>((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    const rows = await new Promise<unknown[]>((resolve) => { const r = db.transaction('worries').objectStore('worries').getAll(); r.onsuccess = () => resolve(r.result); });
    db.close();
    return rows.length;
  }), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Schouw' }).click();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: AREA.name });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  await page.getByRole('button', { name: `Start schouw ${AREA.name}` }).click();
  const layer = page.locator('section[aria-labelledby="walk-worries-title"]');
  await expect(layer.getByRole('heading', { name: 'Meldingen van ondernemers (1)' })).toBeVisible();
  await expect(page.locator('.worry-marker')).toHaveCount(1);
  const worry = layer.locator('li.worry-item').filter({ hasText: WORRY });
  // The shopkeeper's photo shows on the walk (the server's stripped copy, fetched by hash).
  await expect(worry.locator('img.worry-photo')).toBeVisible();
  await expect(worry.getByRole('img', { name: `Foto van de ondernemer bij: ${WORRY}` })).toBeVisible();
  await worry.getByRole('button', { name: 'Bevestigen als bevinding' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bevinding opgeslagen' })).toBeVisible();
  await expect(page.locator('.worry-marker')).toHaveCount(0);
  await expect(page.getByText(WORRY).first()).toBeVisible();
  await syncNow(page);
  type Pulled = { records: { table: string; data: { text?: string; status?: string; findingId?: string; description?: string; photoHash?: string; photoHashes?: string[]; id: string } }[] };
  const serverRecords = async () => ((await (await page.request.get('/api/sync/pull?since=0')).json()) as Pulled).records;
  await expect.poll(async () => (await serverRecords()).find((r) => r.table === 'worries' && r.data.text === WORRY)?.data.status, { timeout: 30_000 }).toBe('confirmed');
  const records = await serverRecords();
  const stored = records.find((r) => r.table === 'worries' && r.data.text === WORRY)!;
  const finding = records.find((r) => r.table === 'findings' && r.data.id === stored.data.findingId)!;
  expect(finding.data.description).toBe(WORRY);
  // The photo stays: it is the finding's photo now.
  expect(stored.data.photoHash).toMatch(/^[0-9a-f]{64}$/);
  expect(finding.data.photoHashes).toEqual([stored.data.photoHash]);

  // The public page: hidden until the coordinator makes it public, then counts per theme, no text.
  const visitor = await browser.newContext({ baseURL, locale: 'nl-NL' });
  const v = await visitor.newPage();
  await v.goto(`/openbaar/deventer/${AREA.id}`);
  await expect(v.getByRole('alert')).toHaveText('Deze pagina is (nog) niet openbaar.', { timeout: 30_000 });
  await page.goto('/beheer/meldingen');
  await page.getByLabel('Openbare pagina’s zichtbaar voor iedereen').check();
  await expect(page.getByLabel('Openbare pagina’s zichtbaar voor iedereen')).toBeChecked();
  await expect.poll(async () => ((await (await page.request.get('/api/public-pages?municipality=deventer')).json()) as { public: boolean }).public).toBe(true);
  await v.reload();
  await expect(v.getByRole('heading', { name: `Veilig ondernemen in ${AREA.name}` })).toBeVisible({ timeout: 30_000 });
  const themes = v.getByTestId('public-themes');
  await expect(themes.getByRole('row', { name: /Sociale veiligheid \d+ \d+/ })).toBeVisible();
  const seen = Number((await themes.getByRole('row', { name: /Sociale veiligheid/ }).getByRole('cell').first().textContent()) ?? '0');
  expect(seen).toBeGreaterThanOrEqual(1);
  await expect(v.getByRole('img', { name: 'QR-code naar deze pagina' })).toBeVisible();
  const html = await v.content();
  expect(html).not.toContain(WORRY);
  expect(html).not.toContain(String(here.lon).slice(0, 8));
  expect(await v.locator('img').evaluateAll((imgs) => imgs.filter((i) => !(i as HTMLImageElement).src.startsWith('data:image/svg+xml')).length)).toBe(0);
  await v.goto('/openbaar/deventer');
  await expect(v.getByRole('heading', { name: /Veilig ondernemen in de winkelgebieden van Deventer/ })).toBeVisible({ timeout: 30_000 });
  await expect(v.getByRole('rowheader', { name: AREA.name })).toBeVisible();
  await visitor.close();
  await phone.close();
  await page.request.put('/api/public-pages?municipality=deventer', { headers: csrf, data: { public: false } });
});

test('the certificate (A4) and the window sticker (A6) of a certified area print to PDF with the area, year and validity', async ({ page }) => {
  await loginAsCoordinator(page.request);
  // A frozen, passing certification of the area for this year, as the coordinator's device pushes it.
  const record = {
    id: `deventer/${AREA.id}/${year}`,
    municipality: 'deventer',
    areaId: AREA.id,
    year,
    answers: {},
    frozen: { at: `${year}-03-14T09:00:00.000Z`, score: { grade: 7.2, certified: true }, answers: {}, participation: {}, areaIds: [AREA.id], shopIds: [] },
    updatedAt: new Date().toISOString(),
  };
  const push = await page.request.post('/api/sync/push', {
    headers: csrf,
    data: { mutations: [{ mutationId: randomUUID(), clientId: randomUUID(), seq: 1, table: 'certifications', recordId: record.id, baseRevision: null, changes: record, events: [] }] },
  });
  expect(((await push.json()) as { results: { status: string }[] }).results[0]!.status).toBe('accepted');

  await page.goto('/beheer/meldingen');
  await page.getByRole('link', { name: 'Certificaat (A4)' }).first().waitFor();
  await page.goto(`/certificaat/deventer/${AREA.id}/${year}`);
  await expect(page.getByRole('heading', { name: 'Certificaat' })).toBeVisible();
  await expect(page.locator('.sheet-qr img.qr')).toBeVisible();
  expect(await seriousViolations(page), 'axe on the certificate').toEqual([]);
  await page.emulateMedia({ media: 'print' });
  const certificate = pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }), 'certificaat');
  expect(certificate).toContain(AREA.name);
  expect(certificate).toContain(String(year));
  expect(certificate.replace(/\s+/g, ' ')).toContain(`Geldig van 14 maart ${year} tot en met 13 maart ${year + 3}`);
  expect(certificate).not.toContain('Afdrukken');

  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/raamsticker/deventer/${AREA.id}/${year}`);
  await expect(page.locator('.sticker-qr img.qr')).toBeVisible();
  expect(await seriousViolations(page), 'axe on the window sticker').toEqual([]);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const sticker = pdfText(pdf, 'raamsticker');
  expect(sticker).toContain(AREA.name);
  expect(sticker).toContain(String(year));
  expect(sticker.replace(/\s+/g, ' ')).toContain(`Geldig van 14 maart ${year} tot en met 13 maart ${year + 3}`);
  // A6 is 105 × 148 mm: 298 × 420 points.
  const info = execFileSync('pdfinfo', [test.info().outputPath('raamsticker.pdf')], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+29[78](\.\d+)? x 419|Page size:\s+29[78](\.\d+)? x 42[01]/);
  expect(info).toMatch(/Pages:\s+1\b/);

  // A year without a certificate says so.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/certificaat/deventer/${AREA.id}/${year - 5}`);
  await expect(page.getByRole('alert')).toHaveText(/Voor dit gebied en jaar is er geen certificaat/);
});
