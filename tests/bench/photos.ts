// Photos on another device (SPEC.md R18a/R18b), in real Chromium against the real server on loopback:
// how long the wijkbeheerder's finding page takes to show the thumbnail of a photo that is not on the
// device yet, and how many bytes the device's photo cache holds per 100 thumbnails. Reported, never
// asserted.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAppServer } from './appServer';
import sharp from 'sharp';
import { chromium, type APIRequestContext, type BrowserContext } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { createFinding } from '../../src/domain/findingStatus';
import { changedFields } from '../../src/storage/outbox';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  detail?: Record<string, unknown>;
}

const csrf = { 'x-requested-with': 'schouwkaart' };
const password = 'een lange zin als wachtwoord';
const SAMPLES = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A 4000×3000 photo with detail (smooth shapes plus grain), so its sizes compress like a real one. */
async function photo(seed: number): Promise<Buffer> {
  const w = 4000;
  const h = 3000;
  const shapes = Array.from({ length: 40 }, (_, i) => {
    const x = (seed * 997 + i * 613) % w;
    const y = (seed * 389 + i * 271) % h;
    return `<rect x="${x}" y="${y}" width="${200 + ((i * 37) % 600)}" height="${150 + ((i * 53) % 400)}" fill="hsl(${(seed * 40 + i * 23) % 360} 55% ${30 + (i % 40)}%)" transform="rotate(${i * 9} ${x} ${y})"/>`;
  }).join('');
  return sharp({ create: { width: w, height: h, channels: 3, background: '#7a8' }, })
    .composite([{ input: Buffer.from(`<svg width="${w}" height="${h}">${shapes}</svg>`) }])
    .jpeg({ quality: 85 })
    .toBuffer()
    .then((b) => sharp(b).composite([{ input: { create: { width: w, height: h, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 12 } } }, blend: 'overlay' }]).jpeg({ quality: 85 }).toBuffer());
}

async function login(context: BrowserContext, base: string, dataDir: string, roles: string[] | null): Promise<{ id: string; request: APIRequestContext }> {
  const request = context.request;
  if (roles === null) {
    const token = new URL(fs.readFileSync(path.join(dataDir, 'setup-link.txt'), 'utf8').trim()).hash.slice(1);
    await request.post(`${base}/api/auth/setup`, { headers: csrf, data: { token, name: 'Coördinator', login: 'bench@bench.nl', password } });
  } else {
    const boss = await context.browser()!.newContext();
    await boss.request.post(`${base}/api/auth/login`, { headers: csrf, data: { login: 'bench@bench.nl', password } });
    const { token } = (await (await boss.request.post(`${base}/api/users/invites`, { headers: csrf, data: { roles, expiresInDays: 1 } })).json()) as { token: string };
    await boss.close();
    await request.post(`${base}/api/auth/accept-invite`, { headers: csrf, data: { token, name: 'Wijkbeheerder', login: 'wb@bench.nl', password } });
  }
  const me = (await (await request.get(`${base}/api/auth/me`)).json()) as { user: { id: string; roles: string[] } };
  return { id: me.user.id, request };
}

