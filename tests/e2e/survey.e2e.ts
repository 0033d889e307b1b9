// The shop survey end to end (issue 16): the coordinator sets up the year's survey and prints the letters
// (QR and link); three shops answer on a phone-sized browser (one stops and resumes); their survey flags
// reach the coordinator's device by sync, so the area's participation (question 7) follows; the public
// results stay hidden below the threshold and show from it, on the rendered public page and its trends;
// the personal link also pins a worry on the shop's area map (R53).
import { randomUUID } from 'node:crypto';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { csrf, loginAsCoordinator } from './authHelpers';
import { openMenu } from './helpers';
import { pushOpenShops } from './shopHelpers';
import { seriousViolations } from './axeHelpers';

const AREA = 'schalkhaar';
const run = randomUUID().slice(0, 6);
const names = Array.from({ length: 5 }, (_, i) => `Enquêtewinkel ${run}-${i + 1}`);
const year = new Date().getFullYear();

async function syncNow(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await page.keyboard.press('Escape');
}

/** "2 van 7 (29%)" → 2 (the shops of the area that answered the survey). */
async function surveyTaking(page: Page): Promise<number> {
  await page.goto('/winkels/deelname');
  const cell = page.locator(`tr[data-area="${AREA}"] td[data-measure="surveyAnswered"]`);
  await expect(cell).toBeVisible();
  const m = /^(\d+) van (\d+)/.exec((await cell.textContent()) ?? '');
  return m ? Number(m[1]) : 0;
}

async function phone(browser: Browser) {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' });
}

