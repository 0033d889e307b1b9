// Maps with many findings, measured the way a person uses them (issue 13): N findings stored in the
// app's IndexedDB in real Chromium, the real follow-up screen and the real walk screen opened, then
// panned (`map.panBy`, animated) and zoomed (`flyTo`) through Leaflet itself while requestAnimationFrame
// records the frame times (mapPages.ts `gesture`). Per view: first draw (navigation start to the first
// frame after the findings went to the map's canvas, for app and baselines alike), p50/p95/max frame
// and the number of long frames (> 50 ms), DOM nodes and JS heap after a garbage collection; median of
// SAMPLES page loads. In the same run the same points on a plain Leaflet page (one canvas circleMarker
// each) and on a supercluster layer, with the ratios. Reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, startAppServer } from './appServer';
// @ts-expect-error plain JS helper shared with the e2e tests
import { startTileServer } from '../e2e/tileServer.mjs';
import { firstDraw, gesture, routeBaselines, seedFindings } from './mapPages';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  baseline?: { name: string; value: number };
  detail?: Record<string, unknown>;
}

interface Sample {
  firstDrawMs: number;
  p95FrameMs: number;
  medianFrameMs: number;
  maxFrameMs: number;
  longFrames: number;
  domNodes: number;
  heapMB: number;
  findingsDrawn: number;
  /** The app only: when the spatial index started (findings loaded and the screen rendered) and its build time. */
  dataReadyMs: number;
  indexMs: number;
  /** The app only: when the map index read started (app start ends here) and how long it took. */
  readStartMs: number;
  readMs: number;
  /** The app only: when the list beside the map had its rows (ms since navigation start); NaN for baselines. */
  listReadyMs: number;
}

const SAMPLES = Number(process.env.BENCH_MAP_SAMPLES ?? 5);
const SIZES = (process.env.BENCH_MAP_SIZES ?? '10000,50000').split(',').map(Number);
const VIEWPORT = { width: 1180, height: 820 };
/** Which app views to measure (the baselines always run, for the ratios): BENCH_MAP_VIEWS=walk for the walk alone. */
const VIEWS = new Set((process.env.BENCH_MAP_VIEWS ?? 'followup,walk').split(',').map((v) => v.trim()));

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))]!;
};
const round1 = (v: number) => Math.round(v * 10) / 10;

const LONG_FRAME_MS = 50;

/** How a view says its list is there: the pan starts only then, so it measures panning, not reading. */
type ListReady = ((page: Page) => Promise<void>) | null;

