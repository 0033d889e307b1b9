import { expect, type BrowserContext, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { chooseCategory, pointInside } from './schouwHelpers';

export const tablets = [
  { name: 'landscape', width: 1180, height: 820 },
  { name: 'portrait', width: 820, height: 1180 },
] as const;

export const here = pointInside('binnenstad');

/** Plans and starts a walk in Binnenstad, with a GPS fix of 8 m at `here`. */
export async function startWalk(page: Page, context: BrowserContext): Promise<void> {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: here.lat, longitude: here.lon, accuracy: 8 });
  await openApp(page);
  await page.getByRole('link', { name: 'Schouw' }).click();
  await expect(page.getByRole('heading', { name: /Schouwen in \d{4}/ })).toBeVisible();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  await page.getByRole('button', { name: 'Start schouw Binnenstad' }).click();
  await expect(page).toHaveURL(/\/schouw\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /Schouw Binnenstad/ })).toBeVisible();
}

/** Captures one finding at the GPS position. */
export async function captureAtGps(page: Page, theme: string, category: string, description = ''): Promise<void> {
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByText(/Geplaatst op je GPS-locatie/)).toBeVisible();
  await chooseCategory(page, theme, category);
  if (description) await page.getByLabel(/Korte omschrijving/).fill(description);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Bevinding opgeslagen op dit apparaat.')).toBeVisible();
}

/**
 * Interactive elements that are visible and smaller than 44×44 px, as readable lines. Inline links in
 * running text are exempt (WCAG 2.5.8), as are Leaflet's attribution links (part of the licence text).
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = 'button, a[href], select, input:not([type=hidden]), textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (el.closest('.leaflet-control-attribution, [hidden], .visually-hidden, .skip-link')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // A radio or checkbox that covers its whole tile counts as the tile.
      const target = (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.closest('label')) || el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.closest('p, li, td, dd')?.textContent !== el.textContent) continue;
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || el.tagName).trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}.${(el.className || '').toString().split(' ')[0]} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
}
