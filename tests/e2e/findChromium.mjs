// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, a system one, or Playwright's own;
// installs Debian's when running as root with apt; otherwise says in one line how to get one.
import fs from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export async function findChromium() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    if (p && fs.existsSync(p)) return p;
  } catch {
    // Playwright has no browser of its own here; fall through.
  }
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian chromium with apt-get…');
    try {
      execSync('apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium', { stdio: 'inherit' });
      if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
    } catch {
      // Reported below.
    }
  }
  return null;
}
