/**
 * `.ci/run` starts with scripts/check-node.sh: on a Node older than package.json's "engines" (issue 15)
 * it stops at once with one clear line, before it installs anything or runs a test. A `node` on PATH that
 * reports another version stands in for another installation; everything else it hands to the real node.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixtures';

describe('the Node version check of .ci/run', () => {
  const tmp = tempDir('schouwkaart-ci-node-');
  afterAll(() => tmp.remove());

  function checkWithNode(reported: string) {
    const bin = path.join(tmp.dir, reported);
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(
      path.join(bin, 'node'),
      `#!/usr/bin/env bash\nif [ "$1" = "-p" ] && [ "$2" = "process.versions.node" ]; then echo ${reported}; exit 0; fi\nexec "${process.execPath}" "$@"\n`,
      { mode: 0o755 },
    );
    return spawnSync('bash', ['scripts/check-node.sh'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  }

  it('checks the version package.json and the README name, first thing in .ci/run', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20.19');
    expect(fs.readFileSync('README.md', 'utf8')).toContain('Node.js 20.19 or newer');
    const ci = fs.readFileSync('.ci/run', 'utf8');
    expect(ci.indexOf('bash scripts/check-node.sh')).toBeGreaterThan(0);
    expect(ci.indexOf('bash scripts/check-node.sh')).toBeLessThan(ci.indexOf('apt-get'));
  });

  it.each(['18.20.4', '19.99.0', '20.9.0', '20.18.3'])('refuses Node %s with one line naming both versions', (reported) => {
    const r = checkWithNode(reported);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`Node.js 20.19 or newer is needed (package.json engines), this is ${reported}; install a newer Node and run .ci/run again.`);
    expect(r.stdout).toBe('');
  });

  it.each(['20.19.0', '20.20.2', '22.12.0', '24.0.0'])('lets Node %s through', (reported) => {
    const r = checkWithNode(reported);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`Node.js ${reported} (20.19 or newer needed)`);
  });
});
