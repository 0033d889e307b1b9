/**
 * The schouw report as one ZIP, built on the device: the CSV and GeoJSON of the walk's findings and
 * their photos named by the report's finding number (`foto's/12-1.jpg` is finding 12's first photo),
 * so someone without the app can match photo, list and map.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import { findingsToCsv, findingsToGeoJson, type CsvSeparator, type ExportLabels } from '../../domain/findingExport';
import type { NumberedFinding } from './reportModel';

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export const PHOTO_FOLDER = "foto's";

export function photoFileName(findingNumber: number, photoIndex: number, mime: string): string {
  return `${PHOTO_FOLDER}/${findingNumber}-${photoIndex + 1}.${extensions[mime] ?? 'jpg'}`;
}

export interface ReportZipInput {
  items: readonly NumberedFinding[];
  labels: ExportLabels;
  numberHeader: string;
  sep: CsvSeparator;
  now: Date;
  /** Base name of the CSV and GeoJSON inside the ZIP. */
  baseName: string;
  /** A photo's bytes from the device or the server; null when neither has it (it is then listed as missing). */
  photo: (hash: string) => Promise<Blob | null>;
}

export interface ReportZip {
  bytes: Uint8Array;
  photos: number;
  /** File names of photos that could not be included (offline and not on the device). */
  missing: string[];
}

export async function buildReportZip(input: ReportZipInput): Promise<ReportZip> {
  const findings = input.items.map((i) => i.finding);
  const numberOf = new Map(input.items.map((i) => [i.finding.id, i.number]));
  const geo = findingsToGeoJson(findings, input.labels, input.now);
  for (const f of geo.features) f.properties.number = String(numberOf.get(f.id) ?? '');
  const files: Zippable = {
    [`${input.baseName}.csv`]: strToU8(findingsToCsv(findings, input.labels, input.sep, input.now, { header: input.numberHeader, of: (id) => numberOf.get(id) })),
    [`${input.baseName}.geojson`]: strToU8(JSON.stringify(geo, null, 1)),
  };
  const missing: string[] = [];
  let photos = 0;
  for (const { number, finding } of input.items) {
    for (const [k, hash] of finding.photoHashes.entries()) {
      const blob = await input.photo(hash);
      if (!blob) {
        missing.push(photoFileName(number, k, 'image/jpeg'));
        continue;
      }
      // Photos are compressed already: stored, not deflated again.
      files[photoFileName(number, k, blob.type)] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
      photos++;
    }
  }
  return { bytes: zipSync(files, { level: 6 }), photos, missing };
}
