// Profiling aid for the pull (not part of npm run bench): each stage of each page timed on its own,
// pages one after the other with no pipeline, so the stages do not overlap.
import Dexie from 'dexie';
import { openDb } from '../../../src/storage/db';
import { readPullPage } from '../../../src/sync/pullPage';
import { applyEvents, applyRecordVersions, syncTables } from '../../../src/sync/apply';

declare global {
  interface Window {
    benchProfile: (limit: number, fold: boolean, mode: string) => Promise<Record<string, number>>;
  }
}

window.benchProfile = async (limit, fold, mode) => {
  const name = `bench-prof-${crypto.randomUUID()}`;
  const db = openDb(name);
  await db.open();
  const t = { headers: 0, body: 0, parse: 0, check: 0, put: 0, commit: 0, pages: 0, bytes: 0, bulkGet: 0, outbox: 0, bulkPut: 0, total: 0 };
  const T0 = performance.now();
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    let a = performance.now();
    const res: Response = await fetch(`/api/sync/pull?since=0&limit=${limit}${fold ? '&fold=created' : ''}${cursor ? `&cursor=${cursor}` : ''}`);
    let b = performance.now(); t.headers += b - a; a = b;
    const text = await res.text();
    b = performance.now(); t.body += b - a; a = b;
    t.bytes += text.length;
    const raw = JSON.parse(text);
    b = performance.now(); t.parse += b - a; a = b;
    const page = readPullPage(raw);
    b = performance.now(); t.check += b - a; a = b;
    let inner = 0;
    await db.transaction('rw', syncTables(db), async () => {
      let c = performance.now();
      if (mode === 'split') {
        await db.findings.bulkGet(page.records.map((r) => r.id));
        let d = performance.now(); t.bulkGet += d - c; c = d;
        await db.outbox.where('status').equals('pending').toArray();
        d = performance.now(); t.outbox += d - c; c = d;
        await db.findings.bulkPut(page.records.map((r) => ({ ...r.data, _sync: { revision: r.revision } })) as never);
        d = performance.now(); t.bulkPut += d - c;
        inner = 0;
        return;
      }
      await applyRecordVersions(db, page.records, { since: 0 });
      await applyEvents(db, page.events);
      inner = performance.now() - c;
    });
    b = performance.now(); t.put += inner; t.commit += b - a - inner;
    cursor = page.nextCursor;
    t.pages++;
  }
  t.total = performance.now() - T0;
  db.close();
  await Dexie.delete(name);
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]));
};
