// The walk and the map held as a tablet: 1180×820 landscape and 820×1180 portrait.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { closeMenu, openApp, openMenu, waitForFollowupList } from './helpers';
import { chooseCategory } from './schouwHelpers';
import { captureAtGps, smallTargets, startWalk, tablets } from './tabletHelpers';
import { csrf, loginAsCoordinator } from './authHelpers';
import { pointsInside, seedDevice, type SeedFinding } from './followupSeed';
import { seriousViolations } from './axeHelpers';

// Service workers would answer tile requests from their cache, past page.route; these tests need neither.
test.use({ serviceWorkers: 'block' });

async function expectTouchReady(page: Page, screen: string): Promise<void> {
  expect(await smallTargets(page), `targets under 44×44 px on ${screen}`).toEqual([]);
}

for (const size of tablets) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
    });

    test('the header is one row of at most 56 px, with the rest in the menu; every target on the map screen is at least 44×44 px', async ({ page }) => {
      await openApp(page);
      const header = (await page.locator('header.topbar').boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(56);
      // One row: every item of the header sits inside its height.
      const tops = await page.locator('header.topbar a, header.topbar button, header.topbar .pill').evaluateAll((els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('.menu-panel')).map((e) => e.getBoundingClientRect().bottom),
      );
      expect(Math.max(...tops)).toBeLessThanOrEqual(header.y + header.height);
      await expectTouchReady(page, 'the map');
      // Area labels never cover each other; some are left out at this zoom, and come back closer in.
      await expect.poll(() => overlappingLabels(page)).toEqual([]);
      const shownFar = await page.locator('.leaflet-tooltip.area-label:not(.label-hidden)').count();
      expect(shownFar).toBeGreaterThan(0);
      await openMenu(page);
      await expect(page.getByRole('button', { name: 'Nu synchroniseren' }).or(page.getByText('Niet ingelogd: alles blijft op dit apparaat'))).toBeVisible();
      await expect(page.getByLabel('Taal')).toBeVisible();
      await expectTouchReady(page, 'the open menu');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('walk, capture, finding and follow-up screens: targets of 44×44 px and no serious accessibility violation, also in high contrast', async ({ page, context }) => {
      await startWalk(page, context);
      const walkUrl = page.url();
      await captureAtGps(page, 'Sociale veiligheid', 'Verlichting', 'Lamp kapot bij de ingang');
      await expect(page.locator('path.live-dot')).toBeVisible();
      await expectTouchReady(page, 'the walk');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
      await chooseCategory(page, 'Overlast', 'Zwerfafval en netheid');
      await expectTouchReady(page, 'the capture form');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Annuleren' }).click();

      await page.locator('.finding-item').first().click();
      await expect(page.locator('.finding-detail')).toContainText('Lamp kapot bij de ingang');
      await expectTouchReady(page, 'the finding');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Opvolging' }).click();
      await waitForFollowupList(page);
      await expect(page.getByText('Lamp kapot bij de ingang').first()).toBeVisible();
      await expectTouchReady(page, 'the follow-up list');
      expect(await seriousViolations(page)).toEqual([]);

      // The finding's own page in the follow-up (status actions, owner and due date, timeline).
      await page.locator('.fu-item').filter({ hasText: 'Lamp kapot bij de ingang' }).getByRole('link', { name: /Openen/ }).click();
      await expect(page.locator('.fu-description')).toHaveText('Lamp kapot bij de ingang');
      await expectTouchReady(page, 'the follow-up finding page');
      expect(await seriousViolations(page)).toEqual([]);

      await openMenu(page);
      await page.getByLabel(/Hoog contrast/).check();
      await closeMenu(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
      expect(await seriousViolations(page), 'follow-up finding page, high contrast').toEqual([]);
      await page.goBack();
      await waitForFollowupList(page);
      expect(await seriousViolations(page), 'follow-up list, high contrast').toEqual([]);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
      expect(await seriousViolations(page), 'map, high contrast').toEqual([]);

      // The walk, the capture form and a finding in the high-contrast theme too.
      await page.goto(walkUrl);
      await expect(page.locator('.finding-item').first()).toBeVisible();
      expect(await seriousViolations(page), 'walk, high contrast').toEqual([]);
      await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
      await chooseCategory(page, 'Overlast', 'Zwerfafval en netheid');
      expect(await seriousViolations(page), 'capture form, high contrast').toEqual([]);
      await page.getByRole('button', { name: 'Annuleren' }).click();
      await page.locator('.finding-item').first().click();
      await expect(page.locator('.finding-detail')).toContainText('Lamp kapot bij de ingang');
      expect(await seriousViolations(page), 'finding, high contrast').toEqual([]);
    });

    test('the area editor: its list of areas and the edit view (form, tools, vertex handles) have targets of 44×44 px and no serious accessibility violation', async ({ page }) => {
      await page.goto('/gebieden/bewerken');
      await expect(page.getByRole('heading', { name: /Gebieden bewerken/ })).toBeVisible();
      const rows = page.locator('.editor-area-list a.area-item');
      await expect(rows.first()).toBeVisible();
      // Rows like the map's area list: name and kind · status, full width.
      await expect(rows.filter({ hasText: 'Voorstad' })).toContainText(/·/);
      await expectTouchReady(page, 'the area editor list');
      expect(await seriousViolations(page)).toEqual([]);

      await rows.filter({ hasText: 'Voorstad' }).click();
      await expect(page.getByRole('heading', { name: 'Bewerken: Voorstad' })).toBeVisible();
      await expect(page.locator('.leaflet-marker-icon.marker-icon').first()).toBeVisible();
      await expectTouchReady(page, 'the area editor');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the walk panel keeps the findings in view: the download offer is one compact row whose explanation opens on request', async ({ page, context }) => {
      await startWalk(page, context);
      await captureAtGps(page, 'Sociale veiligheid', 'Verlichting', 'Lamp kapot bij de ingang');
      await captureAtGps(page, 'Overlast', 'Zwerfafval en netheid', 'Afval naast de container');
      const offer = page.getByRole('region', { name: 'Dit gebied staat niet op het apparaat.' });
      await expect(offer.getByRole('button', { name: 'Eerst downloaden' })).toBeVisible();
      await expect(offer.getByText(/Download de kaart van het gebied eerst/)).toBeHidden();
      // The first finding row lies wholly inside the viewport, and nothing covers it.
      const rows = page.locator('.finding-item');
      await expect(rows).toHaveCount(2);
      const inView = (i: number) => rows.nth(i).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.top >= 0 && r.bottom <= innerHeight && r.height > 0 && !!hit && el.contains(hit);
      });
      expect(await inView(0), 'first finding row in view').toBe(true);
      // Before the offer was compact, a portrait tablet showed at most part of the second row.
      expect(await inView(1), 'second finding row in view').toBe(true);
      expect((await offer.boundingBox())!.height).toBeLessThanOrEqual(size.name === 'portrait' ? 60 : 120);
      // The explanation is one tap away.
      await offer.getByText('Dit gebied staat niet op het apparaat.').click();
      await expect(offer.getByText(/Download de kaart van het gebied eerst/)).toBeVisible();
    });

    test('the description being typed stays visible above a keyboard, and the save bar covers no field', async ({ page, context }) => {
      await startWalk(page, context);
      await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
      await chooseCategory(page, 'Overlast', 'Graffiti en vernieling');
      // No field or tile lies under the save bar: the bar sits below the scrolling fields.
      const bar = (await page.locator('.capture-form .form-actions').boundingBox())!;
      const fields = (await page.locator('.capture-fields').boundingBox())!;
      expect(fields.y + fields.height).toBeLessThanOrEqual(bar.y + 0.5);

      const field = page.getByLabel(/Korte omschrijving/);
      await field.focus();
      // The on-screen keyboard takes the lower part of the screen: the (visual) viewport shrinks.
      const keyboard = size.name === 'landscape' ? 400 : 460;
      await page.setViewportSize({ width: size.width, height: size.height - keyboard });
      await expect.poll(() => fieldVisible(page, '#capture-description')).toBe(true);
      await field.fill('Tag op de gevel');
      await expect(field).toBeFocused();
    });

    test('the follow-up list starts in view without scrolling, with the panel as wide as the screen allows, and the overview button has its text in the middle', async ({ page }) => {
      await openApp(page);
      const inspectionId = crypto.randomUUID();
      const points = pointsInside('binnenstad', 3);
      const seeded: SeedFinding[] = points.map((point, i) => ({
        id: crypto.randomUUID(), areaId: 'binnenstad', inspectionId, point, categoryCode: 'lighting', description: `Lamp ${i + 1} kapot`, status: 'open', owner: null, dueDate: null,
      }));
      await seedDevice(page, seeded, [{ id: inspectionId, areaId: 'binnenstad', startsAt: '2026-02-01T19:30' }]);
      await page.getByRole('link', { name: 'Opvolging' }).click();
      await waitForFollowupList(page);
      const row = page.locator('.fu-item').first();
      await expect(row).toBeVisible();
      // Wholly on screen, nothing over it, and the panel was not scrolled to get there.
      expect(await unscrolledInView(row.locator('.fu-item-main'))).toBe(true);
      const side = (await page.locator('.fu-side').boundingBox())!;
      // Portrait: map above, the panel below at the full width (not 440 of 820 px).
      if (size.name === 'portrait') expect(side.width).toBeGreaterThanOrEqual(size.width - 1);
      else expect(side.width).toBeLessThanOrEqual(size.width / 2);
      // The map keeps a useful part of the screen.
      const map = (await page.locator('.fu .map-wrap').boundingBox())!;
      expect(map.height * map.width).toBeGreaterThan(size.width * size.height * 0.3);
      const overview = page.getByRole('link', { name: 'Overzicht · Rapporten' });
      expect(await textOffCentre(overview), 'text of "Overzicht · Rapporten" off the middle of its button (px)').toBeLessThanOrEqual(2);
    });

    test('the walk header: title and time uncut, both actions in one row of 44 px targets', async ({ page, context }) => {
      await startWalk(page, context);
      const header = page.locator('.walk-header');
      const time = header.locator('.walk-title-time');
      await expect(time).toHaveText(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
      // Not cut: all of its text shows, inside the panel.
      expect(await time.evaluate((el) => el.scrollWidth <= el.clientWidth + 0.5 && el.getBoundingClientRect().right <= el.closest('header')!.getBoundingClientRect().right + 0.5)).toBe(true);
      const end = (await header.getByRole('button', { name: /Schouw afronden/ }).boundingBox())!;
      const details = (await header.getByRole('button', { name: 'Deelnemers en notities' }).boundingBox())!;
      expect(Math.abs(end.y - details.y), 'the two actions on one row').toBeLessThanOrEqual(1);
      for (const b of [end, details]) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
      // Two rows in all: back, title and time; then the actions.
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(120);
      await expect(header.getByRole('link', { name: /Alle schouwen/ })).toBeVisible();
      await expectTouchReady(page, 'the walk header');
    });

    test('the partners’ table fits the screen: no column cut off or scrolled out of view', async ({ page, browser, baseURL }) => {
      const coordinator = await browser.newContext({ baseURL });
      await loginAsCoordinator(coordinator.request);
      expect((await coordinator.request.patch('/api/settings', { headers: csrf, data: { partnersPublic: true } })).ok()).toBe(true);
      try {
        await page.goto('/partners');
        const table = page.getByRole('table', { name: /Winkelgebieden in \d{4}/ });
        await expect(table).toBeVisible();
        const fit = await table.evaluate((el) => {
          const scroller = el.closest('.table-scroll')!;
          const cells = Array.from(el.querySelectorAll('th, td')).map((c) => c.getBoundingClientRect());
          return {
            overflow: scroller.scrollWidth - scroller.clientWidth,
            right: Math.max(...cells.map((r) => r.right)),
            page: document.documentElement.scrollWidth - innerWidth,
          };
        });
        expect(fit.overflow, 'px the table scrolls sideways').toBeLessThanOrEqual(0);
        expect(fit.right).toBeLessThanOrEqual(size.width);
        expect(fit.page, 'px the page scrolls sideways').toBeLessThanOrEqual(0);
        // Still a table with its headers.
        await expect(table.getByRole('columnheader', { name: 'Verkeersveiligheid' })).toBeVisible();
        await expect(table.getByRole('rowheader', { name: 'Binnenstad', exact: true })).toBeVisible();
        await expect(table.locator('thead th')).toHaveCount(8);
      } finally {
        await coordinator.request.patch('/api/settings', { headers: csrf, data: { partnersPublic: false } });
        await coordinator.close();
      }
    });

    test('when the background tiles fail, a banner says so and what to do; the areas still show', async ({ page }) => {
      await page.route('**/tiles/**', (route) => route.abort('connectionrefused'));
      await openApp(page);
      const banner = page.getByRole('alert').filter({ hasText: 'De achtergrondkaart is niet beschikbaar' });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('gebiedsgrenzen en bevindingen werken zonder achtergrond');
      await expect(page.locator('.leaflet-overlay-pane path').first()).toBeVisible();
      await banner.getByRole('button', { name: 'Verbergen' }).click();
      await expect(banner).toHaveCount(0);
    });
  });
}

/** The element is inside the visual viewport and nothing covers its centre. */
function fieldVisible(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    const r = el.getBoundingClientRect();
    const vv = window.visualViewport!;
    if (r.top < vv.offsetTop || r.bottom > vv.offsetTop + vv.height || r.height === 0) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === el || el.contains(hit);
  }, selector);
}

/** The element lies wholly in the viewport, nothing covers its centre, and no scroll box around it was scrolled. */
function unscrolledInView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    let scrolled = false;
    for (let p = el.parentElement; p; p = p.parentElement) if (p.scrollTop > 0) scrolled = true;
    return !scrolled && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.height > 0 && !!hit && el.contains(hit);
  });
}

/** How far (px) the middle of an element's text lies from the middle of its box, vertically. */
function textOffCentre(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return Math.abs(text.top + text.height / 2 - (box.top + box.height / 2));
  });
}

/** Pairs of visible area labels whose boxes overlap. */
function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const els = Array.from(document.querySelectorAll<HTMLElement>('.leaflet-tooltip.area-label')).filter((e) => getComputedStyle(e).visibility !== 'hidden');
    const boxes = els.map((e) => ({ name: e.textContent ?? '', r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!.r, boxes[j]!.r];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
      }
    return out;
  });
}
