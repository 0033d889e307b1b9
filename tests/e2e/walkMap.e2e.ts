// Two findings captured at one spot during a walk: on the walk map they are one cluster; tapping it
// (zooming in as far as needed) spreads them apart, and each opens from the map.
import { test, expect, type Page } from '@playwright/test';
import { darkPixelsAround, markerCentres } from './canvasMarkers';
import { captureAtGps, startWalk, tablets } from './tabletHelpers';

test.use({ serviceWorkers: 'block' });

const LIGHTING_BLUE: [number, number, number] = [0x00, 0x77, 0xbb];
const NUISANCE_PINK: [number, number, number] = [0xee, 0x33, 0x77];
const zoomOf = async (page: Page) => Number(await page.locator('.map').getAttribute('data-zoom'));

/** One blue and one pink marker, well apart (a cluster's two arcs are closer than 40 px). */
async function spreadApart(page: Page): Promise<boolean> {
  const [blue, pink] = [await markerCentres(page, LIGHTING_BLUE, 22), await markerCentres(page, NUISANCE_PINK, 22)];
  return blue.length === 1 && pink.length === 1 && Math.hypot(blue[0]!.x - pink[0]!.x, blue[0]!.y - pink[0]!.y) > 40;
}

/** Taps the spot (its cluster) until its findings are spread; every tap either zooms in or spreads. */
async function spreadTheSpot(page: Page): Promise<void> {
  for (let taps = 0; taps < 12 && !(await spreadApart(page)); taps++) {
    await expect.poll(async () => (await markerCentres(page, NUISANCE_PINK, 12, 4)).length, { message: 'the spot on the map' }).toBeGreaterThan(0);
    const before = await zoomOf(page);
    const [at] = await markerCentres(page, NUISANCE_PINK, 12, 4);
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(async () => (await zoomOf(page)) > before || (await spreadApart(page))).toBe(true);
    // A zoom ends with zoomend (data-zoom), after which the map redraws; tap after that.
    await page.waitForTimeout(400);
  }
  expect(await spreadApart(page), 'the two findings spread apart').toBe(true);
}

for (const size of tablets) {
  test(`${size.name} ${size.width}×${size.height}: two findings at one spot can each be opened from the walk map`, async ({ page, context }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await startWalk(page, context);
    // Both at the same GPS fix: exactly one spot.
    await captureAtGps(page, 'Sociale veiligheid', 'Verlichting', 'Lamp kapot bij de ingang');
    await captureAtGps(page, 'Overlast', 'Zwerfafval en netheid', 'Afval naast de container');
    await expect(page.locator('.finding-item')).toHaveCount(2);
    // The person stands on the spot: the live position dot lies under the cluster, whose count stays readable.
    await expect(page.locator('.live-dot')).toBeVisible();
    await expect.poll(async () => (await markerCentres(page, LIGHTING_BLUE, 22)).length + (await markerCentres(page, NUISANCE_PINK, 22)).length).toBe(2);
    const [blueArc, pinkArc] = [(await markerCentres(page, LIGHTING_BLUE, 22))[0]!, (await markerCentres(page, NUISANCE_PINK, 22))[0]!];
    const centre = { x: (blueArc.x + pinkArc.x) / 2, y: (blueArc.y + pinkArc.y) / 2 };
    expect(await darkPixelsAround(page, centre), 'the count "2" at the cluster centre, not the position dot').toBeGreaterThan(4);

    for (const [colour, description] of [
      [LIGHTING_BLUE, 'Lamp kapot bij de ingang'],
      [NUISANCE_PINK, 'Afval naast de container'],
    ] as const) {
      await spreadTheSpot(page);
      const [marker] = await markerCentres(page, colour, 22);
      await page.mouse.click(marker!.x, marker!.y);
      await expect(page.locator('.finding-detail')).toContainText(description);
      await page.getByRole('button', { name: /Terug naar de schouw/ }).click();
      await expect(page.locator('.finding-item')).toHaveCount(2);
    }
  });
}