export async function photoBenchmarks(exe: string | null): Promise<Measurement[]> {
  if (!exe) return [{ name: 'finding page, thumbnail of a photo not on the device (loopback)', value: NaN, unit: 'ms', detail: { error: 'no Chromium' } }];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-bench-photos-'));
  // In its own process group, ended whole afterwards (appServer.ts): no server is left running.
  const server = await startAppServer({ DATA_DIR: dataDir });
  const base = server.base;
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // The schouwer's side, as its device would: photos up first, then the findings that use them.
    const upCtx = await browser.newContext();
    const up = await login(upCtx, base, dataDir, null);
    const municipality = ((await (await up.request.get(`${base}/api/config`)).json()) as { municipality: { id: string } }).municipality.id;
    const ids: string[] = [];
    const uploadMs: number[] = [];
    const mutations = [];
    const clientId = crypto.randomUUID();
    for (let i = 0; i < SAMPLES; i++) {
      const bytes = await photo(i + 1);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const t0 = performance.now();
      await up.request.put(`${base}/api/photos/${hash}`, { headers: { ...csrf, 'content-type': 'image/jpeg' }, data: bytes });
      uploadMs.push(performance.now() - t0);
      const made = createFinding(
        { id: uuidv7(), municipality, areaId: null, point: { type: 'Point', coordinates: [6.16, 52.2515] }, categoryCode: 'lighting', description: `Bench ${i}`, severity: 'medium', photoHashes: [hash] },
        { id: up.id, roles: ['coordinator'] },
        new Date(),
      );
      if (!made.ok) throw new Error(made.reason);
      ids.push(made.finding.id);
      mutations.push({ mutationId: uuidv7(), clientId, seq: i + 1, table: 'findings', recordId: made.finding.id, baseRevision: null, changes: changedFields(null, made.finding), events: made.events });
    }
    const pushed = await up.request.post(`${base}/api/sync/push`, { headers: csrf, data: { mutations } });
    if (!pushed.ok()) throw new Error(`push: ${pushed.status()} ${await pushed.text()}`);
    await upCtx.close();

    // The wijkbeheerder's device: findings synced, no photo bytes; each sample opens another finding.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    await login(ctx, base, dataDir, ['wijkbeheerder']);
    const page = await ctx.newPage();
    await page.goto(base);
    await page.evaluate(() => localStorage.clear());
    // The findings arrive by the app's own sync, on the map screen, which shows no photos.
    const stored = `new Promise((resolve) => {
      const req = indexedDB.open('schouwkaart');
      req.onsuccess = () => {
        try {
          const tx = req.result.transaction(['findings', 'photoCache']);
          const f = tx.objectStore('findings').count();
          const p = tx.objectStore('photoCache').count();
          tx.oncomplete = () => { req.result.close(); resolve([f.result, p.result]); };
        } catch { req.result.close(); resolve([0, 0]); }
      };
      req.onerror = () => resolve([0, 0]);
    })`;
    for (let i = 0; i < 240 && ((await page.evaluate(stored)) as number[])[0]! < SAMPLES; i++) await page.waitForTimeout(250);
    const cachedBefore = ((await page.evaluate(stored)) as number[])[1];
    const fromShown: number[] = [];
    const fromNavigation: number[] = [];
    // Watches from the very start of each page: when the photo's box first appears (placeholder or
    // image) and when the thumbnail is decoded. A string, so no bundler helper names leak in.
    await page.addInitScript(`(() => {
      const w = window;
      const tick = () => {
        const box = document.querySelector('.fu-photos [data-hash]');
        if (box && w.__shown === undefined) w.__shown = performance.now();
        const img = document.querySelector('.fu-photos img.fu-thumb');
        if (img && img.complete && img.naturalWidth > 0) { w.__decoded = performance.now(); return; }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    for (const id of ids) {
      await page.goto(`${base}/opvolging/${id}`);
      let times: [number | undefined, number | undefined] = [undefined, undefined];
      for (let i = 0; i < 600 && times[1] === undefined; i++) {
        times = (await page.evaluate('[window.__shown, window.__decoded]')) as typeof times;
        if (times[1] === undefined) await page.waitForTimeout(100);
      }
      const [shown, decoded] = times as [number, number];
      fromShown.push(decoded - shown);
      fromNavigation.push(decoded);
    }
    const cache = (await page.evaluate(`new Promise((resolve, reject) => {
      const req = indexedDB.open('schouwkaart');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const all = req.result.transaction('photoCache').objectStore('photoCache').getAll();
        all.onsuccess = () => resolve(all.result.filter((r) => r.size === 'thumb').map((r) => r.bytes));
      };
    })`)) as number[];
    await ctx.close();
    const perThumb = cache.reduce((a, b) => a + b, 0) / Math.max(1, cache.length);
    return [
      {
        name: 'finding page, thumbnail of a photo not on the device, box shown to decoded (loopback, median)',
        value: Math.round(median(fromShown)),
        unit: 'ms',
        detail: { cachedBefore, samples: fromShown.map(Math.round), navigationToDecodedMs: fromNavigation.map(Math.round), uploadWithSizesMs: uploadMs.map(Math.round), photo: '4000×3000 JPEG' },
      },
      { name: 'photo cache, bytes per 100 thumbnails (320 px JPEG)', value: Math.round((perThumb * 100) / 1024), unit: 'KB', detail: { thumbnails: cache.length, bytes: cache } },
    ];
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
