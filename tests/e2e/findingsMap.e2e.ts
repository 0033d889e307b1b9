import { test, expect, type Page } from '@playwright/test';
import { markerCentres } from './canvasMarkers';
import { openApp, waitForFollowupList } from './helpers';
import { pointsInside, seedDevice, type SeedFinding } from './followupSeed';

// Thousands of findings on the follow-up screen: clustered on the map, a virtualised list beside it.
const BULK = 3000;
const LIGHTING_BLUE: [number, number, number] = [0x00, 0x77, 0xbb];
const FIRE_RED: [number, number, number] = [0xcc, 0x33, 0x11];
const NUISANCE_PINK: [number, number, number] = [0xee, 0x33, 0x77];
const ENVIRONMENT_GREEN: [number, number, number] = [0x00, 0x99, 0x88];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const hex = (i: number) => i.toString(16).padStart(12, '0');
const r = rng(42);
const bulk: SeedFinding[] = Array.from({ length: BULK }, (_, i) => ({
  id: `0190f5a0-0000-7000-8000-${hex(i)}`,
  areaId: 'binnenstad',
  point: [6.13 + r() * 0.07, 52.235 + r() * 0.035],
  categoryCode: 'lighting',
  description: `Lamp ${i}`,
  status: 'open',
  owner: null,
  dueDate: null,
}));
// The one escape-route finding: its red shows as a sliver in whichever cluster holds it.
const target: SeedFinding = { id: '0190f5a0-0000-7000-8000-ffff00000001', areaId: 'binnenstad', point: [6.165, 52.2525], categoryCode: 'escape_routes', description: 'Nooduitgang geblokkeerd door fietsen', status: 'open', owner: null, dueDate: null };
// Two findings at exactly one spot in Colmschate: no zoom separates them.
const [spot] = pointsInside('colmschate', 1);
const pair: SeedFinding[] = [
  { id: '0190f5a0-0000-7000-8000-ffff00000002', areaId: 'colmschate', point: spot!, categoryCode: 'graffiti_vandalism', description: 'Graffiti op de brugpijler', status: 'open', owner: null, dueDate: null },
  { id: '0190f5a0-0000-7000-8000-ffff00000003', areaId: 'colmschate', point: spot!, categoryCode: 'waste', description: 'Afval naast de brugpijler', status: 'open', owner: null, dueDate: null },
];
const total = BULK + 1 + pair.length;

const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);
const zoomOf = async (page: Page) => Number(await page.locator('.map').getAttribute('data-zoom'));

async function openFollowup(page: Page) {
  await openApp(page);
  await seedDevice(page, [...bulk, target, ...pair], []);
  await page.getByRole('link', { name: 'Opvolging' }).click();
  await waitForFollowupList(page);
  await expect(page.getByRole('heading', { name: /Bevindingen/ })).toContainText(`${total} bevindingen`);
}

/** Clicks the first place the map shows this colour, once it shows it. */
async function clickColour(page: Page, rgb: [number, number, number]) {
  await expect.poll(async () => (await markerCentres(page, rgb, 12, 4)).length, { message: `colour ${rgb.join(',')} on the map` }).toBeGreaterThan(0);
  const [at] = await markerCentres(page, rgb, 12, 4);
  await page.mouse.click(at!.x, at!.y);
}

