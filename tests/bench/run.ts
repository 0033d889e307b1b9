// npm run bench: measures what DESIGN.md budgets and writes bench-report.json. Never asserts times;
// a budget that is missed is reported, not failed.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { planPack } from '../../src/features/offline/planPack';
import { areaFeatureSchema } from '../../src/domain/area';
import { shopBenchmarks } from './shops';
import { schouwBenchmarks } from './schouw';
import { syncBenchmarks } from './sync';
import { mapFrameBenchmarks } from './mapFrames';
import { photoBenchmarks } from './photos';
// @ts-expect-error plain JS helper shared with the e2e runner
import { findChromium } from '../e2e/findChromium.mjs';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  withinBudget?: boolean;
  detail?: Record<string, unknown>;
}
const results: Measurement[] = [];
function record(m: Measurement) {
  if (m.budget !== undefined) m.withinBudget = m.value <= m.budget;
  results.push(m);
}

function firstScreenJsGzip(): Measurement {
  const dist = path.resolve('dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]!);
  let total = 0;
  const files: Record<string, number> = {};
  for (const src of new Set(srcs)) {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dist, src.replace(/^\//, '')))).length;
    files[src] = gz;
    total += gz;
  }
  return { name: 'first-screen JavaScript (gzip)', value: Math.round(total / 1024), unit: 'KB', budget: 250, detail: files };
}

function tilePackPlanning(): Measurement {
  const geo = JSON.parse(fs.readFileSync('geo/deventer.geojson', 'utf8')) as { features: unknown[] };
  const areas = geo.features.map((f) => areaFeatureSchema.parse(f));
  let largest = { name: '', tiles: 0 };
  const t0 = performance.now();
  const runs = 50;
  for (let i = 0; i < runs; i++) {
    for (const a of areas) {
      const plan = planPack(a);
      if (plan.tileCount > largest.tiles) largest = { name: a.properties.name, tiles: plan.tileCount };
    }
  }
  const perAll = (performance.now() - t0) / runs;
  const t1 = performance.now();
  const big = areas.find((a) => a.properties.name === largest.name)!;
  for (let i = 0; i < runs; i++) planPack(big);
  const perLargest = (performance.now() - t1) / runs;
  return {
    name: 'tile-pack planning, largest area (z13-19)',
    value: Number(perLargest.toFixed(3)),
    unit: 'ms',
    detail: { area: largest.name, tiles: largest.tiles, allAreasMs: Number(perAll.toFixed(3)) },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function lcpOfMap(): Promise<Measurement> {
  const exe = (await findChromium()) as string | null;
  if (!exe) return { name: 'LCP, map with areas (warm cache)', value: NaN, unit: 'ms', budget: 1500, detail: { error: 'no Chromium' } };
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-bench-'));
  const server = spawn('npx', ['tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, TILE_URL_BRT: 'http://127.0.0.1:9/none/{z}/{x}/{y}.png' },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    const url = `http://localhost:${port}/`;
    await page.goto(url);
    await page.waitForSelector('.leaflet-overlay-pane path', { state: 'attached' });
    const samples: number[] = [];
    const drawn: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(url);
      await page.waitForSelector('.leaflet-overlay-pane path', { state: 'attached' });
      drawn.push(await page.evaluate(() => performance.now()));
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]!.startTime);
            }).observe({ type: 'largest-contentful-paint', buffered: true });
            setTimeout(() => resolve(NaN), 3000);
          }),
      );
      samples.push(lcp);
    }
    await browser.close();
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    return {
      name: 'LCP, map with areas (warm cache, local server)',
      value: Math.round(median),
      unit: 'ms',
      budget: 1500,
      detail: { samples: samples.map(Math.round), areasDrawnAtMs: drawn.map(Math.round) },
    };
  } finally {
    server.kill('SIGTERM');
  }
}

record(firstScreenJsGzip());
record(tilePackPlanning());
for (const m of shopBenchmarks()) record(m);
record(await lcpOfMap());
for (const m of await schouwBenchmarks((await findChromium()) as string | null)) record(m);
for (const m of await syncBenchmarks()) record(m);
for (const m of await mapFrameBenchmarks((await findChromium()) as string | null)) record(m);
for (const m of await photoBenchmarks((await findChromium()) as string | null)) record(m);

const report = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results };
fs.writeFileSync('bench-report.json', JSON.stringify(report, null, 2));
for (const r of results) {
  const budget = r.budget !== undefined ? ` (budget ${r.budget} ${r.unit}: ${r.withinBudget ? 'within' : 'OVER'})` : '';
  console.log(`${r.name}: ${r.value} ${r.unit}${budget}`);
}
console.log('Report written to bench-report.json');
