/** The bench's server helper: after stop, nothing it started is left running (issue 17). */
import { afterAll, describe, expect, it } from 'vitest';
import { childrenLeft, childrenOf, groupAlive, processAlive, startAppServer } from './appServer';
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
});
