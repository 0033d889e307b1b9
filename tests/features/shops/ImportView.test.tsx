// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/services/db';
import type { ClientConfig } from '../../../src/services/config';
import { areaFeatureSchema, type Area } from '../../../src/domain/area';
import { assignShops, buildAreaIndex } from '../../../src/domain/areaIndex';
import { computeParticipation } from '../../../src/domain/participation';
import { shopsStrings } from '../../../src/features/shops/i18n';
import { ImportView } from '../../../src/features/shops/ImportView';
import type { ShopsData } from '../../../src/features/shops/useShopsData';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const csv = fs.readFileSync(path.resolve('tests/e2e/fixtures/shops-import.csv'), 'utf8');
const municipality = JSON.parse(fs.readFileSync(path.resolve('geo/deventer.municipality.json'), 'utf8'));
const areas: Area[] = (JSON.parse(fs.readFileSync(path.resolve('geo/deventer.geojson'), 'utf8')).features as unknown[]).map((f) => {
  const a = areaFeatureSchema.parse(f);
  return { ...a.properties, geometry: a.geometry, municipality: 'deventer' };
});

function shopsData(): ShopsData {
  const index = buildAreaIndex(areas);
  const config: ClientConfig = {
    municipality: { id: 'deventer', name: 'Deventer', center: municipality.center, zoom: 13, boundary: municipality.boundary },
    basemaps: [{ id: 'brt', url: 'http://127.0.0.1:1/{z}/{x}/{y}.png', attribution: 'test' }],
  };
  return {
    config,
    municipality: 'deventer',
    areas,
    areaName: (id) => areas.find((a) => a.id === id)?.name ?? null,
    shops: [],
    index,
    assignment: assignShops([], index),
    report: computeParticipation([], areas.map((a) => a.id), new Map(), 2026),
  };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  if (!check()) throw new Error(`not reached; page says: ${document.body.textContent}`);
}
const button = (name: RegExp) => [...document.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;

async function pickFile(container: HTMLElement) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([csv], 'winkels.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(() => !!container.querySelector('.import-summary'));
}

let root: Root;
let container: HTMLElement;
beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'nl', resources: { nl: { translation: { shops: shopsStrings.nl } } }, interpolation: { escapeValue: false } });
});
beforeEach(async () => {
  await db.shops.clear();
  await db.outbox.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<ImportView data={shopsData()} />));
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the shop import screen', () => {
  it('shows the preview with each bad row, column and reason, and stores nothing until confirmed', async () => {
    await pickFile(container);
    expect(container.querySelector('.import-summary')?.textContent).toBe('5 goed, 4 fout');
    expect(container.querySelector('tr[data-row="6"]')?.textContent).toContain('naam: de naam ontbreekt');
    expect(container.querySelector('tr[data-row="8"]')?.textContent).toContain('dezelfde winkel als rij 2');
    expect(await db.shops.count()).toBe(0);
  });

  it('cancel throws the preview away and changes nothing', async () => {
    await pickFile(container);
    await act(async () => button(/^Annuleren$/).click());
    expect(container.querySelector('.import-summary')).toBeNull();
    expect(container.textContent).toContain('er is niets opgeslagen');
    expect(await db.shops.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('confirm stores the good rows only', async () => {
    await pickFile(container);
    await act(async () => button(/Importeer 5 goede rijen/).click());
    await until(() => (container.textContent ?? '').includes('5 winkels geïmporteerd.'));
    expect((await db.shops.toArray()).map((s) => s.name).sort()).toEqual([
      'Bakkerij De Brink',
      'Boekhandel Praamstra',
      'Gesloten Zaak',
      'Hoekwinkel op de grens',
      'Slagerij Buitenaf',
    ]);
    expect(await db.outbox.count()).toBe(5);
  });
});
