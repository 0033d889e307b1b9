import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { markerCentres } from './canvasMarkers';
import { openApp, waitForFollowupList } from './helpers';
import { pointsInside, seedDevice, storeCounts, type SeedFinding } from './followupSeed';

const inspectionId = crypto.randomUUID();
const centre = pointsInside('binnenstad', 5);
const [colmschate] = pointsInside('colmschate', 1);
const base = { inspectionId, categoryCode: 'lighting' } as const;
const findings: SeedFinding[] = [
  { ...base, id: crypto.randomUUID(), areaId: 'binnenstad', point: centre[0]!, description: 'Lamp kapot bij de Brink', status: 'assigned', owner: 'municipality', dueDate: '2026-04-01', withPhoto: true },
  { ...base, id: crypto.randomUUID(), areaId: 'binnenstad', point: centre[1]!, categoryCode: 'loitering_spot', description: 'Hangplek achter de bibliotheek', status: 'assigned', owner: 'police', dueDate: '2026-05-01' },
  { ...base, id: crypto.randomUUID(), areaId: 'binnenstad', point: centre[2]!, categoryCode: 'containers', description: 'Container staat open in de steeg', status: 'open', owner: null, dueDate: null },
  { ...base, id: crypto.randomUUID(), areaId: 'binnenstad', point: centre[3]!, categoryCode: 'bollards', description: 'Paaltje omver gereden', status: 'in_progress', owner: 'municipality', dueDate: '2099-01-01' },
  { id: crypto.randomUUID(), areaId: 'colmschate', point: colmschate!, categoryCode: 'graffiti_vandalism', description: 'Graffiti op het trafohuisje', status: 'assigned', owner: 'shops', dueDate: '2026-03-01' },
];
const onInspection = findings.filter((f) => f.inspectionId === inspectionId);

