import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAsCoordinator, loginWithRoles } from './authHelpers';
import { openApp } from './helpers';
import { pointsInside, seedDevice } from './followupSeed';

async function noSeriousAxe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('owners: the coordinator adds an organisation (a bad address is refused by name), the wijkbeheerder assigns to it on their device; the mail queue and "Mijn acties" screens pass axe', async ({ page, browser }, testInfo) => {
  const name = `Woonstichting ${Math.random().toString(36).slice(2, 7)}`;
  await loginAsCoordinator(page.request);
  await openApp(page);
  await page.goto('/beheer/eigenaren');
  await expect(page.getByRole('heading', { level: 2, name: 'Eigenaren' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Gemeente – openbare ruimte/ })).toBeVisible();

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Organisatie toevoegen' }) });
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('E-mailadressen').fill('info@woonstichting.example, geen-adres');
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(form.getByRole('alert')).toHaveText('E-mailadressen (2): "geen-adres" is geen e-mailadres');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  await form.getByLabel('E-mailadressen').fill('info@woonstichting.example\nbeheer@woonstichting.example');
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.locator('main').getByRole('status')).toHaveText(`${name} is toegevoegd.`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('info@woonstichting.example, beheer@woonstichting.example');
  await noSeriousAxe(page);
  await page.screenshot({ path: testInfo.outputPath('owners-screen.png'), fullPage: true });

  // The same name twice: refused, naming the field.
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('E-mailadressen').fill('x@woonstichting.example');
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(form.getByRole('alert')).toHaveText('Naam: er is al een organisatie met deze naam');

  // The mail queue: the test server sends to a loopback SMTP server, so no "no mail server" warning.
  await page.goto('/beheer/berichten');
  await expect(page.getByRole('heading', { level: 2, name: 'Berichten aan eigenaren' })).toBeVisible();
  await expect(page.getByText(/Er is geen mailserver ingesteld/)).toHaveCount(0);
  await expect(page.getByTestId('mail-counts')).toContainText('In de wachtrij:');
  await noSeriousAxe(page);
  await page.screenshot({ path: testInfo.outputPath('mail-queue.png'), fullPage: true });

  await page.goto('/mijn-acties');
  await expect(page.getByRole('heading', { level: 2, name: 'Mijn acties' })).toBeVisible();
  await expect(page.getByText(/niet aan een organisatie gekoppeld/)).toBeVisible();
  await noSeriousAxe(page);

  // The wijkbeheerder's device: after its sync the new organisation is offered when assigning.
  const context = await browser.newContext();
  const manager = await context.newPage();
  await loginWithRoles(manager, ['wijkbeheerder'], `wijkbeheerder-${Date.now()}@e2e.nl`);
  await openApp(manager);
  const [point] = pointsInside('binnenstad', 1);
  const id = crypto.randomUUID();
  await seedDevice(manager, [{ id, areaId: 'binnenstad', point: point!, categoryCode: 'lighting', description: 'Portiekverlichting kapot', status: 'open', owner: null, dueDate: null }], []);
  await manager.goto(`/opvolging/${id}`);
  await manager.getByRole('button', { name: 'Toewijzen' }).first().click();
  const owner = manager.getByRole('combobox', { name: 'Eigenaar' });
  await expect(owner.locator('option', { hasText: name })).toHaveCount(1);
  await owner.selectOption({ label: name });
  await manager.getByLabel('Streefdatum').fill('2099-01-31');
  await manager.getByRole('button', { name: 'Bevestigen: Toewijzen' }).click();
  await expect(manager.locator('.facts')).toContainText(name);
  await manager.screenshot({ path: testInfo.outputPath('assigned-to-new-owner.png'), fullPage: true });
  await context.close();
});
