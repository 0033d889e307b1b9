import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';

const fixture = path.resolve('tests/e2e/fixtures/shops-import.csv');
const shotDir = path.resolve('test-results/shops');

/** Shops stored on the device, read straight from IndexedDB (not through the app). */
async function storedShops(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('schouwkaart');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('shops')) return resolve(0);
          const req = db.transaction('shops').objectStore('shops').count();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
        };
      }),
  );
}

async function seriousA11y(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('.leaflet-container').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('import shops with a preview, see participation per area, answer and freeze the certification', async ({ page }) => {
  const year = new Date().getFullYear();
  await page.goto('/winkels/import');
  await expect(page.getByRole('heading', { name: 'Winkels importeren' })).toBeVisible();

  // Pick the file: a preview, nothing stored yet.
  await page.getByLabel('Bestand (CSV of GeoJSON)').setInputFiles(fixture);
  await expect(page.locator('.import-summary')).toHaveText('5 goed, 4 fout');
  const bad = (row: number) => page.locator(`tr[data-row="${row}"]`);
  await expect(bad(6)).toContainText('naam: de naam ontbreekt');
  await expect(bad(8)).toContainText('naam: dubbel: dezelfde winkel als rij 2');
  await expect(bad(9)).toContainText('lengtegraad: de plek ligt buiten de gemeente');
  await expect(bad(10)).toContainText('lid: onbekende waarde "misschien"');
  for (const row of [6, 8, 9, 10]) await expect(bad(row)).toContainText('Fout');
  // Good rows say where they land: RD coordinates, the boundary and outside all areas.
  await expect(page.locator('tr[data-row="3"]')).toContainText('Boekhandel Praamstra in Binnenstad');
  await expect(page.locator('tr[data-row="4"]')).toContainText('Hoekwinkel op de grens in Binnenstad');
  await expect(page.locator('tr[data-row="7"]')).toContainText('Slagerij Buitenaf buiten de winkelgebieden');
  await page.screenshot({ path: `${shotDir}/import-preview.png`, fullPage: true });
  expect(await seriousA11y(page)).toEqual([]);
  expect(await storedShops(page)).toBe(0);

  // Cancel changes nothing; pick again and confirm.
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByText('Import geannuleerd: er is niets opgeslagen.')).toBeVisible();
  expect(await storedShops(page)).toBe(0);
  await page.getByLabel('Bestand (CSV of GeoJSON)').setInputFiles(fixture);
  await page.getByRole('button', { name: 'Importeer 5 goede rijen' }).click();
  await expect(page.getByText('5 winkels geïmporteerd.')).toBeVisible();
  expect(await storedShops(page)).toBe(5);

  // Participation: 2 of the 3 open shops in Binnenstad are members (the closed one does not count).
  await page.getByRole('link', { name: 'Deelname' }).click();
  const cell = (area: string, measure: string) => page.locator(`tr[data-area="${area}"] td[data-measure="${measure}"]`);
  await expect(cell('binnenstad', 'partnershipMember')).toHaveText('2 van 3, 67%');
  await expect(cell('binnenstad', 'whatsappGroup')).toHaveText('3 van 3, 100%');
  await expect(cell('outside', 'partnershipMember')).toHaveText('0 van 1, 0%');
  await expect(cell('municipality', 'partnershipMember')).toHaveText('2 van 4, 50%');
  await expect(cell('voorstad', 'partnershipMember')).toHaveText('—');
  await expect(page.locator('tr[data-area="voorstad"] th')).toContainText('geen open winkels');
  await expect(page.locator('.partners-map .legend')).toContainText('75–100%');
  await expect(page.locator('.partners-map .leaflet-tooltip', { hasText: 'Binnenstad' })).toHaveText('Binnenstad: 67%');
  await page.screenshot({ path: `${shotDir}/participation.png`, fullPage: true });

  // Certification of Binnenstad: answer the three yes/no questions.
  await page.getByRole('link', { name: 'Certificering per gebied' }).click();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await expect(page.locator('li[data-question="q2"]')).toContainText('2 van 3, 67%');
  await expect(page.locator('li[data-question="q2"]')).toContainText('67% = 6,7 punten');
  for (const q of ['q1', 'q3', 'q10']) await page.locator(`li[data-question="${q}"]`).getByLabel('Ja').check();
  // By hand: 10 + 6.7 + 10 + 10 (WhatsApp) + 10 (CWV) + 0 + 0 + 10 (newsletter) + 0 + 10 = 66.7 points: 6.7.
  await expect(page.locator('.score-grade')).toHaveText('Cijfer 6,7');
  await expect(page.locator('.score')).toContainText('Gecertificeerd (vanaf 6,0)');
  await expect(page.locator('.score')).toContainText('86% = 8,6 punten');
  await expect(page.locator('.score')).toContainText('kvo-w-deventer/area/2021.1');
  await expect(page.locator('.compare')).toContainText(`Vorig jaar (${year - 1})`);
  await page.screenshot({ path: `${shotDir}/certification.png`, fullPage: true });
  expect(await seriousA11y(page)).toEqual([]);

  // Freeze the year, then change a shop: the frozen score stays.
  await page.getByRole('button', { name: `Jaar ${year} vastzetten` }).click();
  await page.getByRole('group', { name: `Jaar ${year} vastzetten` }).getByRole('button', { name: `Jaar ${year} vastzetten` }).click();
  await expect(page.getByText(/Vastgezet op/)).toBeVisible();

  await page.getByRole('link', { name: 'Register' }).click();
  await page.getByRole('link', { name: /Boekhandel Praamstra/ }).click();
  await page.getByLabel('Lid samenwerkingsverband').check();
  await page.screenshot({ path: `${shotDir}/shop-form.png`, fullPage: true });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Register' })).toBeVisible();

  await page.getByRole('link', { name: 'Deelname' }).click();
  await expect(cell('binnenstad', 'partnershipMember')).toHaveText('3 van 3, 100%');
  // The grade column and the grade map keep the frozen grade.
  await expect(cell('binnenstad', 'grade')).toHaveText('6,7');
  await page.getByLabel('Kleur de kaart naar').selectOption({ label: 'Certificeringscijfer' });
  await expect(page.locator('.partners-map .leaflet-tooltip', { hasText: 'Binnenstad' })).toHaveText('Binnenstad: 6,7');
  await page.getByRole('link', { name: 'Certificering per gebied' }).click();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await expect(page.locator('.score-grade')).toHaveText('Cijfer 6,7');
  await expect(page.locator('li[data-question="q2"]')).toContainText('2 van 3, 67%');
  await expect(page.locator('li[data-question="q1"] input').first()).toBeDisabled();

  // The programme checklist: the police fill two questions; the merged list says who is missing.
  await page.getByRole('link', { name: 'Programma-checklist' }).click();
  await page.getByRole('button', { name: 'Politie' }).click();
  await page.locator('fieldset[data-question="q2"]').getByLabel('Ja').check();
  await page.locator('fieldset[data-question="q5"]').getByLabel('Aantal').fill('47');
  await page.getByRole('button', { name: 'Lijst opslaan' }).click();
  await expect(page.getByText('Lijst van Politie opgeslagen.')).toBeVisible();
  await expect(page.locator('.cert-side')).toContainText('Ontbreekt: Gemeente, Brandweer, Winkeliers');
  await expect(page.locator('.cert-side .score-grade')).toBeVisible();
  await page.screenshot({ path: `${shotDir}/programme.png`, fullPage: true });
  expect(await seriousA11y(page)).toEqual([]);

  // A new shop from the keyboard: errors are tied to their fields; coordinates place it without the map.
  await page.getByRole('link', { name: 'Register' }).click();
  await page.getByRole('link', { name: 'Winkel toevoegen' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('.error-summary')).toContainText('Vul de naam van de winkel in.');
  const name = page.getByLabel('Naam', { exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Vul de naam van de winkel in.');
  await name.fill('Fietsenmaker Wiel');
  await page.getByText('Coördinaten intypen').click();
  await page.getByLabel('Breedtegraad (bijv. 52,2515)').fill('52,2521');
  await page.getByLabel('Lengtegraad (bijv. 6,1600)').fill('6,1587');
  await page.getByRole('button', { name: 'Plaats op deze coördinaten' }).click();
  await expect(page.getByText('Ligt in: Binnenstad')).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('link', { name: /Fietsenmaker Wiel/ })).toBeVisible();
  await expect(page.getByText('6 van 6 winkels')).toBeVisible();
  await page.screenshot({ path: `${shotDir}/register.png`, fullPage: true });
  expect(await seriousA11y(page)).toEqual([]);
});
