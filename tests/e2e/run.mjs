// Runs the end-to-end suite: finds Chromium and free ports, then hands over to Playwright, which
// starts the local tile server and the real app server (PGlite in a fresh temp dir).
import { spawn } from 'node:child_process';
import net from 'node:net';
import { findChromium } from './findChromium.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const chromium = await findChromium();
if (!chromium) {
  console.error('No Chromium found: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  E2E_PORT: String(await freePort()),
  E2E_TILE_PORT: String(await freePort()),
  E2E_PDOK_PORT: String(await freePort()),
  E2E_SMTP_PORT: String(await freePort()),
  E2E_SMTP_HTTP_PORT: String(await freePort()),
  TZ: 'Europe/Amsterdam',
};
const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 1));
