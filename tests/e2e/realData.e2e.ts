/**
 * Issue 14, real data in: a member list with only addresses is geocoded through the (local, fake) PDOK
 * Locatieserver, one unsure row is picked, the participation percentages use the geocoded shops; the BAG
 * check of the Binnenstad shows premises without a register shop and adds one; the participation table
 * shows the BAG counts with the not-a-shop decisions; the area editor proposes an outline from the premises.
 * The app server is pointed at tests/e2e/fakePdokServer.ts by playwright.config.ts (PDOK_* variables).
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { loginAsCoordinator } from './authHelpers';
import { bagId } from '../support/fakePdok';

const shotDir = path.resolve('test-results/realdata');
const memberList = [
  'naam;postcode;huisnummer;lid',
  'Bakkerij Brink;7411 BT;1;ja',
  'Slagerij Brink;7411BT;2;nee',
  'Boekhandel Brink;7411BT;3;ja',
  'Kaashandel Brink;7411BT;4;ja',
  'Mode Brink;7411BT;5;nee',
  'Bloemen Brink;7411BT;12;ja',
].join('\r\n');

test('a member list with only addresses becomes shops, the BAG check adds a missing one, the editor proposes an outline', async ({ page }) => {
  await loginAsCoordinator(page.request);
  await page.goto('/winkels/import');
  await page.getByLabel('Bestand (CSV of GeoJSON)').setInputFiles({ name: 'leden.csv', mimeType: 'text/csv', buffer: Buffer.from(memberList, 'utf8') });

  // The preview: five rows found for sure in the Binnenstad, one unsure (12A or 12B) to pick.
  await expect(page.getByText('6 rijen met alleen een adres: 5 zeker gevonden, 1 nog te kiezen')).toBeVisible();
  await expect(page.locator('[data-address-row="2"]')).toContainText('Brink 1, 7411BT Deventer');
  await expect(page.locator('[data-address-row="2"]')).toContainText('in Binnenstad');
  const unsure = page.locator('[data-address-row="7"]');
  await expect(unsure).toContainText('Onzeker');
  await expect(unsure.getByRole('radio')).toHaveCount(2);
  await page.screenshot({ path: `${shotDir}/import-addresses.png`, fullPage: true });
  await unsure.getByRole('radio', { name: /Brink 12A/ }).check();
  await page.getByRole('button', { name: 'Importeer 6 goede rijen' }).click();
  await expect(page.getByText('6 winkels geïmporteerd.')).toBeVisible();

  // Participation uses the geocoded shops: 4 of the 6 are members.
  await page.getByRole('link', { name: 'Deelname' }).click();
  const cell = (area: string, measure: string) => page.locator(`tr[data-area="${area}"] td[data-measure="${measure}"]`);
  await expect(cell('binnenstad', 'partnershipMember')).toHaveText('4 van 6, 67%');

  // The BAG check: 32 shop premises in the Binnenstad (the dwellings left out), 6 matched by BAG id.
  await page.getByRole('link', { name: 'BAG-controle' }).click();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await expect(page.locator('.bag-summary')).toContainText('BAG: 32 winkelpanden; register: 6 winkels, 6 adressen gekoppeld, 26 winkelpanden zonder winkel in het register');
  const brink11 = page.locator(`li[data-premises="${bagId('vo', 1010)}"]`);
  await expect(brink11).toContainText('Brink 11, 7411BT Deventer');
  await page.screenshot({ path: `${shotDir}/bag-check.png`, fullPage: true });
  // Mark one as not a shop, add another as a shop to be named.
  await page.locator(`li[data-premises="${bagId('vo', 1013)}"]`).getByRole('combobox').selectOption({ label: 'horeca' });
  await expect(page.locator('.bag-summary')).toContainText('25 winkelpanden zonder winkel');
  await brink11.getByRole('button', { name: 'Als winkel toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Winkel bewerken' })).toBeVisible();
  await page.getByRole('link', { name: 'BAG-controle' }).click();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await expect(page.locator('.bag-summary')).toContainText('register: 7 winkels, 7 adressen gekoppeld, 24 winkelpanden zonder winkel');
  await expect(page.locator('.bag-summary')).toContainText('1 pand is geen winkel');

  // Next to the percentage: the BAG counts, the not-a-shop premises and the denominator.
  await page.getByRole('link', { name: 'Deelname' }).click();
  await expect(cell('binnenstad', 'partnershipMember')).toHaveText('4 van 7, 57%');
  await expect(cell('binnenstad', 'bag')).toContainText('BAG: 32 winkelpanden; register: 7 winkels');
  await expect(cell('binnenstad', 'bag')).toContainText('geen winkel: 1 horeca');
  await expect(cell('binnenstad', 'bag')).toContainText('noemer: 7 open winkels');
  await page.screenshot({ path: `${shotDir}/participation-bag.png`, fullPage: true });

  // The register's "add shop" looks an address up: picking the candidate fills in the place.
  await page.goto('/winkels/nieuw');
  await page.getByLabel('Postcode', { exact: true }).fill('7411 BT');
  await page.getByLabel('Huisnummer', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Zoek adres' }).click();
  await page.getByRole('button', { name: 'Dit adres: Brink 9, 7411BT Deventer' }).click();
  await expect(page.getByText('Plek en BAG-code ingevuld: Brink 9, 7411BT Deventer.')).toBeVisible();
  await expect(page.getByText('Ligt in: Binnenstad')).toBeVisible();

  // The area panel shows the Binnenstad's premises as a layer.
  await page.goto('/gebied/binnenstad');
  await page.getByLabel('BAG-winkelpanden op de kaart').check();
  await expect(page.getByText('32 winkelpanden (BAG, winkelfunctie) binnen de omtrek')).toBeVisible();
  await expect(page.locator('.bag-premises')).toHaveCount(32);
  await page.screenshot({ path: `${shotDir}/area-panel-layer.png` });

  // The area editor proposes an outline from the premises; accepted, saved (marked in the history), then put back.
  await page.goto('/gebieden/bewerken/binnenstad');
  await page.getByRole('button', { name: 'Stel een omtrek voor' }).click();
  await expect(page.getByText('Voorstel uit 32 winkelpanden in 1 groep(en)')).toBeVisible();
  await expect(page.locator('.bag-premises')).toHaveCount(32);
  await page.screenshot({ path: `${shotDir}/proposal.png` });
  await page.getByRole('button', { name: 'Voorstel overnemen' }).click();
  await expect(page.locator('.proposal-note')).toContainText('uit een voorstel (32 winkelpanden)');
  await page.getByLabel('Waarom (komt in de geschiedenis)').fill('grens langs de winkelpanden');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText(/Opgeslagen als versie \d+\./)).toBeVisible();
  const newest = page.locator('.version-list li').first();
  await expect(newest).toContainText('uit een voorstel');
  await expect(newest).toContainText('[voorstel uit BAG-winkelpanden] 32 panden');
  await page.screenshot({ path: `${shotDir}/proposal-saved.png`, fullPage: true });
  // Put the hand-drawn outline back, so the other tests find the Binnenstad as it was.
  await page.getByLabel('Waarom (komt in de geschiedenis)').fill('e2e: terug');
  await page.locator('.version-list li').nth(1).getByRole('button', { name: /Zet versie \d+ terug/ }).click();
  await expect(page.getByText(/teruggezet als versie/)).toBeVisible();
});
