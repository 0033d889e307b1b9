import { describe, expect, it } from 'vitest';
import { csvColumns, csvText, findingsToCsv, findingsToGeoJson, type ExportLabels } from '../../src/domain/findingExport';
import { finding } from './followupFixtures';

const now = new Date('2026-06-10T10:00:00Z');
const labels: ExportLabels = {
  lang: 'nl',
  area: (id) => (id === 'binnenstad' ? 'Binnenstad' : 'buiten gebied'),
  status: (s) => (s === 'assigned' ? 'Toegewezen' : s),
  owner: (o) => (o === 'police' ? 'Politie' : ''),
  severity: (s) => (s === 'medium' ? 'Middel' : s),
  inspection: () => '',
  yes: 'ja',
  no: 'nee',
  headers: Object.fromEntries(csvColumns.map((c) => [c, c])) as ExportLabels['headers'],
};

describe('CSV export', () => {
  const f = finding({ description: 'Lamp "kapot"; bij café', owner: 'police', status: 'assigned', dueDate: '2026-05-01', point: { type: 'Point', coordinates: [6.1612345, 52.2512345] } });

  it('starts with a UTF-8 BOM, ends lines with CRLF and has one header and one line per finding', () => {
    const csv = findingsToCsv([f, finding()], labels, ';', now);
    expect(csv.startsWith('\uFEFFid;area;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('with ";" quotes fields holding it, doubles quotes, and writes decimals with a comma', () => {
    const line = findingsToCsv([f], labels, ';', now).split('\r\n')[1]!;
    expect(line).toContain(';"Lamp ""kapot""; bij café";');
    expect(line).toContain(';6,1612345;52,2512345;');
    expect(line).toContain(';Verlichting;');
    expect(line).toContain(';Middel;Toegewezen;');
    expect(line).toContain(';Politie;2026-05-01;ja;');
  });

  it('with "," keeps decimal points and quotes fields holding a comma', () => {
    const line = findingsToCsv([finding({ description: 'a, b' })], labels, ',', now).split('\r\n')[1]!;
    expect(line).toContain(',"a, b",');
    expect(line).toContain(',6.16,52.25,');
  });

  it('makes text that Excel would run as a formula harmless', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvText(evil)).toBe(`'${evil}`);
    expect(csvText('Lamp = kapot')).toBe('Lamp = kapot');
    const line = findingsToCsv([finding({ description: '=cmd|calc' })], labels, ';', now).split('\r\n')[1]!;
    expect(line).toContain(";'=cmd|calc;");
  });

  it('writes the time a finding was made in Europe/Amsterdam, winter and summer time, as on screen', () => {
    const csv = findingsToCsv(
      [finding({ createdAt: '2026-01-15T09:05:00.000Z' }), finding({ createdAt: '2026-07-01T22:30:00.000Z' })],
      labels,
      ';',
      now,
    ).split('\r\n');
    expect(csv[1]!.endsWith(';2026-01-15 10:05')).toBe(true);
    // 22:30 UTC in summer is already the next day in Deventer.
    expect(csv[2]!.endsWith(';2026-07-02 00:30')).toBe(true);
  });

  it('keeps a negative longitude a number, not escaped text', () => {
    const line = findingsToCsv([finding({ point: { type: 'Point', coordinates: [-0.5, 51.5] } })], labels, ',', now).split('\r\n')[1]!;
    expect(line).toContain(',-0.5,51.5,');
  });
});

describe('GeoJSON export', () => {
  it('is a FeatureCollection of points in [lon, lat] order with the finding’s properties', () => {
    const f = finding({ owner: 'police', status: 'assigned', dueDate: '2026-05-01', point: { type: 'Point', coordinates: [6.1, 52.2] } });
    const gj = findingsToGeoJson([f], labels, now);
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features[0]).toMatchObject({
      type: 'Feature',
      id: f.id,
      geometry: { type: 'Point', coordinates: [6.1, 52.2] },
      properties: { area: 'Binnenstad', category: 'Verlichting', owner: 'police', overdue: true, statusLabel: 'Toegewezen' },
    });
    expect(JSON.parse(JSON.stringify(gj))).toEqual(gj);
  });
});