test('with thousands of findings the follow-up screen keeps its DOM small; the list is a table that says how many rows it has, walks by arrow keys and opens a finding', async ({ page }) => {
  await openFollowup(page);
  expect(await domNodes(page)).toBeLessThan(3000);
  const table = page.getByRole('table', { name: /Lijst van bevindingen/ });
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  expect(await table.getByRole('row').count()).toBeLessThan(80);

  // From the first row to the last by keyboard, then one up; the rows come into the DOM as they are reached.
  await table.locator('[aria-rowindex="2"] .fu-item-main').focus();
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveClass(/fu-item-main/);
  await expect(table.locator(`[aria-rowindex="${total + 1}"] .fu-item-main`)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const row = table.locator(`[aria-rowindex="${total}"]`);
  await expect(row.locator('.fu-item-main')).toBeFocused();
  expect(await domNodes(page)).toBeLessThan(3000);
  const description = await row.locator('.fu-desc').innerText();

  // Tab goes on to that row's "Openen"; Enter opens the finding.
  await page.keyboard.press('Tab');
  await expect(row.getByRole('link', { name: /Openen/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.fu-description')).toHaveText(description);
  await page.goBack();

  // Everything can still be picked for assigning together.
  await page.getByRole('checkbox', { name: 'Alles selecteren' }).check();
  await expect(page.locator('form.fu-bulk')).toContainText(`${total} geselecteerd`);
  expect(await domNodes(page)).toBeLessThan(3000);
});

test('a finding among thousands is opened from the clustered map: its theme colour shows in its cluster, each tap zooms in, the finding itself selects its row', async ({ page }) => {
  await openFollowup(page);
  // Zoomed out, the 3,000 blue findings are a few clusters, not 3,000 markers.
  const startZoom = await zoomOf(page);
  for (let taps = 0; taps < 15; taps++) {
    if ((await page.locator('.fu-item.selected').count()) > 0) break;
    const before = await zoomOf(page);
    await clickColour(page, FIRE_RED);
    await expect.poll(async () => (await zoomOf(page)) > before || (await page.locator('.fu-item.selected').count()) > 0).toBe(true);
  }
  expect(await zoomOf(page)).toBeGreaterThan(startZoom);
  const selected = page.locator('.fu-item.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected.locator('.fu-desc')).toHaveText(target.description);
  await selected.getByRole('link', { name: /Openen/ }).click();
  await expect(page.locator('.fu-description')).toHaveText(target.description);
  // The blue findings around it are still drawn (clusters or markers) at this zoom.
  await page.goBack();
  await expect.poll(async () => (await markerCentres(page, LIGHTING_BLUE, 12, 4)).length).toBeGreaterThan(0);
});

test('two findings at one spot: tapping their cluster spreads them out, and each can be opened', async ({ page }) => {
  await openFollowup(page);
  const cityZoom = await zoomOf(page);
  await page.getByRole('combobox', { name: 'Gebied', exact: true }).selectOption('colmschate');
  await expect(page.getByRole('heading', { name: /Bevindingen/ })).toContainText('2 bevindingen');
  // The map zooms to the area first (a zoom closes a spread, so tap after it).
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(cityZoom);
  await page.waitForTimeout(600);
  const areaZoom = await zoomOf(page);
  for (const [colour, description] of [
    [NUISANCE_PINK, pair[0]!.description],
    [ENVIRONMENT_GREEN, pair[1]!.description],
  ] as const) {
    // Back from a finding the map is drawn anew and flies to the area again; data-zoom changes when
    // that flight ends (zoomend), and a tap before then would be closed by it.
    await expect.poll(() => zoomOf(page)).toBe(areaZoom);
    // One cluster of two with a pink and a green half; a tap spreads it into two markers.
    await clickColour(page, NUISANCE_PINK);
    // Spread: a pink and a green marker, well apart (the cluster's two halves are closer than that;
    // a selected marker is larger, so blobs join over 22 px).
    await expect
      .poll(async () => {
        const [pink, green] = [await markerCentres(page, NUISANCE_PINK, 22), await markerCentres(page, ENVIRONMENT_GREEN, 22)];
        return pink.length === 1 && green.length === 1 && Math.hypot(pink[0]!.x - green[0]!.x, pink[0]!.y - green[0]!.y) > 40;
      })
      .toBe(true);
    const [marker] = await markerCentres(page, colour, 22);
    await page.mouse.click(marker!.x, marker!.y);
    const selected = page.locator('.fu-item.selected');
    await expect(selected.locator('.fu-desc')).toHaveText(description);
    await selected.getByRole('link', { name: /Openen/ }).click();
    await expect(page.locator('.fu-description')).toHaveText(description);
    await page.goBack();
    await expect(page.getByRole('combobox', { name: 'Gebied', exact: true })).toHaveValue('colmschate');
  }
});