async function measureOnce(page: Page, open: () => Promise<void>, listReady: ListReady): Promise<Sample> {
  await open();
  const drawn = await firstDraw(page);
  let listReadyMs = NaN;
  if (listReady) {
    await listReady(page);
    listReadyMs = (await page.evaluate('performance.now()')) as number;
  }
  await page.waitForTimeout(300);
  const frames = await gesture(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const domNodes = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
  return {
    firstDrawMs: drawn.at,
    p95FrameMs: pct(frames, 0.95),
    medianFrameMs: pct(frames, 0.5),
    maxFrameMs: Math.max(...frames),
    longFrames: frames.filter((f) => f > LONG_FRAME_MS).length,
    domNodes,
    heapMB: heap.usedSize / 2 ** 20,
    findingsDrawn: drawn.findings,
    dataReadyMs: drawn.indexStart,
    indexMs: drawn.indexMs,
    listReadyMs,
    readStartMs: drawn.readStart,
    readMs: drawn.readMs,
  };
}

function medianOf(samples: Sample[]): Sample & { frames: number[]; firstDraws: number[] } {
  const m = (k: keyof Sample) => round1(pct(samples.map((s) => s[k]), 0.5));
  return {
    firstDrawMs: m('firstDrawMs'),
    p95FrameMs: m('p95FrameMs'),
    medianFrameMs: m('medianFrameMs'),
    maxFrameMs: m('maxFrameMs'),
    longFrames: m('longFrames'),
    domNodes: m('domNodes'),
    heapMB: m('heapMB'),
    findingsDrawn: m('findingsDrawn'),
    dataReadyMs: m('dataReadyMs'),
    indexMs: m('indexMs'),
    listReadyMs: m('listReadyMs'),
    readStartMs: m('readStartMs'),
    readMs: m('readMs'),
    frames: samples.map((s) => round1(s.p95FrameMs)),
    firstDraws: samples.map((s) => Math.round(s.firstDrawMs)),
  };
}

async function sampleView(browser: Browser, prepare: (page: Page) => Promise<() => Promise<void>>, listReady: ListReady = null) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL', geolocation: { latitude: 52.2525, longitude: 6.159, accuracy: 5 }, permissions: ['geolocation'] });
  try {
    const page = await context.newPage();
    const open = await prepare(page);
    const samples: Sample[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(await measureOnce(page, open, listReady));
    return medianOf(samples);
  } finally {
    await context.close();
  }
}

/** Opens the app once and stores the findings (each browser context has its own IndexedDB). */
async function prepareApp(page: Page, base: string, n: number): Promise<void> {
  // The app opens its database on demand (not on a first visit's map screen): the follow-up screen
  // opens it, so its stores exist before the seed writes into them.
  await page.goto(`${base}/opvolging`);
  await page.locator('.fu-side').waitFor({ timeout: 300_000 });
  await seedFindings(page, n);
  // One open of the screen after the seed, so the measured loads all find the same warm device.
  await page.goto(`${base}/opvolging`);
  await firstDraw(page);
}

/** Starts a walk in Binnenstad, whose earlier open findings are the stored ones; returns its URL. */
async function startWalk(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/schouw`);
  await page.locator('#plan-area').selectOption({ label: 'Binnenstad' });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  // With 50,000 findings on a loaded machine the device database may still be busy with the follow-up
  // screen's reads (the app waits for it; it no longer refuses a plan made while starting).
  await page.getByRole('button', { name: 'Start schouw Binnenstad' }).click({ timeout: 600_000 });
  // The offer to download the area's map first (the bench has no tile server): not now.
  await page.getByRole('button', { name: 'Niet nu' }).click({ timeout: 5000 }).catch(() => undefined);
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).waitFor({ timeout: 600_000 });
  return page.url();
}

type Result = ReturnType<typeof medianOf>;
type Compared = 'firstDrawMs' | 'p95FrameMs' | 'longFrames' | 'maxFrameMs';
const PLAIN = 'plain Leaflet canvas circleMarkers';
const CLUSTER = 'supercluster layer';

/** value / baseline, or null where the baseline is 0 (no long frame there: a ratio says nothing). */
const ratio = (v: number, b: number) => (b > 0 ? round1(v / b) : null);
const ratioText = (v: number, b: number) => (b > 0 ? `${round1(v / b)}` : v === 0 ? '=' : `${v} vs 0`);

function viewMeasurements(view: string, n: number, r: Result, plain?: Result, cluster?: Result): Measurement[] {
  const label = `${view}, ${n.toLocaleString('en')} findings`;
  const ratios = (k: Compared) => (plain && cluster ? { vsPlainCanvas: ratio(r[k], plain[k]), vsSupercluster: ratio(r[k], cluster[k]), plainCanvas: plain[k], supercluster: cluster[k] } : {});
  const base = (k: Compared) => (plain ? { baseline: { name: `${PLAIN}, ${n.toLocaleString('en')} points`, value: plain[k] } } : {});
  const budget = (b: number) => (view.startsWith('baseline') ? {} : { budget: b });
  const frames = { samples: r.frames, medianFrameMs: r.medianFrameMs, maxFrameMs: r.maxFrameMs, longFrames: r.longFrames };
  return [
    { name: `first draw: ${label} (median of ${SAMPLES})`, value: r.firstDrawMs, unit: 'ms', ...budget(500), ...base('firstDrawMs'), detail: { samples: r.firstDraws, findingsOnMap: r.findingsDrawn, indexStartMs: r.dataReadyMs, indexBuildMs: r.indexMs, mapIndexReadStartMs: r.readStartMs, mapIndexReadMs: r.readMs, listReadyMs: r.listReadyMs, ...ratios('firstDrawMs') } },
    { name: `pan/zoom frame p95 over all frames: ${label} (median of ${SAMPLES})`, value: r.p95FrameMs, unit: 'ms', ...budget(50), ...base('p95FrameMs'), detail: { ...frames, ...ratios('p95FrameMs') } },
    { name: `pan/zoom long frames (> ${LONG_FRAME_MS} ms): ${label} (median of ${SAMPLES})`, value: r.longFrames, unit: 'frames', ...base('longFrames'), detail: ratios('longFrames') },
    { name: `pan/zoom longest frame: ${label} (median of ${SAMPLES})`, value: r.maxFrameMs, unit: 'ms', ...base('maxFrameMs'), detail: ratios('maxFrameMs') },
    ...(Number.isFinite(r.listReadyMs) ? [{ name: `list beside the map filled: ${label} (median of ${SAMPLES}, ms since navigation start)`, value: r.listReadyMs, unit: 'ms' }] : []),
    { name: `DOM nodes: ${label}`, value: r.domNodes, unit: 'nodes', ...budget(3000) },
    { name: `JS heap after GC: ${label}`, value: r.heapMB, unit: 'MB', ...budget(80) },
  ];
}

/** The list beside the follow-up map has its first row (not the 'loading' line). */
const followupListReady: ListReady = async (page) => {
  await page.locator('.fu-side [role="row"][aria-rowindex="2"]').first().waitFor({ timeout: 600_000 });
};
/** The walk's list of earlier open findings is there. */
const walkListReady: ListReady = async (page) => {
  await page.locator('#previous-title').waitFor({ timeout: 600_000 });
};

export async function mapFrameBenchmarks(exe: string | null): Promise<Measurement[]> {
  if (!exe) return [];
  const out: Measurement[] = [];
  const loadStart = fs.readFileSync('/proc/loadavg', 'utf8').trim();
  const table: string[] = [
    'view | findings | first draw ms | list ms | frame p50 / p95 / max ms | long frames | DOM nodes | heap MB | vs plain canvas: first draw, p95, long, max | vs supercluster: first draw, p95, long, max',
  ];
  // One local tile server for the app and both baselines: a person has a basemap, and every view pays for
  // the same tiles (an unreachable tile server made only the app views handle a failing tile per frame).
  const tilePort = await freePort();
  const tiles = (await startTileServer(tilePort)) as import('node:http').Server;
  const tileUrl = `http://127.0.0.1:${tilePort}/tiles/brt/{z}/{x}/{y}.png`;
  for (const n of SIZES) {
    const server = await startAppServer({ TILE_URL_BRT: tileUrl, TILE_URL_BRT_GREY: tileUrl.replace('/brt/', '/grey/') });
    const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
    try {
      const plain = await sampleView(browser, async (page) => {
        const urls = await routeBaselines(page, n, tileUrl);
        return async () => void (await page.goto(urls.plain));
      });
      const cluster = await sampleView(browser, async (page) => {
        const urls = await routeBaselines(page, n, tileUrl);
        return async () => void (await page.goto(urls.cluster));
      });
      const followup = !VIEWS.has('followup')
        ? null
        : await sampleView(
            browser,
            async (page) => {
              await prepareApp(page, server.base, n);
              return async () => void (await page.goto(`${server.base}/opvolging`));
            },
            followupListReady,
          );
      const walk = !VIEWS.has('walk')
        ? null
        : await sampleView(
            browser,
            async (page) => {
              await prepareApp(page, server.base, n);
              const walkUrl = await startWalk(page, server.base);
              return async () => void (await page.goto(walkUrl));
            },
            walkListReady,
          );
      const views: [string, ReturnType<typeof medianOf>][] = [
        ...(followup ? [['follow-up map + list', followup] as [string, Result]] : []),
        ...(walk ? [['walk map', walk] as [string, Result]] : []),
        [`baseline: ${PLAIN}`, plain],
        [`baseline: ${CLUSTER}`, cluster],
      ];
      for (const [view, r] of views) {
        const isApp = !view.startsWith('baseline');
        out.push(...viewMeasurements(view, n, r, isApp ? plain : undefined, isApp ? cluster : undefined));
        const vs = (b: Result) =>
          (['firstDrawMs', 'p95FrameMs', 'longFrames', 'maxFrameMs'] as const).map((k) => ratioText(r[k], b[k])).join(', ');
        table.push(
          [
            view,
            n,
            Math.round(r.firstDrawMs),
            Number.isFinite(r.listReadyMs) ? Math.round(r.listReadyMs) : '-',
            `${r.medianFrameMs} / ${r.p95FrameMs} / ${r.maxFrameMs}`,
            r.longFrames,
            r.domNodes,
            r.heapMB,
            vs(plain),
            vs(cluster),
          ].join(' | '),
        );
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  }
  await new Promise((resolve) => tiles.close(resolve));
  const load = fs.readFileSync('/proc/loadavg', 'utf8').trim();
  console.log(`${table.join('\n')}\nload average at the start: ${loadStart}; at the end: ${load} (${os.cpus().length} cores, shared)`);
  out.push({ name: 'map bench: load average at the end (1, 5, 15 min)', value: Number(load.split(' ')[0]), unit: 'load', detail: { atStart: loadStart, atEnd: load, cpus: os.cpus().length } });
  return out;
}

// `tsx tests/bench/mapFrames.ts` runs this part alone (after `npm run build`).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('tests/bench/mapFrames.ts')) {
  // @ts-expect-error plain JS helper shared with the e2e runner
  const { findChromium } = (await import('../e2e/findChromium.mjs')) as { findChromium: () => Promise<string | null> };
  const results = await mapFrameBenchmarks(await findChromium());
  // Merged into bench-report.json: this part's figures replace their earlier versions, the rest stays.
  const file = 'bench-report.json';
  const old = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: Measurement[] }) : {};
  const names = new Set(results.map((r) => r.name));
  const merged = { ...old, at: new Date().toISOString(), results: [...(old.results ?? []).filter((r) => !names.has(r.name)), ...results] };
  fs.writeFileSync(file, JSON.stringify(merged, null, 2));
  console.log(`Map figures written to ${file}`);
}
