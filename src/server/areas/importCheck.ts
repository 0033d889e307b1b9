import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Area } from '../../domain/area';
import type { AreaGeometry } from '../../domain/geojson';
import type { ImportPreview } from './importAreas';
import { IMPORT_CHECK_TIMEOUT_MS } from './importLimits';

export interface ImportJob {
  input: unknown;
  raws: readonly unknown[];
  all: readonly { area: Area; retired: boolean }[];
  boundary: AreaGeometry;
  source: string;
}

/** The check took longer than its limit and was stopped. */
export class ImportCheckTimeout extends Error {}

/**
 * The worker's file: beside this module's source under tsx/vitest (run through tsx's loader), or in
 * dist-server/areas/ when compiled (this code is then bundled into dist-server/main.js or a tool below it).
 */
function workerFile(): { url: URL } | { script: string } {
  const here = import.meta.url;
  // Node 20 will not start a .ts worker even with tsx's loader flag: a small script registers tsx, then imports it.
  if (here.endsWith('.ts')) {
    const ts = new URL('./areaImport.worker.ts', here).href;
    return { script: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ts)}); })` };
  }
  for (const rel of ['./areas/areaImport.worker.js', '../areas/areaImport.worker.js', './areaImport.worker.js']) {
    const url = new URL(rel, here);
    if (fs.existsSync(fileURLToPath(url))) return { url };
  }
  throw new Error('areaImport.worker.js is missing beside the compiled server; run "npm run build"');
}

/** previewImport in a worker thread, stopped after `timeoutMs`. */
export function checkImportOffThread(job: ImportJob, timeoutMs = IMPORT_CHECK_TIMEOUT_MS): Promise<ImportPreview> {
  const where = workerFile();
  return new Promise((resolve, reject) => {
    const worker = 'url' in where ? new Worker(where.url, { workerData: job }) : new Worker(where.script, { eval: true, workerData: job });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new ImportCheckTimeout(`the check took longer than ${timeoutMs / 1000} s`))), timeoutMs);
    worker.once('message', (preview: ImportPreview) => finish(() => resolve(preview)));
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the import check stopped (exit ${code})`))));
  });
}
