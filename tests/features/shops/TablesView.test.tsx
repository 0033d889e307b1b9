// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/services/db';
import { CONFIG_KEY } from '../../../src/services/configCache';
import { shopsStrings } from '../../../src/features/shops/i18n';
import { TablesView } from '../../../src/features/shops/TablesView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  if (!check()) throw new Error(`not reached; page says: ${document.body.textContent}`);
}
const input = (label: string, legendStart: string) => {
  const set = [...document.querySelectorAll('fieldset.table-params')].find((f) => f.querySelector('legend')?.textContent?.startsWith(legendStart))!;
  const l = [...set.querySelectorAll('label')].find((x) => x.textContent === label)!;
  return document.getElementById(l.htmlFor) as HTMLInputElement | HTMLTextAreaElement;
};
const type = async (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const why = () => document.querySelector('textarea') as HTMLTextAreaElement;
const submit = async () => {
  await act(async () => {
    (document.querySelector('form.table-correction') as HTMLFormElement).requestSubmit();
  });
};

let root: Root;
let container: HTMLElement;
beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'nl', resources: { nl: { translation: { shops: shopsStrings.nl } } }, interpolation: { escapeValue: false } });
});
beforeEach(async () => {
  // The municipality the correction is for comes from the app's config: the one a device keeps offline.
  localStorage.setItem(
    CONFIG_KEY,
    JSON.stringify({
      municipality: { id: 'deventer', name: 'Deventer', center: [6.16, 52.25], zoom: 13, boundary: null, attribution: '' },
      municipalities: [{ id: 'deventer', name: 'Deventer', center: [6.16, 52.25], zoom: 13, boundary: null, attribution: '' }],
      basemaps: [{ id: 'brt', label: 'BRT', url: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: '' }],
    }),
  );
  await db.scoringTables.clear();
  await db.outbox.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<TablesView />));
  await until(() => !!document.querySelector('form.table-correction'));
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the scoring tables screen', () => {
  it('shows the programme table in words', () => {
    expect(container.textContent).toContain('Huidige versie: kvo-w-deventer/programme/2021.1');
    expect(container.textContent).toContain('Aantal vanaf 0: 0 punten; vanaf 20: 5 punten; vanaf 41: 10 punten.');
    expect(container.textContent).toContain('Elk heel tiental = 2 punten, maximaal 10 punten.');
  });

  it('refuses a bad number per field, in words, and stores nothing', async () => {
    await type(input('Schijf 3: vanaf aantal', '9.'), '15');
    await type(why(), 'bron');
    await submit();
    await until(() => !!container.querySelector('[role="alert"]'));
    expect(container.textContent).toContain('Elke schijf begint hoger dan de vorige.');
    expect(await db.scoringTables.count()).toBe(0);
  });

  it('saves a correction as a new version and then shows it', async () => {
    await type(input('Schijf 2: vanaf aantal', '9.'), '30');
    await type(why(), 'De bron zegt 30-40');
    await submit();
    await until(() => container.textContent!.includes('Huidige versie: kvo-w-deventer/programme/2021.2'));
    expect(container.textContent).toContain('vanaf 30: 5 punten');
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Versie kvo-w-deventer/programme/2021.2 opgeslagen');
    expect(container.textContent).toContain('De bron zegt 30-40');
    expect(await db.outbox.count()).toBe(1);
  });
});
