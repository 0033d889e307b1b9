// The area editor held as a tablet, by touch: a vertex is removed by holding a finger on it (there is no
// right button on a tablet); a short tap or a drag removes nothing.
import { test, expect, type Page, type CDPSession } from '@playwright/test';
import { tablets } from './tabletHelpers';
import { voorstadPlan } from './areaEditorHelpers';

test.use({ hasTouch: true, serviceWorkers: 'block' });

const vertexHandles = (page: Page) => page.locator('.leaflet-marker-icon.marker-icon:not(.marker-icon-middle)');

async function centres(page: Page): Promise<{ x: number; y: number }[]> {
  return vertexHandles(page).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }),
  );
}

/** A real touch (the browser makes the pointer events, pointerType "touch"), held for `ms`. */
async function touch(cdp: CDPSession, page: Page, at: { x: number; y: number }, ms: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y }] });
  await page.waitForTimeout(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

for (const size of tablets) {
  test(`${size.name} ${size.width}×${size.height}: holding a finger on a vertex removes it; a tap does not`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const { vertices } = voorstadPlan();
    await page.goto('/gebieden/bewerken/voorstad');
    await expect(page.getByRole('heading', { name: 'Bewerken: Voorstad' })).toBeVisible();
    await expect(vertexHandles(page)).toHaveCount(vertices);
    const cdp = await page.context().newCDPSession(page);

    // The handles are finger-sized.
    const box = (await vertexHandles(page).first().boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);

    // A short tap on a vertex keeps it.
    const before = await centres(page);
    const target = before[Math.floor(vertices / 2)]!;
    await touch(cdp, page, target, 80);
    await page.waitForTimeout(900);
    await expect(vertexHandles(page)).toHaveCount(vertices);

    // Held still: that vertex goes, and only that one.
    await touch(cdp, page, target, 900);
    await expect(vertexHandles(page)).toHaveCount(vertices - 1);
    const after = await centres(page);
    expect(after.some((c) => Math.hypot(c.x - target.x, c.y - target.y) < 3)).toBe(false);
    for (const c of after) expect(before.some((b) => Math.hypot(b.x - c.x, b.y - c.y) < 3)).toBe(true);

    // The change is the draft's: resetting the drawing brings the vertex back.
    await page.getByRole('button', { name: 'Tekening terugzetten' }).click();
    await expect(vertexHandles(page)).toHaveCount(vertices);
  });
}
