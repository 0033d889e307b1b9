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

declare global {
  interface Window {
    benchCount: (limit: number) => Promise<{ findings: number; ms: number; counts: Record<string, number> }>;
  }
}

// What a pull costs in IndexedDB requests, by object store and kind: the app's own engine on a new
// device, with every IDBObjectStore / IDBIndex request and every transaction counted.
window.benchCount = async (limit) => {
  const { SyncEngine } = await import('../../../src/sync/engine');
  const counts: Record<string, number> = {};
  const tally = (k: string) => void (counts[k] = (counts[k] ?? 0) + 1);
  const undo: (() => void)[] = [];
  const wrap = (proto: object, name: string, storeOf: (self: unknown) => string) => {
    const p = proto as Record<string, (...a: unknown[]) => unknown>;
    const orig = p[name]!;
    p[name] = function (this: unknown, ...a: unknown[]) {
      tally(`${storeOf(this)}.${name}`);
      return orig.apply(this, a);
    };
    undo.push(() => (p[name] = orig));
  };
  for (const m of ['put', 'add', 'get', 'getAll', 'getAllKeys', 'delete', 'clear', 'count', 'openCursor', 'openKeyCursor']) {
    wrap(IDBObjectStore.prototype, m, (s) => (s as IDBObjectStore).name);
  }
  for (const m of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']) {
    wrap(IDBIndex.prototype, m, (s) => `${(s as IDBIndex).objectStore.name}[${(s as IDBIndex).name}]`);
  }
  wrap(IDBDatabase.prototype, 'transaction', () => 'db');
  const name = `bench-count-${crypto.randomUUID()}`;
  const db = openDb(name);
  await db.open();
  for (const k of Object.keys(counts)) delete counts[k];
  const engine = new SyncEngine({ db, clientId: async () => crypto.randomUUID(), isOnline: () => true, pullLimit: limit });
  const t0 = performance.now();
  await engine.syncNow();
  const ms = performance.now() - t0;
  for (const u of undo) u();
  const findings = await db.findings.count();
  db.close();
  await Dexie.delete(name);
  return { findings, ms: Math.round(ms), counts };
};

declare global {
  interface Window {
    benchFloor: (limit: number) => Promise<Record<string, number>>;
  }
}

// The IndexedDB floor under a pull, all in one run on the same pulled findings: raw puts one record
// per finding (no index; two indexes with values, as real walk findings have areaId and inspectionId);
// the same findings as rows of 500 (one record per 500 findings); the app's own page apply (Dexie).
window.benchFloor = async (limit) => {
  const rows: Record<string, unknown>[] = [];
  const tFetch = performance.now();
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const res: Response = await fetch(`/api/sync/pull?since=0&limit=${limit}&fold=created${cursor ? `&cursor=${cursor}` : ''}`);
    const page = readPullPage(await res.json());
    for (const r of page.records) rows.push({ ...r.data, _sync: { revision: r.revision } });
    cursor = page.nextCursor;
  }
  const fetchDecodeCheck = performance.now() - tFetch;
  const name = `bench-floor-${crypto.randomUUID()}`;
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('plain', { keyPath: 'id' });
      const s = open.result.createObjectStore('indexed', { keyPath: 'id' });
      s.createIndex('areaId', 'areaId');
      s.createIndex('inspectionId', 'inspectionId');
      open.result.createObjectStore('packs', { keyPath: 'key' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const inTx = (store: string, write: (s: IDBObjectStore) => void) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const tx = raw.transaction(store, 'readwrite');
      write(tx.objectStore(store));
      tx.oncomplete = () => resolve(performance.now() - t0);
      tx.onerror = () => reject(tx.error);
    });
  const perPage = async (store: string, toValues: (page: Record<string, unknown>[]) => unknown[]) => {
    let ms = 0;
    for (let i = 0; i < rows.length; i += limit) ms += await inTx(store, (s) => { for (const v of toValues(rows.slice(i, i + limit))) s.put(v); });
    return ms;
  };
  const out: Record<string, number> = { findings: rows.length, fetchDecodeCheck };
  out.rawPutNoIndex = await perPage('plain', (p) => p);
  out.rawPutTwoIndexes = await perPage('indexed', (p) => p.map((f, j) => ({ ...f, areaId: `area-${j % 16}`, inspectionId: `insp-${j % 40}` })));
  out.rawPacksOf500 = await perPage('packs', (p) => {
    const packs = [];
    for (let j = 0; j < p.length; j += 500) packs.push({ key: `${String(p[j]!.id)}`, findings: p.slice(j, j + 500) });
    return packs;
  });
  raw.close();
  indexedDB.deleteDatabase(name);
  const dname = `bench-floor-dexie-${crypto.randomUUID()}`;
  const db = openDb(dname);
  await db.open();
  let t0 = performance.now();
  for (let i = 0; i < rows.length; i += limit) {
    const page = rows.slice(i, i + limit);
    await db.transaction('rw', syncTables(db), () => db.findings.bulkPut(page as never));
  }
  out.dexieBulkPut = performance.now() - t0;
  db.close();
  await Dexie.delete(dname);
  // The app's own engine on a new device, on the same server: a whole sync run (R10 pages, pipelined).
  const ename = `bench-floor-engine-${crypto.randomUUID()}`;
  const edb = openDb(ename);
  await edb.open();
  const { SyncEngine } = await import('../../../src/sync/engine');
  const engine = new SyncEngine({ db: edb, clientId: async () => crypto.randomUUID(), isOnline: () => true, pullLimit: limit });
  t0 = performance.now();
  await engine.syncNow();
  out.appEnginePull = performance.now() - t0;
  edb.close();
  await Dexie.delete(ename);
  t0 = performance.now();
  for (let i = 0; i < rows.length; i += limit) structuredClone(rows.slice(i, i + limit));
  out.structuredClone = performance.now() - t0;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
};
