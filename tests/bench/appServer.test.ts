/** The bench's server helper: after stop, nothing it started is left running (issue 17). */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { build, stop as stopEsbuild } from 'esbuild';
import { childrenLeft, childrenOf, groupAlive, isEsbuildService, processAlive, startAppServer } from './appServer';
import { tempDir, writeStaticDir } from '../support/fixtures';

const statics = tempDir('schouwkaart-bench-static-');
writeStaticDir(statics.dir);
afterAll(() => statics.remove());

describe('bench app server', () => {
  it('serves, and after stop leaves no process of its group and no child of the bench', async () => {
    const before = new Set(childrenOf(process.pid));
    const server = await startAppServer({ STATIC_DIR: statics.dir });
    expect((await fetch(`${server.base}/api/health`)).ok).toBe(true);
    expect(groupAlive(server.pid)).toBe(true);
    const started = childrenOf(process.pid).filter((p) => !before.has(p));
    expect(started).toContain(server.pid);
    await server.stop();
    expect(groupAlive(server.pid)).toBe(false);
    expect(processAlive(server.pid)).toBe(false);
    expect(childrenLeft(before)).toEqual([]);
    await expect(fetch(`${server.base}/api/health`)).rejects.toThrow();
  });

  it('tells esbuild\'s service (the bench\'s bundler) apart from a process the bench left running', async () => {
    const before = new Set(childrenOf(process.pid));
    await build({ stdin: { contents: 'export const a = 1;' }, write: false, logLevel: 'silent' });
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    const started = childrenLeft(before);
    const left = started.filter((p) => !isEsbuildService(p));
    expect(left).toEqual([sleeper.pid]);
    expect(started.some((p) => isEsbuildService(p)) || [...before].some((p) => isEsbuildService(p))).toBe(true);
    sleeper.kill();
    await stopEsbuild();
  });
});
