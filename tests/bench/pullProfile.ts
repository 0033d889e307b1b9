// Profiling aid: where a pull's time goes in Chromium, stage by stage (not part of npm run bench).
// PULL_SIZES=10000 npx tsx tests/bench/pullProfile.ts   (MODE=count: IndexedDB requests per pulled finding)
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/server/auth/cookies';
import { startSyncServer } from '../support/syncServer';
import { freshPglite } from '../support/pglite';
import { seedFindings } from './pullSeed';
// @ts-expect-error plain JS helper shared with the e2e runner
import { findChromium } from '../e2e/findChromium.mjs';

const n = Number(process.env.PULL_SIZES ?? 10000);
const limit = Number(process.env.PULL_LIMIT ?? 2000);
const script = (await build({ entryPoints: ['tests/bench/browser/pullProfileEntry.ts'], bundle: true, format: 'esm', target: 'es2022', write: false, minify: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent' })).outputFiles[0]!.text;
const executor = await freshPglite();
const server = await startSyncServer(executor);
let serverMs = 0;
server.app.server.on('request', (req, res) => {
  const t0 = performance.now();
  if (req.url?.startsWith('/api/sync/pull')) res.on('finish', () => (serverMs += performance.now() - t0));
});
await server.app.listen({ port: 0, host: '127.0.0.1' });
const addr = server.app.server.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
const user = await server.user(['coordinator', 'schouwer']);
await seedFindings(server, executor, user, n, 0);
const browser = await chromium.launch({ executablePath: (await findChromium()) as string, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: user.headers.cookie!.split('=')[1]!, url: base }]);
  const page = await context.newPage();
  await page.route(`${base}/__bench/**`, (route) =>
    route.request().url().endsWith('.js') ? route.fulfill({ contentType: 'text/javascript', body: script }) : route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/__bench/p.js"></script>' }),
  );
  await page.goto(`${base}/__bench/p.html`);
  await page.waitForFunction(() => typeof window.benchProfile === 'function');
  if (process.env.MODE === 'count') {
    // MODE=count: IndexedDB requests of one pull with the app's engine, in total and per finding.
    const r = await page.evaluate((l) => window.benchCount(l), limit);
    const perFinding = Object.fromEntries(Object.entries(r.counts).map(([k, v]) => [k, Number((v / Math.max(1, r.findings)).toFixed(3))]));
    console.log(JSON.stringify({ n, limit, ...r, perFinding }, null, 1));
  }
  if (process.env.MODE === 'floor') {
    // MODE=floor: raw IndexedDB puts (one record per finding, with and without indexes, and rows of 500) beside the app's apply.
    for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) {
      const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      console.log(JSON.stringify({ n, limit, load, ...(await page.evaluate((l) => window.benchFloor(l), limit)) }));
    }
  }
  for (let i = 0; i < (process.env.MODE === 'count' || process.env.MODE === 'floor' ? 0 : Number(process.env.RUNS ?? 3)); i++) {
    serverMs = 0;
    const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const r = await page.evaluate(([l, f, m]) => window.benchProfile(l, f, m), [limit, process.env.FOLD !== '0', process.env.MODE ?? ''] as [number, boolean, string]);
    console.log(JSON.stringify({ n, limit, load, serverMs: Math.round(serverMs), ...r }));
  }
} finally {
  await browser.close();
  await server.close();
}
