// Only the pull in Chromium, for working on it: PULL_SIZES=1000,10000 PULL_DB=pglite npx tsx tests/bench/pullOnly.ts
import { pullInBrowserBenchmarks } from './pullBrowser';
// @ts-expect-error plain JS helper shared with the e2e runner
import { findChromium } from '../e2e/findChromium.mjs';

for (const m of await pullInBrowserBenchmarks((await findChromium()) as string | null)) {
  console.log(JSON.stringify(m));
}
