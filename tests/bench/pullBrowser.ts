// Pull as a device meets it: the app's own sync engine and Dexie in real Chromium (real IndexedDB),
// over loopback to the real server on PGlite (and PostgreSQL when TEST_DATABASE_URL is set), at 1k,
// 10k and 50k findings (each with its creation event). Baseline in the same run: the same pages
// fetched and decoded by plain fetch, nothing checked or stored (the server's and the network's share).
import fs from 'node:fs';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/server/auth/cookies';
import type { SqlExecutor } from '../../src/server/store/executor';
import { startSyncServer, type SyncServer } from '../support/syncServer';
import { freshPglite } from '../support/pglite';
import { seedFindings } from './pullSeed';
import type { Measurement } from './measurement';
import { median } from './measurement';
import { DEFAULT_PULL_LIMIT } from '../../src/sync/pull';

// PULL_SIZES=1000,10000 and PULL_DB=pglite|postgres narrow a run (tests/bench/pullOnly.ts).
const SIZES = (process.env.PULL_SIZES ?? '1000,10000,50000').split(',').map(Number);
const BUDGET: Record<number, number> = { 10_000: 2000, 50_000: 8000 };
const SAMPLES: Record<number, number> = { 1000: 5, 10_000: 3, 50_000: 2 };
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function bundle(): Promise<string> {
  const out = await build({ entryPoints: ['tests/bench/browser/pullEntry.ts'], bundle: true, format: 'esm', target: 'es2022', write: false, minify: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

async function benchPage(exe: string, base: string, cookie: string, script: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: base }]);
  const page = await context.newPage();
  // The bench page and its script come from the bench, on the server's origin (so cookies and paths hold).
  await page.route(`${base}/__bench/**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>pull bench</title><script type="module" src="/__bench/pull.js"></script>' }),
  );
  await page.goto(`${base}/__bench/pull.html`);
  await page.waitForFunction(() => typeof window.benchPull === 'function');
  return { page, close: () => browser.close() };
}

async function listen(server: SyncServer): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.app.server.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

async function onDatabase(label: string, exe: string, script: string, executor: SqlExecutor): Promise<Measurement[]> {
  const server = await startSyncServer(executor);
  const out: Measurement[] = [];
  try {
    const base = await listen(server);
    const user = await server.user(['coordinator', 'schouwer']);
    const cookie = user.headers.cookie!.split('=')[1]!;
    const { page, close } = await benchPage(exe, base, cookie, script);
    try {
      let seeded = 0;
      for (const n of SIZES) {
        await seedFindings(server, executor, user, n, seeded);
        seeded = n;
        const runs: { ms: number; findings: number; events: number; state: string }[] = [];
        const raw: { ms: number; pages: number; bytes: number }[] = [];
        const loadBefore = loadavg();
        for (let i = 0; i < (SAMPLES[n] ?? 2); i++) {
          raw.push(await page.evaluate((limit) => window.benchRawFetch(limit), DEFAULT_PULL_LIMIT));
          runs.push(await page.evaluate(() => window.benchPull()));
        }
        const ms = median(runs.map((r) => r.ms));
        const rawMs = median(raw.map((r) => r.ms));
        out.push({
          name: `sync: pull of ${n.toLocaleString('en')} findings in Chromium, app engine + IndexedDB (${label})`,
          value: Math.round(ms),
          unit: 'ms',
          ...(BUDGET[n] ? { budget: BUDGET[n] } : {}),
          baseline: { name: 'the same pages (fold=created) by plain fetch + JSON decode (server and HTTP share)', value: Math.round(rawMs) },
          detail: { samples: runs.map((r) => Math.round(r.ms)), onDevice: { findings: runs[0]!.findings, events: runs[0]!.events }, state: runs[0]!.state, pages: raw[0]!.pages, wireMB: Number((raw[0]!.bytes / 1e6).toFixed(1)), rawSamples: raw.map((r) => Math.round(r.ms)), loadavg: { before: loadBefore, after: loadavg() } },
        });
      }
    } finally {
      await close();
    }
  } finally {
    await server.close();
  }
  return out;
}

export async function pullInBrowserBenchmarks(exe: string | null): Promise<Measurement[]> {
  if (!exe) return [];
  const script = await bundle();
  const which = process.env.PULL_DB ?? 'both';
  const out = which === 'postgres' ? [] : await onDatabase('PGlite', exe, script, await freshPglite());
  const url = process.env.TEST_DATABASE_URL;
  if (url && which !== 'pglite') {
    const { openTestSchema } = await import('../support/postgres');
    const { PostgresExecutor } = await import('../../src/server/store/PostgresExecutor');
    const schema = await openTestSchema(url);
    try {
      out.push(...(await onDatabase('PostgreSQL', exe, script, await PostgresExecutor.open(url, { schema: schema.name, max: 4 }))));
    } finally {
      await schema.drop();
    }
  }
  return out;
}
