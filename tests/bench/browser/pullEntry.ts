// Bundled by tests/bench/pullBrowser.ts and run in real Chromium: the app's own sync engine and Dexie
// on the browser's IndexedDB, against the bench's server on the same origin.
import Dexie from 'dexie';
import { openDb } from '../../../src/storage/db';
import { SyncEngine } from '../../../src/sync/engine';

declare global {
  interface Window {
    benchPull: (limit?: number) => Promise<{ ms: number; findings: number; events: number; state: string }>;
    benchRawFetch: (limit: number) => Promise<{ ms: number; pages: number; bytes: number }>;
  }
}

window.benchPull = async (limit) => {
  const name = `bench-pull-${crypto.randomUUID()}`;
  const db = openDb(name);
  await db.open();
  const engine = new SyncEngine({ db, clientId: async () => crypto.randomUUID(), isOnline: () => true, ...(limit ? { pullLimit: limit } : {}) });
  const t0 = performance.now();
  await engine.syncNow();
  const ms = performance.now() - t0;
  const out = { ms, findings: await db.findings.count(), events: await db.findingEvents.count(), state: engine.getStatus().state };
  db.close();
  await Dexie.delete(name);
  return out;
};

// The baseline: the same pages the engine asks for (R39 `fold=created`), fetched and decoded one after
// the other, nothing checked or stored.
window.benchRawFetch = async (limit) => {
  const t0 = performance.now();
  let pages = 0;
  let bytes = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const res: Response = await fetch(`/api/sync/pull?since=0&limit=${limit}&fold=created${cursor ? `&cursor=${cursor}` : ''}`);
    const text: string = await res.text();
    bytes += text.length;
    cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor;
    pages++;
  }
  return { ms: performance.now() - t0, pages, bytes };
};
