import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loginAsCoordinator, pullVertex, seedShop, voorstadPlan } from './areaEditorHelpers';

const shotDir = path.resolve('test-results/areaEditor');

async function voorstadMembers(page: Page): Promise<string> {
  await page.goto('/winkels');
  await page.getByRole('link', { name: 'Deelname' }).click();
  const cell = page.locator('tr[data-area="voorstad"] td[data-measure="partnershipMember"]');
  await expect(cell).toBeVisible();
  return (await cell.textContent())!.trim();
}

test('coordinator redraws Voorstad to take in one more shop, restores it, and an overlap is refused with both names', async ({ page }) => {
  const plan = voorstadPlan();
  await page.goto('/');
  await expect(page.locator('.area-item').first()).toBeVisible();
  await loginAsCoordinator(page);
  await seedShop(page, {
    id: 'e2e-randgeval',
    municipality: 'deventer',
    name: 'Bakkerij Randgeval',
    address: 'Voorstad 1',
    point: plan.shop,
    sector: 'bakker',
    open: true,
    flags: { partnershipMember: true, whatsappGroup: false, collectiveBan: false, nuisanceFee: false, surveyAnswered: false, newsletter: false, kvoApp: false },
    shopChecks: [],
    visits: [],
    courses: [],
  });
  expect(await voorstadMembers(page)).toBe('—');

  // From the map's area panel to the editor.
  await page.goto('/gebied/voorstad');
  await page.getByRole('link', { name: 'Vorm bewerken' }).click();
  await expect(page.getByRole('heading', { name: 'Bewerken: Voorstad' })).toBeVisible();
  await expect(page.getByText('Deze wijziging verschuift geen winkels.')).toBeVisible();
  await expect(page.locator('.version-list li')).toHaveCount(1);

  await pullVertex(page, plan.index, plan.vertices, plan.stretch);
  await expect(page.getByTestId('moved-count')).toHaveText('Effect op de telling: +1, −0');
  await expect(page.getByText('Komen erbij: Bakkerij Randgeval')).toBeVisible();
  await page.screenshot({ path: `${shotDir}/redraw.png` });
  await page.getByLabel('Waarom (komt in de geschiedenis)').fill('Bakkerij hoort bij de winkelstraat');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Opgeslagen als versie 2.')).toBeVisible();
  await expect(page.locator('.version-list li').first()).toContainText('Versie 2 gewijzigd');
  await expect(page.locator('.version-list li').first()).toContainText('Bakkerij hoort bij de winkelstraat');
  await expect(page.getByText('Deze wijziging verschuift geen winkels.')).toBeVisible();

  expect(await voorstadMembers(page)).toBe('1 van 1, 100%');

  // Restore the loaded shape: a new version, and the shop drops out again.
  await page.goto('/gebieden/bewerken/voorstad');
  await page.getByRole('button', { name: 'Zet versie 1 terug' }).click();
  await expect(page.getByText('Versie 1 teruggezet als versie 3.')).toBeVisible();
  await expect(page.locator('.version-list li').first()).toContainText('teruggezet van versie 1');
  expect(await voorstadMembers(page)).toBe('—');

  // A new area drawn on top of Binnenstad is refused with both names; the drawing and the overlap stay.
  await page.goto('/gebieden/bewerken');
  await page.getByRole('link', { name: 'Nieuw gebied tekenen' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuw gebied' })).toBeVisible();
  const binnenstad = page.locator('.editor-label span', { hasText: /^Binnenstad$/ });
  await expect(binnenstad).toBeVisible();
  // Bring Binnenstad to the middle with the arrow keys (80 px a press), then zoom in twice ('+'), so the
  // clicks below stay well inside it and away from the edges that vertices snap to.
  const map = page.locator('.leaflet-container');
  const box = (await map.boundingBox())!;
  await map.focus();
  for (let i = 0; i < 60; i++) {
    const b = (await binnenstad.boundingBox())!;
    const dx = b.x + b.width / 2 - (box.x + box.width / 2);
    const dy = b.y + b.height / 2 - (box.y + box.height / 2);
    if (Math.abs(dx) < 60 && Math.abs(dy) < 60) break;
    const key = Math.abs(dx) >= 60 ? (dx > 0 ? 'ArrowRight' : 'ArrowLeft') : dy > 0 ? 'ArrowDown' : 'ArrowUp';
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
  await page.keyboard.press('+');
  await page.waitForTimeout(400);
  await page.keyboard.press('+');
  await expect(page.locator('.leaflet-control-scale-line')).toHaveText(/^(20|30|50) m$/);
  await page.waitForTimeout(500);
  const label = await binnenstad.boundingBox();
  const [cx, cy] = [label!.x + label!.width / 2, label!.y + label!.height / 2];
  for (const [dx, dy] of [[-30, -30], [30, -30], [30, 30], [-30, 30], [-30, -30]] as const) await page.mouse.click(cx + dx, cy + dy);
  await expect(page.locator('path.draft-shape')).toHaveCount(1);
  await page.getByLabel('Naam').fill('Proefgebied');
  await page.getByLabel('Waarom (komt in de geschiedenis)').fill('proef');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Niet opgeslagen: de tekening blijft staan');
  await expect(alert).toContainText('Proefgebied overlapt met Binnenstad');
  await expect(page.locator('path.overlap-shape')).toHaveCount(1);
  await expect(page.locator('path.draft-shape')).toHaveCount(1);
  await page.screenshot({ path: `${shotDir}/refused.png` });

  // Municipalities are sealed (R30): the Deventer coordinator is offered no other municipality.
  await page.goto('/');
  await expect(page.locator('.area-item', { hasText: 'Binnenstad' })).toBeVisible();
  await expect(page.getByLabel('Gemeente')).toHaveCount(0);

  // The second municipality is data: on a device without an account, Westland with its own area is
  // chosen on the map screen and remembered.
  const anonContext = await page.context().browser()!.newContext();
  const anon = await anonContext.newPage();
  await anon.goto('/');
  await anon.getByLabel('Gemeente').selectOption({ label: 'Westland' });
  await expect(anon.locator('.area-item')).toHaveCount(1);
  await expect(anon.locator('.area-item')).toContainText("'s-Gravenzande centrum");
  await anon.reload();
  await expect(anon.locator('.area-item')).toHaveText([/'s-Gravenzande centrum/]);
  await anon.getByLabel('Gemeente').selectOption({ label: 'Deventer' });
  await expect(anon.locator('.area-item', { hasText: 'Binnenstad' })).toBeVisible();
  await anonContext.close();
});
