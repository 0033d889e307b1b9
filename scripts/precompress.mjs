// After `vite build`: a .br and a .gz copy next to every compressible file of dist (JS, CSS, HTML,
// SVG, JSON, the web manifest), served by @fastify/static's `preCompressed` to browsers that accept
// them (SPEC.md R24). Maximum compression: this runs once per build, not per request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (compressible.test(e.name)) yield p;
  }
}

let count = 0;
for (const file of files(dist)) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 1024) continue;
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  count++;
}
console.log(`precompress: ${count} files in ${path.relative(process.cwd(), dist) || '.'} with .br and .gz copies`);
