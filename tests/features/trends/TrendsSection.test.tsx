// @vitest-environment happy-dom
// Issue 16, Trends: seeded data of two years on the device; the charts and the screen-reader table show
// the same, right numbers, and the charts' code loads only when the section is opened.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AreaCertificationRecord } from '../../../src/domain/certificationRecord';
import type { Finding, FindingEvent } from '../../../src/domain/finding';
import { shopsStrings } from '../../../src/features/shops/i18n';
import { trendsStrings } from '../../../src/features/trends/i18n';
import { TrendsDetails } from '../../../src/features/trends/TrendsDetails';
import { openDb, type SchouwDb } from '../../../src/storage/db';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const now = new Date('2026-06-15T10:00:00Z');
let n = 0;
function finding(over: Partial<Finding>): Finding {
  n++;
  return { id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`, municipality: 'deventer', areaId: 'brink', categoryCode: 'lighting', dueDate: null, status: 'open', removed: false, createdAt: '2025-04-01T09:00:00Z', ...over } as Finding;
}
const fixed = (f: Finding, at: string): FindingEvent => ({ id: `e-${f.id}-${at}`, findingId: f.id, at, by: 'u', kind: 'status_changed', before: 'in_progress', after: 'fixed', note: 'klaar' });

// 2025: two lighting findings (social safety) and one graffiti (nuisance): one fixed on time after 4
// days, one fixed late after 20, the graffiti still open past its due date. Frozen: grade 7.4, 17/20.
const onTime = finding({ status: 'fixed', dueDate: '2025-04-10' });
const late = finding({ status: 'verified', dueDate: '2025-04-10' });
const open = finding({ categoryCode: 'graffiti_vandalism', status: 'assigned', dueDate: '2025-05-01' });
// 2026: one waste finding (environment), open without a due date; this year live: 7.9, 18/20.
const waste = finding({ categoryCode: 'waste', createdAt: '2026-03-01T09:00:00Z' });
const elsewhere = finding({ areaId: 'other', createdAt: '2026-03-01T09:00:00Z' });
// Another municipality with an area of the same id: its findings and certification never count here (R30).
const westlandBrink = finding({ municipality: 'westland', createdAt: '2025-04-01T09:00:00Z' });
const westlandCert = { id: 'westland/brink/2024', municipality: 'westland', areaId: 'brink', year: 2024, answers: {}, updatedAt: '2024-12-01T00:00:00Z', frozen: { participation: {}, score: { grade: 3.2, certified: false, passGrade: 6 } } } as unknown as AreaCertificationRecord;
const frozen2025 = {
  id: 'brink/2025',
  municipality: 'deventer',
  areaId: 'brink',
  year: 2025,
  answers: {},
  updatedAt: '2025-12-01T00:00:00Z',
  frozen: { participation: { collectiveBan: { taking: 17, open: 20 } }, score: { grade: 7.4, certified: true, passGrade: 6 } },
} as unknown as AreaCertificationRecord;
const live = { year: 2026, participation: { collectiveBan: { taking: 18, open: 20 } }, grade: 7.9, certified: true };

const cells = (year: number) => [...document.querySelectorAll('table tbody tr')].find((r) => r.querySelector('th')?.textContent === String(year))!.querySelectorAll('td');
const header = () => [...document.querySelectorAll('table thead th')].map((th) => th.textContent);
const bar = (chart: string, year: number) => document.querySelector(`svg[data-chart="${chart}"] g[data-year="${year}"]`)?.getAttribute('data-value');

async function until(check: () => boolean) {
  // Bounded by turns, not by time: Dexie and the lazy import each take a few.
  for (let i = 0; i < 2000 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  if (!check()) throw new Error(`not shown; the page says: ${document.body.textContent}`);
}

describe('trends of an area', () => {
  let db: SchouwDb;
  let root: Root;
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      lng: 'nl',
      resources: { nl: { translation: { shops: shopsStrings.nl, trends: trendsStrings.nl } }, en: { translation: { shops: shopsStrings.en, trends: trendsStrings.en } } },
      interpolation: { escapeValue: false },
    });
  });
  beforeEach(async () => {
    db = openDb(`trends-${Math.random().toString(36).slice(2)}`);
    await db.findings.bulkPut([onTime, late, open, waste, elsewhere, westlandBrink]);
    await db.findingEvents.bulkPut([fixed(onTime, '2025-04-05T10:00:00Z'), fixed(late, '2025-04-21T10:00:00Z'), { ...fixed(late, '2025-05-01T10:00:00Z'), after: 'verified' }]);
    await db.areaCertifications.bulkPut([frozen2025, westlandCert]);
    document.body.innerHTML = '<div id="root"></div>';
    root = createRoot(document.getElementById('root')!);
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    await db.delete();
  });

  it('closed, nothing of the charts is there; opened, charts and table show the numbers of both years', async () => {
    await act(async () => root.render(<TrendsDetails db={db} municipality="deventer" areaId="brink" areaName="Brink" live={live} now={now} />));
    expect(document.querySelector('summary')?.textContent).toBe('Trends over de jaren');
    expect(document.querySelector('table')).toBeNull();
    expect(document.querySelector('svg')).toBeNull();
    const details = document.querySelector('details')!;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    await until(() => document.querySelector('table') !== null);

    // The table: a caption, one row per year, a column per theme and measure.
    expect(document.querySelector('table caption')?.textContent).toBe('Trends van Brink per jaar');
    expect(document.querySelector('table')?.className).toBe('visually-hidden');
    expect(header()).toEqual(['Jaar', 'Bevindingen', 'Sociale veiligheid', 'Overlast', 'Brandveiligheid', 'Verkeersveiligheid', 'Milieu', 'Opgelost vóór de streefdatum', 'Mediane dagen tot opgelost', 'Certificeringscijfer', 'Collectief Winkelverbod']);
    expect([...cells(2025)].map((c) => c.textContent)).toEqual(['3', '2', '1', '0', '0', '0', '33% (1 van 3)', '12 dagen', '7,4', '85% (17 van 20)']);
    expect([...cells(2026)].map((c) => c.textContent)).toEqual(['1', '0', '0', '0', '0', '1', '—', '—', '7,9 (nu, nog niet vastgezet)', '90% (18 van 20)']);
    // Westland's area 'brink' (a finding in 2025, a grade for 2024) is not Deventer's: no 2024 row, 3 findings in 2025.
    expect([...document.querySelectorAll('table tbody th')].map((th) => th.textContent)).not.toContain('2024');

    // The charts: the same numbers, hidden from screen readers (the table speaks for them).
    expect(bar('findings', 2025)).toBe('3');
    expect(bar('findings', 2026)).toBe('1');
    expect(document.querySelector('svg[data-chart="findings"] g[data-year="2025"] rect[data-part="sociale_veiligheid"]')?.getAttribute('data-value')).toBe('2');
    expect(bar('onTime', 2025)).toBe('33');
    expect(bar('onTime', 2026)).toBe('');
    expect(bar('days', 2025)).toBe('12');
    expect(bar('grade', 2025)).toBe('7.4');
    expect(bar('grade', 2026)).toBe('7.9');
    // This year is live, not frozen: drawn lighter and said so under the chart.
    expect(document.querySelector('svg[data-chart="grade"] g[data-year="2026"]')?.getAttribute('data-muted')).toBe('true');
    expect(document.querySelector('svg[data-chart="grade"] g[data-year="2025"]')?.hasAttribute('data-muted')).toBe(false);
    expect(document.body.textContent).toContain('Lichter: 2026 met de huidige cijfers, nog niet vastgezet.');
    expect(bar('participation-collectiveBan', 2025)).toBe('85');
    expect(bar('participation-collectiveBan', 2026)).toBe('90');
    for (const svg of document.querySelectorAll('svg')) expect(svg.getAttribute('aria-hidden')).toBe('true');
    // The grade chart's pass line at 6 of 10.
    expect(document.querySelector('svg[data-chart="grade"] .trend-reference')).not.toBeNull();
  });

  it('in English too', async () => {
    await act(async () => i18next.changeLanguage('en'));
    try {
      await act(async () => root.render(<TrendsDetails db={db} municipality="deventer" areaId="brink" areaName="Brink" live={live} now={now} open />));
      await until(() => document.querySelector('table') !== null);
      expect(document.querySelector('table caption')?.textContent).toBe('Trends of Brink per year');
      expect([...cells(2025)].map((c) => c.textContent)).toEqual(['3', '2', '1', '0', '0', '0', '33% (1 of 3)', '12 days', '7.4', '85% (17 of 20)']);
    } finally {
      await act(async () => i18next.changeLanguage('nl'));
    }
  });

  it('with survey scores, a chart per fixed question and a column for it in the table', async () => {
    const surveyScores = (y: number) => (y === 2026 ? { answers: 7, means: { safeDay: 3.6 } } : y === 2025 ? { answers: 5, means: { safeDay: 3.1 } } : null);
    await act(async () => root.render(<TrendsDetails db={db} municipality="deventer" areaId="brink" areaName="Brink" live={live} now={now} surveyScores={surveyScores} open />));
    await until(() => document.querySelector('table') !== null);
    expect(header().at(-1)).toBe('Enquête: Hoe veilig voelt u zich overdag in en rond uw winkel? (gemiddelde, 1–5)');
    expect(cells(2025)[cells(2025).length - 1]!.textContent).toBe('3,1');
    expect(cells(2026)[cells(2026).length - 1]!.textContent).toBe('3,6');
    expect(bar('survey-safeDay', 2025)).toBe('3.1');
    expect(bar('survey-safeDay', 2026)).toBe('3.6');
  });
});