test('survey: set up, print letters, three shops answer on a phone (one resumes), flags and question 7 follow, public results from the threshold', async ({ page, browser }) => {
  await loginAsCoordinator(page.request);
  await pushOpenShops(page.request, names, AREA, 'Dorpsstraat');

  // The coordinator's device pulls the new shops: nobody in them answered yet.
  await page.goto('/winkels/deelname');
  await syncNow(page);
  await expect.poll(async () => (await page.locator(`tr[data-area="${AREA}"] td.num`).first().textContent()) ?? '').not.toBe('');
  const before = await surveyTaking(page);

  // Set up this year's survey (results public, threshold 5) from the coordinator menu.
  await page.goto('/');
  await openMenu(page);
  await page.getByRole('link', { name: 'Enquête' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Enquête onder winkels' })).toBeVisible();
  await page.getByRole('button', { name: 'Actuele vraag toevoegen' }).click();
  await page.getByLabel('Vraag', { exact: true }).fill('Zou u een burenbelsysteem willen?');
  await page.getByLabel('Resultaten openbaar maken').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

  // Letters: one per open shop, each with a QR code and the link.
  await page.getByRole('button', { name: 'Links en brieven' }).click();
  await page.getByRole('button', { name: /^Brieven maken voor \d+ winkels$/ }).click();
  await expect(page.getByRole('heading', { name: /^Brieven \(\d+\)$/ })).toBeVisible();
  const urls: string[] = [];
  for (const name of names) {
    const letter = page.locator('article.survey-letter', { hasText: name });
    await expect(letter.locator('img[src^="data:image/png"]')).toBeVisible();
    const url = (await letter.locator('.survey-letter-url').textContent())!.trim();
    expect(url).toMatch(/\/enquete#[A-Za-z0-9_-]{43}$/);
    await expect(letter.locator('img')).toHaveAttribute('alt', `QR: ${url}`);
    urls.push(url);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.survey-letters-bar')).toBeHidden();
  await expect(page.locator('article.survey-letter', { hasText: names[0] })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Shop 1 starts on a phone, stops, and resumes later with the same link.
  const ctx = await phone(browser);
  const p1 = await ctx.newPage();
  await p1.goto(urls[0]!);
  await expect(p1.getByRole('heading', { name: 'Enquête veilig ondernemen' })).toBeVisible();
  await expect(p1.getByText(`Voor ${names[0]}`)).toBeVisible();
  const safeDay = p1.getByRole('group', { name: 'Hoe veilig voelt u zich overdag in en rond uw winkel?' });
  await safeDay.getByLabel('4').check();
  await p1.getByRole('group', { name: /winkeldiefstal/ }).getByLabel('Ja').check();
  await expect(p1.getByText('Tussendoor bewaard.')).toBeVisible();
  expect(await seriousViolations(p1), 'axe on the survey page (phone)').toEqual([]);
  await p1.close();
  const p1b = await ctx.newPage();
  await p1b.goto(urls[0]!);
  await expect(p1b.getByRole('group', { name: 'Hoe veilig voelt u zich overdag in en rond uw winkel?' }).getByLabel('4')).toBeChecked();
  await p1b.getByLabel('Wat wilt u verder kwijt over de veiligheid in uw winkelgebied?').fill('Donker bij de bushalte');
  await p1b.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(p1b.getByRole('heading', { name: 'Hartelijk dank!' })).toBeVisible();

  // The same personal link pins a worry on the shop's area map, after answering too (R53).
  const worryText = `Kapotte lamp bij de bushalte ${run}`;
  await p1b.getByRole('link', { name: 'Zorg melden op de kaart' }).click();
  await expect(p1b.getByRole('heading', { name: 'Melding voor de schouw van Schalkhaar' })).toBeVisible();
  const map = p1b.locator('.worry-map .map');
  await expect(map.locator('path').first()).toBeVisible();
  const box = (await map.boundingBox())!;
  await map.tap({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(p1b.getByText('Punt gezet.')).toBeVisible();
  expect(await seriousViolations(p1b), 'axe on the worry page (phone)').toEqual([]);
  await p1b.getByLabel('Wat is het?').selectOption({ label: 'Verlichting' });
  await p1b.getByLabel('Omschrijving (één regel)').fill(worryText);
  await p1b.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(p1b.getByRole('status')).toHaveText(/Dank u wel. Uw melding is ontvangen./);
  // The coordinator sees it to moderate, in the shop's area, without the shop's name.
  const queue = (await (await page.request.get('/api/worries?municipality=deventer')).json()) as { worries: { text: string; areaId: string }[] };
  expect(queue.worries.find((w) => w.text === worryText)?.areaId).toBe(AREA);
  expect(JSON.stringify(queue)).not.toContain(names[0]!);

  // Shops 2 and 3 answer at once.
  for (const url of urls.slice(1, 3)) {
    const p = await ctx.newPage();
    await p.goto(url);
    await p.getByRole('group', { name: /verlichting/ }).getByLabel('2').check();
    await p.getByRole('group', { name: 'Zou u een burenbelsysteem willen?' }).getByLabel('Nee').check();
    await p.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await expect(p.getByRole('heading', { name: 'Hartelijk dank!' })).toBeVisible();
    await p.close();
  }
  // A spent link and an unknown one: a clear page, nothing stored.
  await p1b.goto(urls[1]!);
  await p1b.reload();
  await expect(p1b.getByRole('heading', { name: 'Al ingevuld' })).toBeVisible();
  await expect(p1b.getByRole('link', { name: 'Zorg melden op de kaart' })).toBeVisible();
  await p1b.goto(`${urls[1]!.split('#')[0]}#${'x'.repeat(43)}`);
  await p1b.reload();
  await expect(p1b.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
  await expect(p1b.getByText('Er is niets opgeslagen.')).toBeVisible();
  await expect(p1b.getByRole('link', { name: 'Zorg melden op de kaart' })).toHaveCount(0);
  // An unknown link opens no worry map either.
  await p1b.goto(`/melding#${'x'.repeat(43)}`);
  await expect(p1b.getByRole('alert')).toHaveText(/Deze link werkt niet \(meer\)/);

  // The flags reach the coordinator's device: the area's survey participation (question 7) rose by 3.
  await page.goto('/winkels/deelname');
  await syncNow(page);
  await expect.poll(() => surveyTaking(page), { timeout: 30_000 }).toBe(before + 3);

  // Public results: hidden with 3 answers in the area, shown from 5 (two more shops answer), on the
  // rendered public page (its survey section and its trends) and in the results API.
  await page.request.put('/api/public-pages?municipality=deventer', { headers: csrf, data: { public: true } });
  const visitor = await ctx.newPage();
  const publicPage = async () => {
    await visitor.goto(`/openbaar/deventer/${AREA}`);
    await expect(visitor.getByRole('heading', { name: 'Veilig ondernemen in Schalkhaar' })).toBeVisible({ timeout: 30_000 });
    await visitor.getByText('Toon de ontwikkeling over de jaren').click();
    const trends = visitor.locator('section[data-slot="trends"] table');
    await expect(trends.locator('caption')).toHaveText('Trends van Schalkhaar per jaar');
    return { survey: visitor.locator('section[data-slot="survey"]'), trends };
  };
  const below = await publicPage();
  await expect(below.survey).toContainText('De uitkomsten van de enquête verschijnen hier zodra er genoeg antwoorden zijn.');
  await expect(below.survey.locator('table')).toHaveCount(0);
  await expect(below.trends.locator('thead')).not.toContainText('Enquête:');
  const publicUrl = `/api/public/survey/deventer/areas/${AREA}?year=${year}`;
  const hidden = (await (await ctx.request.get(publicUrl)).json()) as Record<string, unknown>;
  expect(hidden).toMatchObject({ shown: false, reason: 'below_threshold', threshold: 5 });
  expect(JSON.stringify(hidden)).not.toMatch(/"answers"|counts|Donker/);
  for (const url of urls.slice(3)) {
    const res = await ctx.request.post('/api/public/survey/submit', { headers: csrf, data: { token: url.split('#')[1], answers: { safeDay: 3 } } });
    expect(res.status()).toBe(200);
  }
  const shown = (await (await ctx.request.get(publicUrl)).json()) as { shown: boolean; result: { answers: number } };
  expect(shown.shown).toBe(true);
  expect(shown.result.answers).toBe(5);
  expect(JSON.stringify(shown)).not.toContain('Donker');
  const above = await publicPage();
  await expect(above.survey).toContainText('5 winkels vulden de enquête in.');
  await expect(above.survey.getByRole('row', { name: /Hoe veilig voelt u zich overdag/ })).toContainText('gemiddeld 3,3 (1–5)');
  await expect(above.survey).not.toContainText('Donker');
  // The trends carry this year's survey score on the fixed question: (4 + 3 + 3) / 3.
  await expect(above.trends.locator('thead')).toContainText('Enquête: Hoe veilig voelt u zich overdag');
  await expect(above.trends.locator('tbody tr', { has: visitor.locator(`th:text-is("${year}")`) })).toContainText('3,3');
  expect(await seriousViolations(visitor), 'axe on the public area page with its trends open').toEqual([]);
  await visitor.goto('/openbaar/deventer');
  await expect(visitor.getByRole('heading', { name: /Veilig ondernemen in de winkelgebieden van Deventer/ })).toBeVisible({ timeout: 30_000 });
  await visitor.getByText('Toon de ontwikkeling over de jaren').click();
  await expect(visitor.locator('section[data-slot="trends"] table caption')).toHaveText('Trends van Deventer per jaar');
  expect(await seriousViolations(visitor), 'axe on the municipality page with its trends open').toEqual([]);
  await page.request.put('/api/public-pages?municipality=deventer', { headers: csrf, data: { public: false } });

  // The coordinator's results have the free text.
  await page.goto('/beheer/enquete');
  await page.getByRole('button', { name: 'Resultaten' }).click();
  await expect(page.getByText(/^Schalkhaar — 5 antwoorden$/)).toBeVisible();
  await ctx.close();
});
