// Schouw budgets (DESIGN.md): tap to stored for one finding with a photo, and frame times while
// panning and zooming a walk map with 10,000 findings. Measured in real Chromium against the real
// server; reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  detail?: Record<string, unknown>;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

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

/** 10,000 earlier findings around the area, written straight into IndexedDB. */
async function seed(page: Page, centre: { lon: number; lat: number }) {
  const codes = ['lighting', 'graffiti_vandalism', 'escape_routes', 'parking', 'waste'];
  const statuses = ['open', 'assigned', 'in_progress'];
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const at = new Date(Date.UTC(2025, 9, 1, 18, 0, i % 60)).toISOString();
    const status = statuses[i % 3]!;
    return {
      id: uuidv7(), municipality: 'deventer', areaId: 'binnenstad', inspectionId: '0190f5a0-0000-7000-8000-000000000000',
      point: { type: 'Point', coordinates: [centre.lon + (Math.random() - 0.5) * 0.008, centre.lat + (Math.random() - 0.5) * 0.005] },
      categoryCode: codes[i % codes.length], description: '', severity: 'low', photoHashes: [],
      owner: status === 'open' ? null : 'municipality', dueDate: status === 'open' ? null : i % 2 ? '2025-12-01' : '2027-12-01',
      status, fixNote: null, wontFixReason: null, duplicateOf: null, createdAt: at, createdBy: 'bench', updatedAt: at, removed: false,
    };
  });
  await page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('schouwkaart');
        req.onsuccess = () => {
          const tx = req.result.transaction('findings', 'readwrite');
          for (const r of all) tx.objectStore('findings').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

async function panZoomFrames(page: Page): Promise<Measurement> {
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const box = (await page.locator('.map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + (i % 2 ? -150 : 150), cy + 60, { steps: 20 });
    await page.mouse.up();
    await page.mouse.wheel(0, i % 2 ? 300 : -300);
    await page.waitForTimeout(400);
  }
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(2));
  return { name: 'frame time, pan and zoom with 10,000 findings (95th percentile)', value: Math.round(pct(frames, 0.95)), unit: 'ms', budget: 50, detail: { frames: frames.length, median: Math.round(pct(frames, 0.5)) } };
}

export async function schouwBenchmarks(exe: string | null): Promise<Measurement[]> {
  if (!exe) return [];
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-bench-'));
  const server = spawn('npx', ['tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, TILE_URL_BRT: 'http://127.0.0.1:9/none/{z}/{x}/{y}.png' },
    stdio: 'ignore',
  });
  const base = `http://localhost:${port}`;
  try {
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
    const centre = { lon: 6.16, lat: 52.2515 };
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL', geolocation: { latitude: centre.lat, longitude: centre.lon, accuracy: 5 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('.area-item').first().waitFor();
    await startWalk(page, base);
    const tap = await tapToStored(page);
    await seed(page, centre);
    await page.reload();
    await page.getByText(/Nog open uit eerdere schouwen \(10000\)/).waitFor({ timeout: 120_000 });
    const frames = await panZoomFrames(page);
    await browser.close();
    return [tap, frames];
  } finally {
    server.kill('SIGTERM');
  }
}
