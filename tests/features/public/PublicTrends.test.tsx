// @vitest-environment happy-dom
// Issue 16, trends on the public page: the charts and the screen-reader table show what the public
// trends endpoint answers; the municipality has no grade, so it has no grade chart or column.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AreaYearTrend } from '../../../src/domain/trends';
import PublicTrends from '../../../src/features/public/PublicTrends';
import { publicStrings } from '../../../src/features/public/i18n';
import { shopsStrings } from '../../../src/features/shops/i18n';
import { trendsStrings } from '../../../src/features/trends/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const year = (over: Partial<AreaYearTrend> & { year: number }): AreaYearTrend => ({
  findings: 0,
  byTheme: { sociale_veiligheid: 0 },
  onTime: { fixedOnTime: 0, decided: 0, percent: null },
  fixed: 0,
  medianDaysToFix: null,
  participation: null,
  grade: null,
  certified: null,
  source: null,
  survey: null,
  ...over,
});
const years = [
  year({ year: 2025, findings: 3, byTheme: { sociale_veiligheid: 3 }, grade: 6.8, certified: true, source: 'frozen', participation: { collectiveBan: { taking: 3, open: 5, percent: 60 } } as never, survey: { answers: 6, means: { safeDay: 4 } } }),
  year({ year: 2026, findings: 1, byTheme: { sociale_veiligheid: 1 } }),
];

const cells = (y: number) => [...document.querySelectorAll('table tbody tr')].find((r) => r.querySelector('th')?.textContent === String(y))!.querySelectorAll('td');
const header = () => [...document.querySelectorAll('table thead th')].map((th) => th.textContent);
async function until(check: () => boolean) {
  for (let i = 0; i < 2000 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  if (!check()) throw new Error(`not shown; the page says: ${document.body.textContent}`);
}

describe('public trends', () => {
  let root: Root;
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      lng: 'nl',
      resources: { nl: { translation: { shops: shopsStrings.nl, trends: trendsStrings.nl, public: publicStrings.nl } } },
      interpolation: { escapeValue: false },
    });
  });
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root = createRoot(document.getElementById('root')!);
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    vi.unstubAllGlobals();
  });

  it('an area: charts and table with findings, grade, participation and the survey score of the year that has one', async () => {
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify({ municipality: { id: 'deventer', name: 'Deventer' }, area: { id: 'brink', name: 'Brink' }, years, passGrade: 6 })));
    vi.stubGlobal('fetch', fetchMock);
    await act(async () => root.render(<PublicTrends municipality="deventer" areaId="brink" />));
    await until(() => document.querySelector('table') !== null);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/public/trends/deventer/brink');
    expect(document.querySelector('caption')?.textContent).toBe('Trends van Brink per jaar');
    expect(header()).toContain('Certificeringscijfer');
    expect(header().some((h) => h?.startsWith('Enquête:'))).toBe(true);
    const y2025 = [...cells(2025)].map((c) => c.textContent);
    expect(y2025[0]).toBe('3');
    expect(y2025).toContain('6,8');
    expect(y2025).toContain('60% (3 van 5)');
    expect(y2025).toContain('4');
    expect([...cells(2026)].map((c) => c.textContent).at(-1)).toBe('—');
    expect(document.querySelector('svg[data-chart="grade"]')).not.toBeNull();
  });

  it('the municipality: no grade chart or column; a failed answer says so', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ municipality: { id: 'deventer', name: 'Deventer' }, area: null, years, passGrade: 6 }))));
    await act(async () => root.render(<PublicTrends municipality="deventer" />));
    await until(() => document.querySelector('table') !== null);
    expect(header()).not.toContain('Certificeringscijfer');
    expect(document.querySelector('svg[data-chart="grade"]')).toBeNull();
    await act(async () => root.unmount());
    root = createRoot(document.getElementById('root')!);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 404 })));
    await act(async () => root.render(<PublicTrends municipality="elders" />));
    await until(() => document.querySelector('[role="alert"]') !== null);
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(/kon niet worden geladen/);
  });
});
