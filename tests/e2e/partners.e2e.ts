import { test, expect } from '@playwright/test';
import { csrf, loginAsCoordinator } from './authHelpers';

test('partners see the areas with participation and findings per theme without an account once the coordinator makes it public', async ({ page, browser, baseURL }) => {
  // Before: the overview is private, a visitor without an account is told so.
  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  await loginAsCoordinator(page.request);
  await page.request.patch('/api/settings', { headers: csrf, data: { partnersPublic: false } });
  await visitorPage.goto('/partners');
  await expect(visitorPage.getByText('Dit overzicht is niet openbaar. Log in om het te zien.')).toBeVisible();

  // The coordinator makes it public.
  const res = await page.request.patch('/api/settings', { headers: csrf, data: { partnersPublic: true } });
  expect(res.ok()).toBe(true);
  await visitorPage.reload();
  const table = visitorPage.getByRole('table', { name: /Winkelgebieden in \d{4}/ });
  await expect(table).toBeVisible();
  for (const name of ['Vijfhoek', 'Deltaplein', 'Voorstad', 'Binnenstad']) {
    await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('columnheader', { name: 'Sociale veiligheid' })).toBeVisible();
  // The map draws every area coloured by the chosen measure.
  await expect(visitorPage.locator('.partners-map path.leaflet-interactive')).toHaveCount(await table.locator('tbody tr').count());
  await expect(visitorPage.getByRole('group', { name: /Legenda: / })).toContainText('75–100%');

  // Without a network the page shows the last summary it fetched, and says when that was.
  await visitorPage.route('**/api/public/summary', (route) => route.abort('internetdisconnected'));
  await visitorPage.reload();
  await expect(visitorPage.getByRole('status').filter({ hasText: /Geen verbinding met de server: je ziet het overzicht zoals het op .+ is opgehaald/ })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Vijfhoek', exact: true })).toBeVisible();
  await visitorPage.unroute('**/api/public/summary');
  await visitor.close();
  await page.request.patch('/api/settings', { headers: csrf, data: { partnersPublic: false } });
});
