import 'fake-indexeddb/auto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Area } from '../../../src/domain/area';
import { fillTemplate } from '../../../src/map/tileCache';
import { openDb, type SchouwDb } from '../../../src/storage/db';
import {
  createCacheStorageTileStore,
  deletePack,
  downloadPack,
  isTemplateAllowedForPacks,
  type DownloadPackOptions,
  type TileStore,
} from '../../../src/features/offline/downloadPack';
import { packTiles, planPack, type PackPlan } from '../../../src/features/offline/planPack';

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A real tile server on loopback: serves the PNG, fails on request, and counts what it is asked. */
class TileServer {
  private server = http.createServer((req, res) => this.handle(req, res));
  counts = new Map<string, number>();
  failFirst = new Map<string, number>();
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 5;
  template = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.template = `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.counts.clear();
    this.failFirst.clear();
    this.inFlight = 0;
    this.maxInFlight = 0;
    this.delayMs = 5;
  }

  get requests(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  countFor(url: string): number {
    return this.counts.get(new URL(url).pathname) ?? 0;
  }

  failTile(url: string, times: number): void {
    this.failFirst.set(new URL(url).pathname, times);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    setTimeout(() => {
      if (!/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(path)) {
        res.writeHead(404).end();
        return;
      }
      const fails = this.failFirst.get(path) ?? 0;
      if (fails > 0) {
        this.failFirst.set(path, fails - 1);
        res.writeHead(503, { 'access-control-allow-origin': '*' }).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', vary: 'Origin' })
        .end(PNG);
    }, this.delayMs);
  }
}

/** The TileStore the tests use in Node: tiles as bytes in a Map. */
function memoryTileStore({ withSize = true } = {}): TileStore & { tiles: Map<string, Uint8Array> } {
  const tiles = new Map<string, Uint8Array>();
  const store: TileStore & { tiles: Map<string, Uint8Array> } = {
    tiles,
    async has(url) {
      return tiles.has(url);
    },
    async put(url, response) {
      tiles.set(url, new Uint8Array(await response.arrayBuffer()));
    },
    async deleteMany(urls) {
      for (const url of urls) tiles.delete(url);
    },
  };
  if (withSize) store.size = async (url) => tiles.get(url)?.byteLength;
  return store;
}

/** Makes a store throw QuotaExceededError once it holds `limit` tiles, as a full disk does. */
function withQuota(store: TileStore, limit: number): TileStore {
  let puts = 0;
  return {
    has: (url) => store.has(url),
    size: store.size?.bind(store),
    deleteMany: (urls) => store.deleteMany(urls),
    async put(url, response) {
      if (puts >= limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      puts++;
      await store.put(url, response);
    },
  };
}

const geometry: Area['geometry'] = {
  type: 'Polygon',
  coordinates: [
    [
      [6.158, 52.25],
      [6.162, 52.25],
      [6.162, 52.253],
      [6.158, 52.253],
      [6.158, 52.25],
    ],
  ],
};
const area = { id: 'brink', geometry };
// Overlaps the Brink block once the margin is added.
const neighbour = {
  id: 'brink-oost',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [6.163, 52.25],
        [6.166, 52.25],
        [6.166, 52.253],
        [6.163, 52.253],
        [6.163, 52.25],
      ],
    ],
  } satisfies Area['geometry'],
};
const areas = new Map<string, { id: string; geometry: Area['geometry'] }>([
  [area.id, area],
  [neighbour.id, neighbour],
]);
const getArea = async (id: string) => areas.get(id);

const server = new TileServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

function urlsOf(plan: PackPlan, template = server.template): string[] {
  return Array.from(packTiles(plan), ({ z, x, y }) => fillTemplate(template, z, x, y));
}

async function storedCount(store: TileStore, urls: string[]): Promise<number> {
  let n = 0;
  for (const url of urls) if (await store.has(url)) n++;
  return n;
}

type StoreFactory = () => Promise<TileStore>;
const storeFactories: [string, StoreFactory][] = [
  ['in-memory store', async () => memoryTileStore()],
  ['in-memory store without size()', async () => memoryTileStore({ withSize: false })],
];
// Node has no Cache Storage; where a runtime provides one, the same cases run against the real store.
if (typeof globalThis.caches !== 'undefined') {
  let n = 0;
  storeFactories.push([
    'CacheStorage store',
    async () => {
      const name = `tile-packs-test-${++n}-${Date.now()}`;
      await globalThis.caches.delete(name);
      return createCacheStorageTileStore(name, globalThis.caches);
    },
  ]);
}

describe.each(storeFactories)('downloadPack with %s', (_name, makeStore) => {
  let db: SchouwDb;
  let store: TileStore;
  const plan = planPack(area, { minZoom: 13, maxZoom: 18 });
  let urls: string[] = [];
  const run = (extra: Partial<DownloadPackOptions> = {}) =>
    downloadPack({ area, template: server.template, plan, cache: store, db, retryDelayMs: 1, ...extra });

  beforeEach(async () => {
    server.reset();
    urls = urlsOf(plan);
    db = openDb(`download-test-${Math.random().toString(36).slice(2)}`);
    store = await makeStore();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('downloads every tile once and records a complete pack', async () => {
    expect(plan.tileCount).toBe(82);
    const seen: number[] = [];
    const result = await run({ onProgress: (p) => seen.push(p.done) });

    expect(result).toMatchObject({ code: 'complete', done: 82, failed: 0, total: 82, bytes: 82 * PNG.length });
    expect(server.requests).toBe(82);
    for (const url of urls) expect(server.countFor(url)).toBe(1);
    expect(await storedCount(store, urls)).toBe(82);
    expect(seen.at(-1)).toBe(82);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const record = await db.offlinePacks.get(area.id);
    expect(record).toMatchObject({
      areaId: 'brink',
      template: server.template,
      minZoom: 13,
      maxZoom: 18,
      tileCount: 82,
      doneCount: 82,
      bytes: 82 * PNG.length,
      status: 'complete',
    });
    expect(Date.parse(record!.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('writes the record at the start, about every 50 tiles, and at the end', async () => {
    const put = vi.spyOn(db.offlinePacks, 'put');
    await run();
    const statuses = put.mock.calls.map(([r]) => [r.status, r.doneCount]);
    expect(statuses[0]).toEqual(['partial', 0]);
    expect(statuses).toContainEqual(['partial', 50]);
    expect(statuses.at(-1)).toEqual(['complete', 82]);
    expect(put).toHaveBeenCalledTimes(3);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    server.delayMs = 15;
    await run();
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    expect(server.maxInFlight).toBeGreaterThan(1);

    server.reset();
    server.delayMs = 15;
    await db.offlinePacks.clear();
    await store.deleteMany(urls);
    await run({ concurrency: 2 });
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('retries a failing tile and then has it', async () => {
    const flaky = urls[40]!;
    server.failTile(flaky, 2);
    const result = await run();
    expect(result.code).toBe('complete');
    expect(server.countFor(flaky)).toBe(3);
    expect(await store.has(flaky)).toBe(true);
    expect((await db.offlinePacks.get(area.id))?.status).toBe('complete');
  });

  it('counts a tile as failed after the retries and leaves the pack partial', async () => {
    const broken = urls[10]!;
    server.failTile(broken, 100);
    const result = await run({ retries: 3 });
    expect(result).toMatchObject({ code: 'tiles_failed', done: 81, failed: 1 });
    expect(server.countFor(broken)).toBe(4);
    expect(await db.offlinePacks.get(area.id)).toMatchObject({ status: 'partial', doneCount: 81, tileCount: 82 });

    // Resume later: only the missing tile is asked for.
    server.reset();
    const again = await run();
    expect(again.code).toBe('complete');
    expect(server.requests).toBe(1);
    expect(server.countFor(broken)).toBe(1);
  });

  it('a tile server that cannot be reached stops the download after a few failures in a row; resume finishes it', async () => {
    let calls = 0;
    let up = true;
    // The server answers the first 30 tiles, then the network goes: every request fails.
    const fetchFn = (input: string, init?: RequestInit) => {
      calls++;
      if (calls > 30) up = false;
      return up ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
    };
    // One tile at a time, so "in a row" is the order the tiles were asked in (with four at once, which
    // of them fails first depends on timing).
    const result = await run({ fetchFn, retries: 1, maxConsecutiveFailures: 4, concurrency: 1 });
    expect(result.code).toBe('server_unreachable');
    expect(result.failed).toBeGreaterThanOrEqual(4);
    // Stopped early: far fewer attempts than 82 tiles × 2 tries.
    expect(calls - 30).toBeLessThanOrEqual(4 * 2 + 4 * 2);
    const record = await db.offlinePacks.get(area.id);
    expect(record).toMatchObject({ status: 'partial', tileCount: 82 });
    expect(record!.doneCount).toBe(result.done);

    const again = await run();
    expect(again).toMatchObject({ code: 'complete', done: 82 });
  });

  it('a failing tile between good ones does not count as the server being unreachable', async () => {
    for (const i of [5, 20, 35, 50, 65]) server.failTile(urls[i]!, 100);
    const result = await run({ retries: 0, maxConsecutiveFailures: 2, concurrency: 1 });
    expect(result).toMatchObject({ code: 'tiles_failed', done: 77, failed: 5 });
  });

  it('cancel leaves a partial pack; resume fetches only the missing tiles', async () => {
    server.delayMs = 10;
    const ac = new AbortController();
    const first = await run({
      signal: ac.signal,
      onProgress: (p) => {
        if (p.done >= 20) ac.abort();
      },
    });
    expect(first.code).toBe('cancelled');
    const stored = await storedCount(store, urls);
    expect(stored).toBeGreaterThanOrEqual(20);
    expect(stored).toBeLessThan(82);
    const record = await db.offlinePacks.get(area.id);
    expect(record).toMatchObject({ status: 'partial', doneCount: stored, tileCount: 82, bytes: stored * PNG.length });

    const have = new Set<string>();
    for (const url of urls) if (await store.has(url)) have.add(url);
    const before = new Map(urls.map((u) => [u, server.countFor(u)]));
    const requestsBefore = server.requests;

    const second = await run();
    expect(second).toMatchObject({ code: 'complete', done: 82, bytes: 82 * PNG.length });
    expect(server.requests - requestsBefore).toBe(82 - stored);
    for (const url of urls) {
      expect(server.countFor(url) - before.get(url)!).toBe(have.has(url) ? 0 : 1);
    }
    expect(await db.offlinePacks.get(area.id)).toMatchObject({ status: 'complete', doneCount: 82, bytes: 82 * PNG.length });
  });

  it('an already aborted signal downloads nothing and leaves a partial record', async () => {
    const ac = new AbortController();
    ac.abort();
    const result = await run({ signal: ac.signal });
    expect(result.code).toBe('cancelled');
    expect(server.requests).toBe(0);
    expect((await db.offlinePacks.get(area.id))?.status).toBe('partial');
  });

  it('delete removes the record and the tiles', async () => {
    await run();
    const result = await deletePack({ areaId: area.id, db, cache: store, getArea });
    expect(result.deletedTiles).toBe(82);
    expect(await db.offlinePacks.get(area.id)).toBeUndefined();
    expect(await storedCount(store, urls)).toBe(0);
  });

  it('delete keeps tiles that a neighbouring pack also holds', async () => {
    await run();
    const neighbourPlan = planPack(neighbour, { minZoom: 13, maxZoom: 18 });
    const neighbourUrls = urlsOf(neighbourPlan);
    await downloadPack({ area: neighbour, template: server.template, plan: neighbourPlan, cache: store, db, retryDelayMs: 1 });
    const shared = urls.filter((u) => neighbourUrls.includes(u));
    expect(shared.length).toBeGreaterThan(0);

    const result = await deletePack({ areaId: area.id, db, cache: store, getArea });
    expect(result.deletedTiles).toBe(82 - shared.length);
    expect(await storedCount(store, neighbourUrls)).toBe(neighbourPlan.tileCount);
    expect((await db.offlinePacks.get(neighbour.id))?.status).toBe('complete');
    expect(await storedCount(store, urls)).toBe(shared.length);
  });

  it('a full disk stops with quota_exceeded and keeps the partial record', async () => {
    const full = withQuota(store, 30);
    const result = await downloadPack({ area, template: server.template, plan, cache: full, db, retryDelayMs: 1 });
    expect(result).toMatchObject({ code: 'quota_exceeded', done: 30 });
    expect(server.requests).toBeLessThanOrEqual(30 + 4);
    expect(await storedCount(store, urls)).toBe(30);
    expect(await db.offlinePacks.get(area.id)).toMatchObject({ status: 'partial', doneCount: 30, tileCount: 82 });
  });

  it('never downloads a pack from OpenStreetMap', async () => {
    const result = await run({ template: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
    expect(result.code).toBe('template_not_allowed');
    expect(await db.offlinePacks.get(area.id)).toBeUndefined();
  });
});

describe('isTemplateAllowedForPacks', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', false],
    ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', false],
    ['https://a.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png', false],
    ['https://tile.osm.org/{z}/{x}/{y}.png', false],
    ['not a url', false],
    ['https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', true],
    ['http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png', true],
  ])('%s → %s', (template, allowed) => {
    expect(isTemplateAllowedForPacks(template)).toBe(allowed);
  });
});
