// The first screen as a person meets it: the real server and the built app in Chromium at 4× CPU
// throttle (CDP Emulation.setCPUThrottlingRate), cold (new profile: no cache, no service worker) and
// warm (the same profile again), N samples each. Per sample: every script the page loaded before the
// area list and the areas on the map showed (from the network log), LCP, the time the area list was
// visible, and how the JS, CSS and JSON answers came (gzip/brotli or plain). With 16 areas (Deventer)
// and with 200. Baseline in the same run: a plain Leaflet page drawing the same areas.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from 'playwright-core';
import { startAppServer, type AppServer } from './appServer';
import { percentile, type Measurement } from './measurement';

const SAMPLES = Number(process.env.BENCH_FIRST_SCREEN_SAMPLES ?? 20);
const THROTTLE = 4;

// Recorded in the page from the start: LCP entries and the moment the first area row is in the DOM.
// Recorded in the page from the start: LCP entries, the moment the first area row is in the DOM, and
// the moment the first screen is there (area list and the areas on the map both in the DOM).
const PROBE = `(() => {
  window.__lcp = NaN;
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true }); } catch {}
  const check = () => {
    const list = document.querySelector('.area-item');
    if (window.__areaListAt === undefined && list) window.__areaListAt = performance.now();
    if (window.__shownAt === undefined && list && document.querySelector('.leaflet-overlay-pane path')) window.__shownAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})()`;

interface Sample {
  lcp: number;
  areaList: number;
  scripts: string[];
  /** JS, CSS and JSON answers from the network (not the service worker): how each came compressed. */
  answers: Answer[];
  /**
   * On the page's clock (ms since navigation): when /api/config and /api/areas were asked for and
   * answered, and when the last script before the first screen had come, so the report shows which
   * of them the first screen waited on.
   */
  timeline: { configAsked: number; areasAsked: number; apiAnswered: number; scriptsLoaded: number; listShown: number };
}

interface Answer {
  path: string;
  encoding: string;
  /** Bytes of the body as sent (encoded), from the browser. */
  wire: number;
}

const distDir = path.resolve('dist');
function gzipKB(urls: string[]): number {
  let total = 0;
  for (const u of new Set(urls)) {
    const file = path.join(distDir, new URL(u).pathname);
    if (fs.existsSync(file)) total += zlib.gzipSync(fs.readFileSync(file)).length;
  }
  return Math.round(total / 1024);
}

async function throttled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return page;
}

const compressible = /\.(js|mjs|css|json)$|^\/api\//;

async function sampleOnce(page: Page, url: string): Promise<Sample> {
  const requests: Request[] = [];
  const onRequest = (r: Request) => void requests.push(r);
  page.on('request', onRequest);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, undefined, { timeout: 120_000, polling: 100 });
  // LCP is final once the page is idle a moment; the probe keeps the last entry.
  await page.waitForTimeout(300);
  page.off('request', onRequest);
  const r = (await page.evaluate('({ lcp: window.__lcp, areaList: window.__areaListAt, shownAt: performance.timeOrigin + window.__shownAt, origin: performance.timeOrigin })')) as {
    lcp: number;
    areaList: number;
    shownAt: number;
    origin: number;
  };
  // From the network log: what was asked for before the first screen was there (the page's own clock
  // marks that moment; each request's start is on the same wall clock).
  const before: { request: Request; response: Response | null }[] = [];
  for (const request of requests) {
    const response = await request.response().catch(() => null);
    if (request.timing().startTime <= r.shownAt) before.push({ request, response });
  }
  const scripts = before.filter((b) => b.request.resourceType() === 'script').map((b) => b.request.url());
  const rel = (t: number) => Math.round(t - r.origin);
  const asked = (p: string) => before.filter((b) => new URL(b.request.url()).pathname === p).map((b) => rel(b.request.timing().startTime));
  const ended = (b: { request: Request }) => rel(b.request.timing().startTime + Math.max(0, b.request.timing().responseEnd));
  const api = before.filter((b) => ['/api/config', '/api/areas'].includes(new URL(b.request.url()).pathname));
  const timeline = {
    configAsked: Math.min(...asked('/api/config')),
    areasAsked: Math.min(...asked('/api/areas')),
    apiAnswered: Math.max(0, ...api.map(ended)),
    scriptsLoaded: Math.max(0, ...before.filter((b) => b.request.resourceType() === 'script').map(ended)),
    listShown: Math.round(r.areaList),
  };
  const answers: Answer[] = [];
  for (const { request, response } of before) {
    const path = new URL(request.url()).pathname;
    if (!response || response.fromServiceWorker() || !compressible.test(path) || response.status() !== 200) continue;
    const sizes = await request.sizes().catch(() => null);
    if (sizes) answers.push({ path, encoding: (await response.allHeaders())['content-encoding'] ?? 'none', wire: sizes.responseBodySize });
  }
  return { lcp: r.lcp, areaList: r.areaList, scripts, answers, timeline };
}

