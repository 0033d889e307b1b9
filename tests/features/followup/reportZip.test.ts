import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvColumns, type ExportLabels } from '../../../src/domain/findingExport';
import { numberFindings } from '../../../src/features/followup/reportModel';
import { buildReportZip, photoFileName } from '../../../src/features/followup/reportZip';
import { finding } from '../../domain/followupFixtures';

const now = new Date('2026-06-10T10:00:00Z');
const labels: ExportLabels = {
  lang: 'nl',
  area: () => 'Binnenstad',
  status: (s) => s,
  owner: () => '',
  severity: (s) => s,
  inspection: () => '',
  yes: 'ja',
  no: 'nee',
  headers: Object.fromEntries(csvColumns.map((c) => [c, c])) as ExportLabels['headers'],
};
const h = (c: string) => c.repeat(64);

describe('the report ZIP', () => {
  const first = finding({ id: 'f-1', createdAt: '2026-06-01T10:00:00.000Z', photoHashes: [h('a'), h('b')] });
  const second = finding({ id: 'f-2', createdAt: '2026-06-01T10:05:00.000Z', photoHashes: [h('c')] });
  const items = numberFindings([second, first]);
  const bytes: Record<string, Blob> = {
    [h('a')]: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1])], { type: 'image/jpeg' }),
    [h('b')]: new Blob([new Uint8Array([0x89, 0x50, 2])], { type: 'image/png' }),
  };

  it('holds the CSV, the GeoJSON and the photos named by finding number and photo order; a photo nobody has is listed as missing', async () => {
    const zip = await buildReportZip({ items, labels, numberHeader: 'Nr.', sep: ';', now, baseName: 'schouw-Binnenstad', photo: async (hash) => bytes[hash] ?? null });
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(["foto's/1-1.jpg", "foto's/1-2.png", 'schouw-Binnenstad.csv', 'schouw-Binnenstad.geojson']);
    expect([...files["foto's/1-1.jpg"]!]).toEqual([0xff, 0xd8, 0xff, 1]);
    expect(zip.photos).toBe(2);
    expect(zip.missing).toEqual(["foto's/2-1.jpg"]);
    const csv = strFromU8(files['schouw-Binnenstad.csv']!).split('\r\n');
    expect([...files['schouw-Binnenstad.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    expect(csv[0]!.replace(/^\uFEFF/, '').startsWith('Nr.;id;')).toBe(true);
    expect(csv[1]!.startsWith('1;f-1;')).toBe(true);
    expect(csv[2]!.startsWith('2;f-2;')).toBe(true);
    const geo = JSON.parse(strFromU8(files['schouw-Binnenstad.geojson']!)) as { features: { id: string; properties: { number: string } }[] };
    expect(geo.features.map((f) => [f.id, f.properties.number])).toEqual([
      ['f-1', '1'],
      ['f-2', '2'],
    ]);
  });

  it('names photos by their type, JPEG when it is unknown', () => {
    expect(photoFileName(12, 0, 'image/jpeg')).toBe("foto's/12-1.jpg");
    expect(photoFileName(12, 2, 'image/webp')).toBe("foto's/12-3.webp");
    expect(photoFileName(3, 0, '')).toBe("foto's/3-1.jpg");
  });
});
