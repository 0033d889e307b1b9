import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { csrf, loginAsCoordinator, password } from './authHelpers';
import { openApp, openMenu } from './helpers';

// The team side of accounts in a real browser: a partner's device never syncs and sees only its
// screens; a device without an account makes no sync call and logs no 401; the coordinator revokes an
// invite and makes a reset link; a person changes their own password.

async function noSeriousAxe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Every request the page makes and every console error, from now on. */
function record(page: Page) {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { requests, errors, syncCalls: () => requests.filter((p) => p.startsWith('/api/sync/') || p.startsWith('/api/photos/') || p.startsWith('/api/people')) };
}

async function invite(page: Page, roles: string[]): Promise<string> {
  await loginAsCoordinator(page.request);
  const res = await page.request.post('/api/users/invites', { headers: csrf, data: { roles, expiresInDays: 1 } });
  return ((await res.json()) as { token: string }).token;
}

test('a partner logs in: only Kaart and Partners, no sync error, no request to /api/sync/*', async ({ page, browser, baseURL }, testInfo) => {
  const token = await invite(page, ['partner']);
  const ctx = await browser.newContext({ baseURL });
  const partner = await ctx.newPage();
  const log = record(partner);
  const accepted = await partner.request.post('/api/auth/accept-invite', { headers: csrf, data: { token, name: 'Politie wijkagent', login: 'partner-team@e2e.nl', password } });
  expect(accepted.status()).toBe(201);
  await partner.request.post('/api/auth/logout', { headers: csrf, data: {} });

  // Log in as a person would, on the login screen.
  await partner.goto('/inloggen');
  await partner.getByLabel('Gebruikersnaam of e-mailadres').fill('partner-team@e2e.nl');
  await partner.getByLabel('Wachtwoord').fill(password);
  await partner.getByRole('button', { name: 'Inloggen' }).click();
  await expect(partner.getByRole('heading', { level: 2, name: /Winkelgebieden/ })).toBeVisible();

  const nav = partner.getByRole('navigation').first();
  await expect(nav.getByRole('link')).toHaveText(['Kaart', 'Partners']);
  await openMenu(partner);
  await expect(partner.locator('.menu-panel')).toContainText('Ingelogd als Politie wijkagent');
  // No sync section at all: a partner's device never syncs, so there is nothing to report or retry.
  await expect(partner.locator('.menu-panel')).not.toContainText('Synchroniseren');
  await expect(partner.locator('.menu-panel').getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
  await expect(partner.locator('.menu-panel').getByRole('link', { name: 'Gebieden bewerken' })).toHaveCount(0);

  // An old link to a screen that is not theirs says so in words.
  await partner.goto('/opvolging');
  await expect(partner.getByText('Dit scherm hoort niet bij jouw rol.')).toBeVisible();
  await partner.goto('/schouw');
  await expect(partner.getByText('Dit scherm hoort niet bij jouw rol.')).toBeVisible();
  await partner.goto('/');
  await expect(partner.getByRole('heading', { level: 2, name: /Winkelgebieden/ })).toBeVisible();
  // Going online again would start a sync run for anyone who syncs.
  await partner.evaluate(() => window.dispatchEvent(new Event('online')));
  await partner.waitForLoadState('networkidle');
  expect(log.syncCalls()).toEqual([]);
  expect(log.errors.filter((e) => /401|403/.test(e))).toEqual([]);
  await openMenu(partner);
  await expect(partner.locator('.menu-panel')).not.toContainText('Synchroniseren mislukt');
  await partner.screenshot({ path: testInfo.outputPath('partner-menu.png') });
  await ctx.close();
});

test('a device without an account makes no sync call and logs no 401', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL });
  const page = await ctx.newPage();
  const log = record(page);
  await openApp(page);
  await expect(page.getByRole('navigation').first().getByRole('link')).toHaveText(['Kaart', 'Schouw', 'Opvolging', 'Winkels', 'Partners']);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForLoadState('networkidle');
  expect(log.syncCalls()).toEqual([]);
  expect(log.errors.filter((e) => /401/.test(e))).toEqual([]);
  await ctx.close();
});

