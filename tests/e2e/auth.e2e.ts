import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loginAsCoordinator, password, rememberCoordinator, setupPath } from './authHelpers';
import { openMenu } from './helpers';

// The accounts flow in a real browser: setup link → first coordinator → invite a schouwer, who accepts
// in a second browser context → log out → log in.
test('setup link, invite, accept in another context, log out, log in', async ({ page, browser }, testInfo) => {
  const setup = setupPath();
  if (setup) {
    await page.goto(setup);
    await expect(page.getByRole('heading', { name: 'Eerste coördinator aanmaken' })).toBeVisible();
    await page.getByLabel('Naam of functie').fill('Coördinator Centrum');
    await page.getByLabel('Gebruikersnaam of e-mailadres').fill('coordinator@e2e.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByLabel('Herhaal het wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect(page.getByText('Welkom, Coördinator Centrum. Je bent ingelogd.')).toBeVisible();
    rememberCoordinator('coordinator@e2e.nl');
    // The token is gone from the address bar once used.
    expect(new URL(page.url()).hash).toBe('');
  } else {
    await loginAsCoordinator(page.request);
    await page.goto('/');
  }

  // Header menu: who is logged in, and the coordinator's way to the users screen.
  await openMenu(page);
  await expect(page.getByText(/Ingelogd als/)).toBeVisible();
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page.getByRole('heading', { name: 'Gebruikers', level: 2 })).toBeVisible();

  // Invite a schouwer (the default choice) and read the link from the screen.
  await expect(page.getByRole('group', { name: 'Rollen', exact: true }).getByLabel('Schouwer')).toBeChecked();
  await page.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
  const linkBox = page.getByLabel(/Uitnodigingslink voor Schouwer/);
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/uitnodiging#[\w-]{43}$/);
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('users.png'), fullPage: true });

  // The invited schouwer, in a browser of their own.
  const other = await browser.newContext();
  const schouwer = await other.newPage();
  await schouwer.goto(link);
  await expect(schouwer.getByRole('heading', { name: 'Uitnodiging accepteren' })).toBeVisible();
  await schouwer.getByLabel('Naam of functie').fill('Politie wijkagent Centrum');
  await schouwer.getByLabel('Gebruikersnaam of e-mailadres').fill('agent@e2e.nl');
  await schouwer.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await schouwer.getByLabel('Herhaal het wachtwoord').fill(password);
  await schouwer.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(schouwer.getByText('Welkom, Politie wijkagent Centrum. Je bent ingelogd.')).toBeVisible();
  await openMenu(schouwer);
  await expect(schouwer.getByText('Ingelogd als Politie wijkagent Centrum')).toBeVisible();
  // A schouwer has no users screen.
  await expect(schouwer.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);

  // Log out: the header menu offers "Inloggen" again, and the server no longer knows the session.
  await schouwer.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(schouwer.getByRole('link', { name: 'Inloggen' })).toBeVisible();
  expect((await schouwer.request.get('/api/auth/me')).status()).toBe(401);

  // Log in again, with a wrong password first.
  await openMenu(schouwer);
  await schouwer.getByRole('link', { name: 'Inloggen' }).click();
  await expect(schouwer.getByRole('heading', { name: 'Inloggen bij Schouwkaart' })).toBeVisible();
  await schouwer.getByLabel('Gebruikersnaam of e-mailadres').fill('agent@e2e.nl');
  await schouwer.getByLabel('Wachtwoord').fill('niet het goede wachtwoord');
  await schouwer.getByRole('button', { name: 'Inloggen' }).click();
  await expect(schouwer.getByRole('alert')).toContainText('Gebruikersnaam of wachtwoord klopt niet.');
  expect((await new AxeBuilder({ page: schouwer }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);
  await schouwer.screenshot({ path: testInfo.outputPath('login.png') });
  await schouwer.getByLabel('Wachtwoord').fill(password);
  await schouwer.getByRole('button', { name: 'Inloggen' }).click();
  // A login goes on to the map; the menu then says who is logged in.
  await expect(schouwer.getByRole('heading', { level: 2, name: /Winkelgebieden/ })).toBeVisible();
  await openMenu(schouwer);
  await expect(schouwer.getByText('Ingelogd als Politie wijkagent Centrum')).toBeVisible();
  expect((await schouwer.request.get('/api/auth/me')).status()).toBe(200);

  // The coordinator sees the new account, and can disable it; the schouwer's session ends with it.
  await page.reload();
  const row = page.getByRole('row', { name: /Politie wijkagent Centrum/ });
  await expect(row).toContainText('agent@e2e.nl');
  await row.getByRole('button', { name: 'Uitzetten' }).click();
  await expect(row).toContainText('Uitgezet');
  expect((await schouwer.request.get('/api/auth/me')).status()).toBe(401);
  await schouwer.reload();
  await expect(schouwer.getByRole('link', { name: 'Log opnieuw in' })).toBeVisible();
  await other.close();
});
