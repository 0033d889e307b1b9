// npm run bench: measures what DESIGN.md budgets and writes bench-report.json. Never asserts times;
// a budget that is missed is reported, not failed.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { planPack } from '../../src/features/offline/planPack';
import { areaFeatureSchema } from '../../src/domain/area';
import { shopBenchmarks } from './shops';
import { openDataBenchmarks } from './openData';
import { schouwBenchmarks } from './schouw';
import { syncBenchmarks } from './sync';
import { mapFrameBenchmarks } from './mapFrames';
import { photoBenchmarks } from './photos';
import { firstScreenBenchmarks } from './firstScreen';
import { pullInBrowserBenchmarks } from './pullBrowser';
import { describeTryAgain, loadBenchmarks } from './load';
import { canRunPrivatePostgres } from '../support/privatePostgres';
import { childrenLeft, isEsbuildService } from './appServer';
import type { Measurement } from './measurement';
// @ts-expect-error plain JS helper shared with the e2e runner
import { findChromium } from '../e2e/findChromium.mjs';

const results: Measurement[] = [];
function record(m: Measurement) {
  if (m.budget !== undefined) m.withinBudget = m.value <= m.budget;
  results.push(m);
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

const exe = (await findChromium()) as string | null;
// One module per screen or path a person waits on; each starts and stops its own servers (appServer.ts
// for the real server process). Map frames (mapFrames.ts) and photos add their own modules here.
record(tilePackPlanning());
for (const m of shopBenchmarks()) record(m);
for (const m of await openDataBenchmarks()) record(m);
for (const m of await firstScreenBenchmarks(exe)) record(m);
for (const m of await pullInBrowserBenchmarks(exe)) record(m);
for (const m of await schouwBenchmarks(exe)) record(m);
for (const m of await syncBenchmarks()) record(m);
for (const m of await mapFrameBenchmarks(exe)) record(m);
for (const m of await photoBenchmarks(exe)) record(m);
// Two instances against one on one PostgreSQL, N devices (BENCH_LOAD_DEVICES, _FINDINGS, _SECONDS),
// each run bounded in time; on a PostgreSQL cluster of its own, so only where its binaries are installed.
const loadLines: string[] = [];
if (canRunPrivatePostgres()) {
  const load = await loadBenchmarks();
  for (const m of load.measurements) record(m);
  loadLines.push(...load.runs.map(describeTryAgain));
} else {
  loadLines.push('load run skipped: PostgreSQL is not installed here (initdb/pg_ctl under /usr/lib/postgresql)');
}

// Nothing the bench started may outlive it: every server group was ended and checked by its module;
// here, no child process of the bench is left either.
// esbuild's service (tsx's loader, the pull bench's bundling) is the bench's own tooling and ends with it.
const children = childrenLeft();
const left = children.filter((p) => !isEsbuildService(p));
const tooling = children.filter((p) => isEsbuildService(p));
record({ name: 'bench: processes left running after the run', value: left.length, unit: 'processes', budget: 0, detail: { pids: left, esbuildServicesEndingWithTheBench: tooling } });

const report = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results };
fs.writeFileSync('bench-report.json', JSON.stringify(report, null, 2));
for (const r of results) {
  const budget = r.budget !== undefined ? ` (budget ${r.budget} ${r.unit}: ${r.withinBudget ? 'within' : 'OVER'})` : '';
  const base = r.baseline ? `; baseline ${r.baseline.value} ${r.unit} (${r.baseline.name}), ratio ${r.baseline.value ? (r.value / r.baseline.value).toFixed(2) : '—'}` : '';
  console.log(`${r.name}: ${r.value} ${r.unit}${budget}${base}`);
}
for (const line of loadLines) console.log(line);
console.log('Report written to bench-report.json');