test('coordinator revokes an open invite and makes a reset link; the person sets a new password and later changes it', async ({ page, browser, baseURL }, testInfo) => {
  await loginAsCoordinator(page.request);
  const walker = await invite(page, ['schouwer']);
  const walkerCtx = await browser.newContext({ baseURL });
  const accepted = await walkerCtx.request.post('/api/auth/accept-invite', { headers: csrf, data: { token: walker, name: 'Wim Walker', login: 'wim-team@e2e.nl', password } });
  expect(accepted.status()).toBe(201);

  await page.goto('/beheer/gebruikers');
  await page.getByRole('checkbox', { name: 'Partner (alleen lezen)' }).first().check();
  await page.getByRole('checkbox', { name: 'Schouwer' }).first().uncheck();
  await page.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
  const link = await page.locator('.invite-link input').first().inputValue();
  const open = page.locator('.open-invites li').filter({ hasText: 'Voor Partner (alleen lezen)' });
  await expect(open.first()).toBeVisible();
  await noSeriousAxe(page);
  await open.first().getByRole('button', { name: 'Intrekken' }).click();
  await expect(page.getByText('De uitnodiging is ingetrokken; de link werkt niet meer.')).toBeVisible();

  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(new URL(link).pathname + new URL(link).hash);
  await strangerPage.getByLabel('Naam of functie').fill('Iemand');
  await strangerPage.getByLabel('Gebruikersnaam of e-mailadres').fill('iemand-team@e2e.nl');
  await strangerPage.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await strangerPage.getByLabel('Herhaal het wachtwoord').fill(password);
  await strangerPage.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(strangerPage.getByRole('alert')).toContainText('Deze link is niet (meer) geldig.');
  await stranger.close();

  // A reset link for Wim: shown to copy; Wim's tablet session ends when he uses it.
  const row = page.locator('.users-table tr').filter({ hasText: 'wim-team@e2e.nl' });
  await row.getByRole('button', { name: 'Link voor een nieuw wachtwoord' }).click();
  const resetLink = await row.locator('.invite-link input').inputValue();
  expect(resetLink).toMatch(/\/wachtwoord-herstellen#[\w-]{43}$/);
  await page.screenshot({ path: testInfo.outputPath('users-invites-reset.png'), fullPage: true });

  const phone = await browser.newContext({ baseURL });
  const phonePage = await phone.newPage();
  await phonePage.goto(new URL(resetLink).pathname + new URL(resetLink).hash);
  await expect(phonePage.getByRole('heading', { name: 'Nieuw wachtwoord instellen' })).toBeVisible();
  await noSeriousAxe(phonePage);
  const fresh = 'een heel nieuw wachtwoord';
  await phonePage.getByLabel('Nieuw wachtwoord').fill(fresh);
  await phonePage.getByLabel('Herhaal het wachtwoord').fill(fresh);
  await phonePage.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(phonePage.getByText('Je nieuwe wachtwoord is ingesteld, Wim Walker. Je bent ingelogd.')).toBeVisible();
  expect((await walkerCtx.request.get('/api/auth/me')).status()).toBe(401);

  // Wim changes it again on his account page: the phone stays logged in, the tablet (logged in anew) is logged out.
  const tablet = await browser.newContext({ baseURL });
  expect((await tablet.request.post('/api/auth/login', { headers: csrf, data: { login: 'wim-team@e2e.nl', password: fresh } })).status()).toBe(200);
  await phonePage.goto('/account');
  await expect(phonePage.getByRole('heading', { name: 'Mijn account' })).toBeVisible();
  await expect(phonePage.locator('.account-facts')).toContainText('Schouwer');
  await phonePage.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
  await phonePage.getByLabel('Nieuw wachtwoord').fill('nog een ander wachtwoord');
  await phonePage.getByLabel('Herhaal het wachtwoord').fill('nog een ander wachtwoord');
  await phonePage.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(phonePage.getByRole('alert')).toHaveText('Je huidige wachtwoord klopt niet.');
  await phonePage.getByLabel('Huidig wachtwoord').fill(fresh);
  await phonePage.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(phonePage.getByText('Je wachtwoord is gewijzigd. Je andere sessies zijn beëindigd.')).toBeVisible();
  await noSeriousAxe(phonePage);
  await phonePage.screenshot({ path: testInfo.outputPath('account.png'), fullPage: true });
  expect((await phonePage.request.get('/api/auth/me')).status()).toBe(200);
  expect((await tablet.request.get('/api/auth/me')).status()).toBe(401);
  await Promise.all([phone.close(), tablet.close(), walkerCtx.close()]);
});
