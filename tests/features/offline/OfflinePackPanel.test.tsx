// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Area } from '../../../src/domain/area';
import { OfflinePackPanel } from '../../../src/features/offline/OfflinePackPanel';
import type { TileStore } from '../../../src/features/offline/downloadPack';
import { offlineStrings } from '../../../src/features/offline/i18n';
import { openDb, type SchouwDb } from '../../../src/storage/db';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const area: Area = {
  id: 'brink',
  name: 'Brink',
  kind: 'centre',
  kvoStatus: 'certified',
  source: 'test',
  municipality: 'deventer',
  geometry: {
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
  },
};
const template = 'http://127.0.0.1:1/tiles/{z}/{x}/{y}.png';

function memoryStore(): TileStore & { tiles: Map<string, number> } {
  const tiles = new Map<string, number>();
  return {
    tiles,
    has: async (url) => tiles.has(url),
    size: async (url) => tiles.get(url),
    put: async (url, res) => void tiles.set(url, (await res.arrayBuffer()).byteLength),
    deleteMany: async (urls) => urls.forEach((u) => tiles.delete(u)),
  };
}
const fetchFn = async () =>
  new Promise<void>((r) => setTimeout(r, 20)).then(() => new Response(new Uint8Array(100), { headers: { 'content-type': 'image/png' } }));

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out; page says: ${document.body.textContent}`);
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}
const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement | undefined;

describe('OfflinePackPanel', () => {
  let db: SchouwDb;
  let root: Root;
  let store: ReturnType<typeof memoryStore>;

  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      lng: 'nl',
      resources: { nl: { translation: { offline: offlineStrings.nl } }, en: { translation: { offline: offlineStrings.en } } },
      interpolation: { escapeValue: false },
    });
  });
  beforeEach(async () => {
    db = openDb(`panel-${Math.random().toString(36).slice(2)}`);
    store = memoryStore();
    document.body.innerHTML = '<div id="root"></div>';
    root = createRoot(document.getElementById('root')!);
    await act(async () => root.render(<OfflinePackPanel area={area} template={template} db={db} cache={store} fetchFn={fetchFn} />));
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    await db.delete();
  });

  it('shows the plan, downloads, shows the pack, and deletes it', async () => {
    expect(document.body.textContent).toContain('Download dit gebied voor offline gebruik');
    await until(() => document.body.textContent!.includes('nog niet offline beschikbaar'));
    expect(document.body.textContent).toMatch(/[\d.]+ tegels, ongeveer [\d,]+ MB/);

    await act(async () => button('Downloaden')!.click());
    await until(() => document.body.textContent!.includes('Offline beschikbaar:'));
    expect(document.body.textContent).toContain('Klaar: het gebied is offline beschikbaar.');
    const record = await db.offlinePacks.get('brink');
    expect(record?.status).toBe('complete');
    expect(store.tiles.size).toBe(record!.tileCount);

    await act(async () => button('Verwijderen')!.click());
    await until(() => document.body.textContent!.includes('nog niet offline beschikbaar'));
    expect(store.tiles.size).toBe(0);
  });

  it('has a labelled progress bar, buttons of at least 44px, and resume for a partial pack', async () => {
    await db.offlinePacks.put({
      areaId: 'brink',
      template,
      minZoom: 13,
      maxZoom: 14,
      tileCount: 2,
      doneCount: 1,
      bytes: 100,
      status: 'partial',
      updatedAt: '2026-03-01T09:30:00Z',
    });
    await until(() => button('Verder downloaden') !== undefined);
    expect(document.body.textContent).toContain('Gedeeltelijk offline: 1 van 2 tegels');
    expect(document.body.textContent).toContain('1 mrt 2026');
    for (const b of document.querySelectorAll('button')) expect(b.style.minHeight).toBe('44px');

    await act(async () => button('Verder downloaden')!.click());
    const progress = document.querySelector('progress')!;
    expect(document.querySelector(`label[for="${progress.id}"]`)?.textContent).toBe('Voortgang van het downloaden');
    expect(document.body.textContent).toMatch(/\d van 2 tegels/);
    expect(button('Stoppen')).toBeDefined();
    await until(() => document.body.textContent!.includes('Offline beschikbaar:'));
    expect((await db.offlinePacks.get('brink'))?.doneCount).toBe(2);
  });
});
