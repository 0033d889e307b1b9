/**
 * The real server as its own process, compiled as `npm start` runs it (dist-server/main.js; the test
 * script builds it first), for tests that kill it: started in a process group of its own so that ending
 * the group leaves nothing behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly baseUrl: string;
  readonly pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  alive(): boolean;
  /** The exit code once it has ended (null while it runs, or when a signal ended it). */
  exitCode(): number | null;
  /** Ends the process group with this signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>, options: { port?: number } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['dist-server/main.js'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  let code: number | null = null;
  const exit = new Promise<void>((resolve) => child.once('exit', (c) => ((exited = true), (code = c), resolve())));
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = {
    baseUrl,
    pid: child.pid!,
    output: () => out,
    alive: () => !exited,
    exitCode: () => code,
    async stop(signal = 'SIGKILL') {
      if (exited) return;
      try {
        // SIGTERM to the server alone (it drains); SIGKILL to the whole group.
        process.kill(signal === 'SIGKILL' ? -child.pid! : child.pid!, signal);
      } catch {
        // Already gone.
      }
      await exit;
    },
  };
  for (let i = 0; i < 600; i++) {
    if (exited) throw new Error(`server exited at start:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return proc;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(`server did not become healthy:\n${out}`);
}
