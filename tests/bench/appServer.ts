// The real server (src/server/main.ts) as a separate process for the bench, started in its own process
// group so that stopping it ends everything it started (tsx's loader included), and checked: a bench
// run leaves no process behind.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface AppServer {
  base: string;
  port: number;
  /** The process id of the group leader (the group id is the same number). */
  pid: number;
  /** Ends the process group, waits until no member is left, removes the data directory. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Whether any process of this group is still there (signal 0 tests without sending). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether this one process is still there (signal 0 tests without sending). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Children of this process that were not in `before` and are still running: none after a clean stop. */
export function childrenLeft(before: ReadonlySet<number> = new Set()): number[] {
  return childrenOf(process.pid).filter((p) => !before.has(p) && processAlive(p));
}

/**
 * Whether a process is esbuild's long-lived service: tsx's loader and the bench's own bundling
 * (pullBrowser.ts) start one as a child of the bench, and it ends with the bench's process. It is the
 * bench's tooling, not something the bench started to measure, so the final check names it apart.
 */
export function isEsbuildService(pid: number): boolean {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((a) => /(^|\/)esbuild$/.test(a)) && args.some((a) => a.startsWith('--service'));
  } catch {
    return false;
  }
}

/** Process ids whose parent is `pid`, from ps. */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schouwkaart-bench-'));
  // node with tsx as a loader, not `npx tsx`: one process, and the one the group signal reaches.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, TILE_URL_BRT: 'http://127.0.0.1:9/none/{z}/{x}/{y}.png', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const pid = child.pid!;
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => void (stderr = (stderr + b.toString()).slice(-2000)));
  child.unref();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    for (const [signal, waitMs] of [['SIGTERM', 5000], ['SIGKILL', 5000]] as const) {
      if (!groupAlive(pid)) break;
      try {
        process.kill(-pid, signal);
      } catch {
        // gone between the check and the signal
      }
      for (let t = 0; t < waitMs && groupAlive(pid); t += 50) await sleep(50);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (groupAlive(pid)) throw new Error(`bench server group ${pid} is still running`);
  };
  for (let i = 0; i < 1200; i++) { // up to 5 min: tsx compiles the server first, slow on a loaded machine
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, port, pid, stop };
    if (child.exitCode !== null) break;
    await sleep(250);
  }
  await stop();
  throw new Error(`the bench server did not start on port ${port}: ${stderr.trim()}`);
}
