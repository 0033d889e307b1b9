/**
 * A process manager that runs the server through npm (`npm start`, `npm run serve`) stops it by sending
 * SIGTERM to the npm process. npm passes the signal to its child; without `exec` in the script that child
 * is a shell that dies on it and leaves the server running, orphaned, on its port. With `exec` the server
 * itself gets the signal, drains and exits 0, and so does npm.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/serverProcess';
import { tempDir, writeStaticDir } from '../support/fixtures';

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

// A real server process (PGlite's first start runs initdb under WASM): slow on a busy machine, as in main.test.ts.
describe('npm run serve under a process manager', { timeout: 240_000 }, () => {
  const tmp = tempDir('schouwkaart-npm-serve-');
  let groupId: number | undefined;
  afterAll(() => {
    // Clean-up after a failure: the whole process group, by its id (an orphaned server included).
    if (groupId !== undefined) {
      try {
        process.kill(-groupId, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    tmp.remove();
  });

  it('SIGTERM to npm drains the server: it stops answering, prints its stop lines, and npm exits 0', async () => {
    const staticDir = path.join(tmp.dir, 'dist');
    writeStaticDir(staticDir);
    const port = await freePort();
    const child = spawn('npm', ['run', 'serve'], {
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', STATIC_DIR: staticDir, DATA_DIR: path.join(tmp.dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    groupId = child.pid;
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let gone = false;
    void exited.then(() => (gone = true));

    const health = `http://127.0.0.1:${port}/api/health`;
    while (!(await answers(health))) {
      if (gone) throw new Error(`npm run serve ended at start:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    process.kill(child.pid!, 'SIGTERM');
    expect(await exited, out).toBe(0);
    // The server has ended too (npm waits for it): its stop lines are out and the port is closed.
    expect(out).toContain('SIGTERM: shutting down');
    expect(out).toContain('Schouwkaart stopped');
    expect(await answers(health)).toBe(false);
  });

  it('npm start runs the same serve script the same way, after the build', () => {
    const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toBe('exec node dist-server/main.js');
    expect(scripts.start).toMatch(/^npm run build && exec npm run serve$/);
  });
});