function amsterdamDayPlus(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

async function noSeriousAxe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('follow-up: filter an area’s overdue findings, assign two at once, fix, verify and reopen one with its timeline; the schouw report prints every finding', async ({ page }, testInfo) => {
  await openApp(page);
  await seedDevice(page, findings, [{ id: inspectionId, areaId: 'binnenstad', startsAt: '2026-02-01T19:30' }]);
  await page.getByRole('link', { name: 'Opvolging' }).click();
  await waitForFollowupList(page);
  await expect(page.getByRole('heading', { name: /Bevindingen/ })).toContainText('5 bevindingen');

  // Filter to Binnenstad's overdue findings; every option says how many it would give.
  await page.getByRole('combobox', { name: 'Gebied', exact: true }).selectOption('binnenstad');
  await expect(page.getByRole('combobox', { name: 'Te laat', exact: true }).locator('option[value="yes"]')).toHaveText('Te laat (2)');
  await page.getByRole('combobox', { name: 'Te laat', exact: true }).selectOption('yes');
  const items = page.locator('.fu-item');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Lamp kapot bij de Brink' })).toHaveCount(1);
  await expect(items.filter({ hasText: 'Hangplek achter de bibliotheek' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('followup-list-desktop.png') });

  // Export what the list shows: CSV for Excel (BOM, ';', a header and one line per finding).
  await page.getByText('Exporteren (2)').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (Excel)' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFid;gebied;')).toBe(true);
  expect(csv.trim().split('\r\n')).toHaveLength(3);
  expect(csv).toContain('Hangplek achter de bibliotheek');

  // Tapping a marker on the map selects its row in the list...
  await expect.poll(async () => (await markerCentres(page, [0x00, 0x77, 0xbb])).length).toBe(2);
  const [marker] = await markerCentres(page, [0x00, 0x77, 0xbb]);
  await page.mouse.click(marker!.x, marker!.y);
  await expect(page.locator('.fu-item.selected')).toHaveCount(1);
  await expect(page.locator('.fu-item.selected .fu-item-main')).toHaveAttribute('aria-pressed', 'true');
  // ...and selecting a row draws its marker larger, with the yellow selection edge.
  await items.filter({ hasText: 'Hangplek' }).locator('.fu-item-main').click();
  await expect(items.filter({ hasText: 'Hangplek' })).toHaveClass(/selected/);
  await expect(page.locator('.fu-item.selected')).toHaveCount(1);
  await expect.poll(async () => (await markerCentres(page, [0xff, 0xbf, 0x47], 40)).length).toBe(1);
  await noSeriousAxe(page);

  // Assign both at once: one owner and due date, each finding its own events and outbox entry.
  const before = await storeCounts(page);
  await page.getByRole('checkbox', { name: 'Alles selecteren' }).check();
  const bulk = page.locator('form.fu-bulk');
  await expect(bulk).toContainText('2 geselecteerd');
  const due = amsterdamDayPlus(30);
  await bulk.getByRole('combobox', { name: 'Eigenaar' }).selectOption('fire_brigade');
  await bulk.getByLabel('Streefdatum').fill(due);
  await bulk.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(page.getByText('2 bevindingen toegewezen.')).toBeVisible();
  // No longer overdue, so they leave the filtered list.
  await expect(items).toHaveCount(0);
  expect(await storeCounts(page)).toEqual({ events: before.events + 4, outbox: before.outbox + 2 });

  // Open the lamp: fixed needs a note, then fixed, verified, reopened.
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await page.getByRole('link', { name: 'Openen: Verlichting in Binnenstad' }).click();
  await expect(page.locator('.fu-finding dd').first()).toHaveText('Toegewezen');
  await expect(page.locator('.fu-photos img')).toHaveCount(1);
  await page.getByRole('button', { name: 'Opgelost melden' }).click();
  await page.getByRole('button', { name: 'Bevestigen: Opgelost melden' }).click();
  await expect(page.getByRole('alert')).toHaveText('Voeg een toelichting of een foto toe om de bevinding als opgelost te melden.');
  await page.getByLabel('Toelichting').fill('Lamp vervangen door de gemeente');
  await page.getByRole('button', { name: 'Bevestigen: Opgelost melden' }).click();
  await expect(page.locator('.fu-finding dd').first()).toHaveText('Opgelost');
  await page.getByRole('button', { name: 'Controle: opgelost' }).click();
  await page.getByRole('button', { name: 'Bevestigen: Controle: opgelost' }).click();
  await expect(page.locator('.fu-finding dd').first()).toHaveText('Gecontroleerd');
  await page.getByRole('button', { name: 'Heropenen' }).click();
  await page.getByLabel('Toelichting').fill('Lamp flikkert weer');
  await page.getByRole('button', { name: 'Bevestigen: Heropenen' }).click();
  await expect(page.locator('.fu-finding dd').first()).toHaveText('Open');

  const timeline = page.locator('.fu-timeline li');
  await expect(timeline).toHaveCount(6);
  const lines = (await timeline.allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
  expect(lines[0]).toContain('Bevinding gemaakt');
  expect(lines[0]).toContain('door onbekende deelnemer');
  expect(lines[1]).toMatch(/Eigenaar gewijzigd Gemeente – openbare ruimte → (naar )?Brandweer/);
  expect(lines[2]).toContain('Streefdatum gewijzigd');
  expect(lines[2]).toContain('1 apr 2026');
  expect(lines[3]).toMatch(/Status gewijzigd Toegewezen →.*Opgelost/);
  expect(lines[3]).toContain('Lamp vervangen door de gemeente');
  expect(lines[4]).toMatch(/Status gewijzigd Opgelost →.*Gecontroleerd/);
  expect(lines[5]).toMatch(/Heropend Gecontroleerd →.*Open/);
  expect(lines[5]).toContain('Lamp flikkert weer');
  expect(lines[5]).toContain('door dit apparaat');
  await expect(page.locator('.fu-timeline time').first()).toHaveText(/1 feb 2026.*10:00/);
  await page.getByLabel('Opmerking', { exact: true }).fill('Gemeld bij Stedin');
  await page.getByRole('button', { name: 'Opmerking plaatsen' }).click();
  await expect(page.locator('.fu-comments li')).toHaveText([/Gemeld bij Stedin/]);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.locator('main').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('followup-finding-tablet.png') });
  await noSeriousAxe(page);

  // Summary and reports.
  await page.getByRole('link', { name: /Terug naar de lijst/ }).click();
  await page.screenshot({ path: testInfo.outputPath('followup-list-tablet.png') });
  await page.getByRole('link', { name: /Overzicht/ }).click();
  await page.screenshot({ path: testInfo.outputPath('followup-summary-tablet.png') });
  await expect(page.locator('#fu-per-area ~ table tbody tr').filter({ hasText: 'Binnenstad' }).locator('td')).toHaveText(['4', '0', '0']);
  await noSeriousAxe(page);
  await page.getByRole('link', { name: /Schouwrapport Binnenstad/ }).click();
  await expect(page.locator('.report-finding')).toHaveCount(onInspection.length);
  await expect(page.locator('.report-map circle')).toHaveCount(onInspection.length);
  await expect(page.locator('.report-finding img')).toHaveCount(1);
  await expect.poll(() => page.locator('.report-finding img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await noSeriousAxe(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('followup-report-desktop.png'), fullPage: true });

  const pdf = testInfo.outputPath('schouwrapport.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Schouwrapport Binnenstad');
  for (const f of onInspection) expect(text).toContain(f.description);
  expect(text).not.toContain('Graffiti op het trafohuisje');
  expect(text).not.toContain('Opvolging'); // no navigation on paper
  expect(text).toContain('Brandweer');

  // The action list per owner.
  await page.goto('/opvolging/acties');
  // The reopened lamp keeps its owner, so the fire brigade still has both.
  await expect(page.getByRole('heading', { name: 'Brandweer (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Gemeente – openbare ruimte (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ondernemersvereniging (MKB Deventer) (1)' })).toBeVisible();
  await noSeriousAxe(page);
  await page.pdf({ path: testInfo.outputPath('actielijst.pdf'), format: 'A4' });
  const actions = execFileSync('/usr/bin/pdftotext', [testInfo.outputPath('actielijst.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(actions).toContain('Graffiti op het trafohuisje');
  expect(actions).toContain('Paaltje omver gereden');
});
