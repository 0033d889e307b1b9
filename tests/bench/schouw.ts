// Schouw budget (DESIGN.md): tap to stored for one finding with a photo, measured in real Chromium
// against the real server; reported, never asserted. Maps with 10,000 findings: mapFrames.ts.
import { chromium, type Page } from 'playwright-core';
import { startAppServer } from './appServer';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  detail?: Record<string, unknown>;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function startWalk(page: Page, base: string) {
  await page.goto(`${base}/schouw`);
  await page.locator('#plan-area').selectOption({ label: 'Binnenstad' });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  await page.getByRole('button', { name: 'Start schouw Binnenstad' }).click();
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).waitFor();
}

async function tapToStored(page: Page): Promise<Measurement> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
    await page.getByText(/Geplaatst op je GPS-locatie/).waitFor();
    await page.getByRole('radio', { name: 'Milieu' }).check();
    await page.locator('.capture-form input[type=file]').setInputFiles({ name: `p${i}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(page, i) });
    await page.locator('.capture-form .photo-thumb').waitFor();
    // From the tap on "Opslaan" to the finding read back from IndexedDB into the list. A string, so
    // the bundler's helper names (tsx keeps function names) do not leak into the page.
    samples.push(
      (await page.evaluate(`new Promise((resolve) => {
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (document.querySelectorAll('section[aria-labelledby="walk-findings-title"] .finding-item').length > ${i}) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { childList: true, subtree: true });
        document.querySelector('.capture-form button[type=submit]').click();
      })`)) as number,
    );
  }
  return { name: 'tap to stored and listed, one finding with a photo (median)', value: Math.round(pct(samples, 0.5)), unit: 'ms', budget: 100, detail: { samples: samples.map(Math.round) } };
}

async function jpeg(page: Page, seed: number): Promise<Buffer> {
  const b64 = await page.evaluate(async (hue) => {
    const c = document.createElement('canvas');
    c.width = 4000;
    c.height = 3000;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = `hsl(${hue} 60% 50%)`;
    ctx.fillRect(0, 0, 4000, 3000);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.8));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, seed * 40);
  return Buffer.from(b64, 'base64');
}

export async function schouwBenchmarks(exe: string | null): Promise<Measurement[]> {
  if (!exe) return [];
  // The real server in its own process group (appServer.ts): stopping it leaves nothing running.
  const server = await startAppServer();
  const base = server.base;
  try {
    const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
    const centre = { lon: 6.16, lat: 52.2515 };
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL', geolocation: { latitude: centre.lat, longitude: centre.lon, accuracy: 5 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('.area-item').first().waitFor();
    await startWalk(page, base);
    const tap = await tapToStored(page);
    await browser.close();
    return [tap];
  } finally {
    await server.stop();
  }
}