async function appSamples(browser: Browser, base: string): Promise<{ cold: Sample[]; warm: Sample[] }> {
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    await context.addInitScript(PROBE);
    const page = await throttled(context);
    cold.push(await sampleOnce(page, `${base}/`));
    // Let the service worker install and take the shell, as between two visits.
    await page.evaluate('navigator.serviceWorker && navigator.serviceWorker.ready.then(() => true)');
    const again = await throttled(context);
    await page.close();
    warm.push(await sampleOnce(again, `${base}/`));
    await context.close();
  }
  return { cold, warm };
}

/** A plain Leaflet page that fetches the same areas and draws them with the same look, nothing else. */
async function leafletSamples(browser: Browser, base: string): Promise<Sample[]> {
  const leafletJs = fs.readFileSync('node_modules/leaflet/dist/leaflet.js', 'utf8');
  const leafletCss = fs.readFileSync('node_modules/leaflet/dist/leaflet.css', 'utf8');
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Leaflet baseline</title>
<link rel="stylesheet" href="/__bench/leaflet.css"><style>body{margin:0;display:flex;font:16px sans-serif}#list{width:360px}#map{flex:1;height:100vh}</style></head>
<body><ul id="list"></ul><div id="map"></div><script src="/__bench/leaflet.js"></script><script>
const map = L.map('map').setView([52.258, 6.18], 13);
fetch('/api/areas').then((r) => r.json()).then((fc) => {
  L.geoJSON(fc, { style: { color: '#154273', weight: 2 } }).addTo(map);
  document.getElementById('list').innerHTML = fc.features.map((f) => '<li class="area-item"><b>' + f.properties.name + '</b></li>').join('');
});
</script></body></html>`;
  const out: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(PROBE);
    await context.route(`${base}/__bench/**`, (route) => {
      const u = route.request().url();
      if (u.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: leafletJs });
      if (u.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: leafletCss });
      return route.fulfill({ contentType: 'text/html', body: html });
    });
    const page = await throttled(context);
    out.push(await sampleOnce(page, `${base}/__bench/leaflet.html`));
    await context.close();
  }
  return out;
}

/** A municipality file with `n` small areas around Deventer, in a GEO_DIR of its own. */
function geoDirWithAreas(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-bench-geo-'));
  const m = JSON.parse(fs.readFileSync('geo/deventer.municipality.json', 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(dir, 'deventer.municipality.json'), JSON.stringify({ ...m, areasFile: 'deventer.geojson' }));
  const kinds = ['centre', 'shopping_centre', 'street', 'village_core'];
  const statuses = ['certified', 'participating', 'not_on_map'];
  const features = Array.from({ length: n }, (_, i) => {
    const lon = 6.17 + (i % 20) * 0.0065;
    const lat = 52.245 + Math.floor(i / 20) * 0.004;
    const ring = Array.from({ length: 24 }, (_, k) => [lon + 0.0025 * Math.cos((k / 24) * 2 * Math.PI), lat + 0.0015 * Math.sin((k / 24) * 2 * Math.PI)]);
    ring.push(ring[0]!);
    return { type: 'Feature', properties: { id: `gebied-${i + 1}`, name: `Gebied ${i + 1}`, kind: kinds[i % 4], kvoStatus: statuses[i % 3], source: 'bench' }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  fs.writeFileSync(path.join(dir, 'deventer.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  return dir;
}

function summary(samples: Sample[], key: 'lcp' | 'areaList') {
  const xs = samples.map((s) => s[key]).filter(Number.isFinite);
  return { p50: Math.round(percentile(xs, 0.5)), p95: Math.round(percentile(xs, 0.95)), samples: xs.map(Math.round) };
}

/** The median of each timeline mark over the samples (ms since navigation). */
function timelineP50(samples: Sample[]): Record<string, number> {
  const keys = Object.keys(samples[0]?.timeline ?? {}) as (keyof Sample['timeline'])[];
  return Object.fromEntries(keys.map((k) => [k, Math.round(percentile(samples.map((s) => s.timeline[k]).filter(Number.isFinite), 0.5))]));
}

async function onServer(browser: Browser, server: AppServer, label: string): Promise<Measurement[]> {
  const { cold, warm } = await appSamples(browser, server.base);
  const plain = await leafletSamples(browser, server.base);
  const base = { lcp: summary(plain, 'lcp'), list: summary(plain, 'areaList') };
  const scripts = cold[0]!.scripts;
  const out: Measurement[] = [];
  out.push({
    name: `first screen: JavaScript loaded before the area list and the map's areas show, cold (${label}, gzip)`,
    value: gzipKB(scripts),
    unit: 'KB',
    budget: 250,
    detail: { files: new Set(scripts).size, scripts: [...new Set(scripts)].map((u) => new URL(u).pathname), perSampleFiles: cold.map((s) => new Set(s.scripts).size) },
  });
  // Compressed answers (gzip or brotli) for JS, CSS and JSON: a first visit's answers over 1 KB that came plain.
  const answers = cold[0]!.answers;
  const plainAnswers = answers.filter((a) => a.encoding === 'none' && a.wire > 1024);
  out.push({
    name: `first screen: JS, CSS and JSON answers over 1 KB sent uncompressed, cold (${label})`,
    value: plainAnswers.length,
    unit: 'answers',
    budget: 0,
    detail: {
      answers: answers.length,
      wireKB: Math.round(answers.reduce((n, a) => n + a.wire, 0) / 1024),
      encodings: [...new Set(answers.map((a) => a.encoding))],
      plain: plainAnswers.map((a) => a.path),
    },
  });
  for (const [which, samples, lcpBudget, listBudget] of [['warm', warm, 1500, 1000], ['cold', cold, undefined, 2000]] as const) {
    const lcp = summary(samples, 'lcp');
    const list = summary(samples, 'areaList');
    out.push({
      name: `first screen: LCP p95, ${which}, 4× CPU throttle (${label}, ${SAMPLES} samples)`,
      value: lcp.p95,
      unit: 'ms',
      ...(lcpBudget ? { budget: lcpBudget } : {}),
      baseline: { name: 'plain Leaflet page drawing the same areas, cold, p95', value: base.lcp.p95 },
      detail: { p50: lcp.p50, samples: lcp.samples, baselineP50: base.lcp.p50 },
    });
    out.push({
      name: `first screen: area list visible p95, ${which}, 4× CPU throttle (${label}, ${SAMPLES} samples)`,
      value: list.p95,
      unit: 'ms',
      budget: listBudget,
      baseline: { name: 'plain Leaflet page listing the same areas, cold, p95', value: base.list.p95 },
      detail: { p50: list.p50, samples: list.samples, baselineP50: base.list.p50, timelineP50: timelineP50(samples) },
    });
  }
  return out;
}

export async function firstScreenBenchmarks(exe: string | null): Promise<Measurement[]> {
  if (!exe) return [];
  const out: Measurement[] = [];
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    // BENCH_FIRST_SCREEN_AREAS=16 (or 200) runs one of the two (tests/bench/firstScreenOnly.ts).
    const only = process.env.BENCH_FIRST_SCREEN_AREAS;
    const sets = [['16 areas', () => null], ['200 areas', () => geoDirWithAreas(200)]] as const;
    for (const [label, makeDir] of sets.filter(([l]) => !only || l === `${only} areas`)) {
      const geoDir = makeDir();
      const server = await startAppServer(geoDir ? { GEO_DIR: geoDir } : {});
      try {
        out.push(...(await onServer(browser, server, label)));
      } finally {
        await server.stop();
        if (geoDir) fs.rmSync(geoDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}
