// Survey links by e-mail (issue 16): the coordinator enters business addresses for two shops (a bad one
// is refused by name), sends the links; the mails arrive at a real SMTP server on loopback with a link that
// opens the survey on a phone; after one shop answers, the reminder mails only the other, and the letter
// list holds the non-responder without an address.
import { randomUUID } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { csrf, loginAsCoordinator } from './authHelpers';
import { pushOpenShops } from './shopHelpers';

const run = randomUUID().slice(0, 6);
const names = [1, 2, 3].map((i) => `Mailwinkel ${run}-${i}`);
const addresses = [`een-${run}@winkel.example`, `twee-${run}@winkel.example`];
const year = new Date().getFullYear();

interface Mail {
  to: string[];
  subject: string;
  text: string;
}
const mailsTo = async (page: Page, to: string): Promise<Mail[]> => {
  const all = (await (await page.request.get(`${process.env.E2E_SMTP_HTTP}/mails`)).json()) as Mail[];
  return all.filter((m) => m.to.includes(to));
};

test('survey by e-mail: addresses, links mailed once, the link opens on a phone, a reminder only to the non-responder, letters for the shop without address', async ({ page, browser }) => {
  await loginAsCoordinator(page.request);
  await pushOpenShops(page.request, names, 'schalkhaar', 'Mailstraat');
  const current = (await (await page.request.get(`/api/survey?year=${year}`)).json()) as { setup: unknown; defaults: object };
  if (!current.setup) expect((await page.request.put('/api/survey', { headers: csrf, data: { year, ...current.defaults } })).status()).toBe(200);

  await page.goto('/beheer/enquete');
  await page.getByRole('button', { name: 'Links en brieven' }).click();
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });

  // A bad address is refused naming the field; good ones are kept.
  await row(names[0]!).getByRole('button', { name: `Adres toevoegen: ${names[0]}` }).click();
  const input = page.getByLabel(`Zakelijk e-mailadres van ${names[0]}`);
  await input.fill('geen-adres');
  await row(names[0]!).getByRole('button', { name: 'Opslaan' }).click();
  await expect(row(names[0]!).getByRole('alert')).toHaveText('E-mailadres: geen geldig e-mailadres');
  await input.fill(addresses[0]!);
  await row(names[0]!).getByRole('button', { name: 'Opslaan' }).click();
  await expect(row(names[0]!).getByTestId('shop-email')).toHaveText(addresses[0]!);
  await row(names[1]!).getByRole('button', { name: `Adres toevoegen: ${names[1]}` }).click();
  await page.getByLabel(`Zakelijk e-mailadres van ${names[1]}`).fill(addresses[1]!);
  await row(names[1]!).getByRole('button', { name: 'Opslaan' }).click();
  await expect(row(names[1]!).getByTestId('shop-email')).toHaveText(addresses[1]!);

  // Send: shops 1 and 2 by mail, shop 3 gets a letter.
  await page.getByRole('button', { name: 'Links per e-mail versturen' }).click();
  await expect(page.getByRole('heading', { name: /^Brieven \(\d+\)$/ })).toBeVisible();
  await expect(page.locator('article.survey-letter', { hasText: names[2]! })).toHaveCount(1);
  await expect(page.locator('article.survey-letter', { hasText: names[0]! })).toHaveCount(0);
  await expect(page.locator('article.survey-letter', { hasText: names[1]! })).toHaveCount(0);
  await page.getByRole('button', { name: 'Terug' }).click();

  await expect.poll(async () => (await mailsTo(page, addresses[0]!)).length, { timeout: 60_000 }).toBe(1);
  await expect.poll(async () => (await mailsTo(page, addresses[1]!)).length, { timeout: 60_000 }).toBe(1);
  const [invite] = await mailsTo(page, addresses[0]!);
  expect(invite!.subject).toBe(`Enquête veilig ondernemen Deventer ${year}`);
  const url = /https?:\/\/\S+\/enquete#[A-Za-z0-9_-]{43}/.exec(invite!.text)![0];

  // Sending again mails nobody twice.
  await page.getByRole('button', { name: 'Links per e-mail versturen' }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 e-mails in de wachtrij gezet' })).toBeVisible();
  await expect(row(names[0]!).getByTestId('mail-state')).toContainText('verzonden');

  // Shop 1 opens the mailed link on a phone and answers.
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const phone = await ctx.newPage();
  await phone.goto(url);
  await expect(phone.getByRole('heading', { name: 'Enquête veilig ondernemen' })).toBeVisible();
  await expect(phone.getByText(`Voor ${names[0]}`)).toBeVisible();
  await phone.getByRole('group', { name: 'Hoe veilig voelt u zich overdag in en rond uw winkel?' }).getByLabel('4').check();
  await phone.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(phone.getByRole('heading', { name: 'Hartelijk dank!' })).toBeVisible();
  await ctx.close();

  // The reminder: a mail to shop 2 only; shop 3 in the letter list, shop 1 nowhere.
  await page.reload();
  await page.getByRole('button', { name: 'Links en brieven' }).click();
  await page.getByRole('button', { name: /^Herinnering sturen aan \d+ winkels/ }).click();
  await expect(page.getByRole('heading', { name: /^Brieven \(\d+\)$/ })).toBeVisible();
  await expect(page.locator('article.survey-letter', { hasText: names[2]! })).toHaveCount(1);
  await expect(page.locator('article.survey-letter', { hasText: names[0]! })).toHaveCount(0);
  await expect(page.locator('article.survey-letter', { hasText: names[1]! })).toHaveCount(0);
  await expect.poll(async () => (await mailsTo(page, addresses[1]!)).length, { timeout: 60_000 }).toBe(2);
  expect((await mailsTo(page, addresses[1]!))[1]!.subject).toBe(`Herinnering: enquête veilig ondernemen Deventer ${year}`);
  expect(await mailsTo(page, addresses[0]!)).toHaveLength(1);
});
