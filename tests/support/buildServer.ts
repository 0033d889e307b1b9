// Vitest global setup: tests that start the server as a process run the compiled one (as `npm start`
// does), so it is compiled once before every run, also when a single test file is run.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'ignore' });
}
