// The load run alone (it is also part of `npm run bench`): `npm run build:server && npx tsx tests/bench/loadRun.ts`.
// BENCH_LOAD_DEVICES, BENCH_LOAD_FINDINGS, BENCH_LOAD_SYNC_EVERY and BENCH_LOAD_SECONDS change it.
import fs from 'node:fs';
import { tempDir, writeStaticDir } from '../support/fixtures';
import { describeTryAgain, loadBenchmarks, loadSettings } from './load';

const statics = tempDir('schouwkaart-load-static-');
writeStaticDir(statics.dir);
try {
  const { measurements, runs } = await loadBenchmarks(loadSettings(), { staticDir: statics.dir });
  fs.writeFileSync('bench-report-load.json', JSON.stringify({ at: new Date().toISOString(), measurements, runs }, null, 2));
  for (const m of measurements) {
    const base = m.baseline ? `; 1 instance ${m.baseline.value}, ratio ${m.baseline.value ? (m.value / m.baseline.value).toFixed(2) : '—'}` : '';
    console.log(`${m.name}: ${m.value} ${m.unit}${base}`);
  }
  for (const r of runs) console.log(describeTryAgain(r));
  console.log('Report written to bench-report-load.json');
} finally {
  statics.remove();
}
