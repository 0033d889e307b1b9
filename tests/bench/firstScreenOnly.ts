// Only the first screen, for working on it: BENCH_FIRST_SCREEN_SAMPLES=20 npx tsx tests/bench/firstScreenOnly.ts
// (needs `npm run build` first). Prints each figure with its baseline and ratio, and the load average.
import fs from 'node:fs';
import { firstScreenBenchmarks } from './firstScreen';
// @ts-expect-error plain JS helper shared with the e2e runner
import { findChromium } from '../e2e/findChromium.mjs';

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`load before: ${load()}`);
for (const m of await firstScreenBenchmarks((await findChromium()) as string | null)) {
  const ratio = m.baseline?.value ? ` ratio ${(m.value / m.baseline.value).toFixed(2)} of ${m.baseline.value}` : '';
  console.log(`${m.name}: ${m.value} ${m.unit}${m.budget !== undefined ? ` (budget ${m.budget})` : ''}${ratio} ${JSON.stringify(m.detail)}`);
}
console.log(`load after: ${load()}`);
