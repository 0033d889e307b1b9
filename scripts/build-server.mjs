// Compiles the server (and its command-line tools) into dist-server/, so that `npm start` runs plain
// node: our code bundled per entry, every npm package left to node_modules, the SQL migrations beside.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src/server');
const out = path.join(root, 'dist-server');

// Worker threads run a file of their own: every `*.worker.ts` under src/server is an entry too.
const workers = fs
  .readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.worker.ts'))
  .map((f) => path.join(src, f));

fs.rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [path.join(src, 'main.ts'), path.join(src, 'ops/backupCli.ts'), ...workers],
  outdir: out,
  outbase: src,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
fs.cpSync(path.join(src, 'migrations'), path.join(out, 'migrations'), { recursive: true });
// Data files the server reads at run time (next to the code that reads them).
for (const f of fs.readdirSync(src, { recursive: true }).map(String)) {
  if (/\.(txt|json)$/.test(f) && !f.includes('node_modules')) {
    fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    fs.copyFileSync(path.join(src, f), path.join(out, f));
  }
}
console.log(`server built into ${path.relative(process.cwd(), out) || out}`);
