/**
 * Exports of the current follow-up selection: CSV for Excel and GeoJSON for GIS. Pure; the screen
 * passes the labels in the person's language.
 *
 * CSV choices: UTF-8 with a BOM (Excel otherwise reads UTF-8 as ANSI and breaks "é"), CRLF line
 * ends, fields quoted when they hold the separator, a quote or a line break. With the ';'
 * separator (what Dutch Excel expects) decimals use a comma too, as Dutch Excel reads them.
 * Text that starts with = + - @ or a tab/CR is prefixed with an apostrophe, so a description like
 * "=HYPERLINK(...)" is shown as text and never run as a formula (OWASP "CSV injection").
 */
import { findCategory, type Lang } from './categories';
import type { Finding, FindingOwner, FindingStatus, Severity } from './finding';
import { amsterdamDateTime, isOverdue } from './overdue';

export type CsvSeparator = ',' | ';';

export interface ExportLabels {
  lang: Lang;
  area: (areaId: string | null) => string;
  status: (s: FindingStatus) => string;
  owner: (o: FindingOwner | null) => string;
  severity: (s: Severity) => string;
  inspection: (id: string | undefined) => string;
  yes: string;
  no: string;
  /** Column headers, in the order of `csvColumns`. */
  headers: Record<CsvColumn, string>;
}

export const csvColumns = [
  'id',
  'area',
  'inspection',
  'theme',
  'category',
  'description',
  'severity',
  'status',
  'owner',
  'dueDate',
  'overdue',
  'lon',
  'lat',
  'createdAt',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(cell: string, sep: CsvSeparator): string {
  return cell.includes(sep) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function decimal(n: number, sep: CsvSeparator): string {
  const s = String(Math.round(n * 1e7) / 1e7);
  return sep === ';' ? s.replace('.', ',') : s;
}

function row(f: Finding, labels: ExportLabels, sep: CsvSeparator, now: Date): Record<CsvColumn, string> {
  const match = findCategory(f.categoryCode);
  const [lon, lat] = f.point.coordinates;
  return {
    id: csvText(f.id),
    area: csvText(labels.area(f.areaId)),
    inspection: csvText(labels.inspection(f.inspectionId)),
    theme: csvText(match?.theme.labels[labels.lang] ?? ''),
    category: csvText(match?.category.labels[labels.lang] ?? f.categoryCode),
    description: csvText(f.description),
    severity: csvText(labels.severity(f.severity)),
    status: csvText(labels.status(f.status)),
    owner: csvText(labels.owner(f.owner)),
    dueDate: f.dueDate ?? '',
    overdue: isOverdue(f, now) ? labels.yes : labels.no,
    lon: decimal(lon!, sep),
    lat: decimal(lat!, sep),
    // Europe/Amsterdam, as on screen; the GeoJSON keeps the exact UTC instant for machines.
    createdAt: amsterdamDateTime(new Date(f.createdAt)),
  };
}

/** The report's finding numbers (as on the printed report and in the ZIP's photo names), as a first column. */
export interface CsvNumbering {
  header: string;
  of: (findingId: string) => number | undefined;
}

export function findingsToCsv(findings: readonly Finding[], labels: ExportLabels, sep: CsvSeparator, now: Date, numbering?: CsvNumbering): string {
  const lead = (cell: string) => (numbering ? [cell] : []);
  const lines = [[...lead(quote(csvText(numbering?.header ?? ''), sep)), ...csvColumns.map((c) => quote(csvText(labels.headers[c]), sep))].join(sep)];
  for (const f of findings) {
    const r = row(f, labels, sep, now);
    lines.push([...lead(String(numbering?.of(f.id) ?? '')), ...csvColumns.map((c) => quote(r[c], sep))].join(sep));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface FindingFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | boolean | null>;
}

/** GeoJSON (RFC 7946): WGS84, [lon, lat], as the finding's own point already is. */
export function findingsToGeoJson(findings: readonly Finding[], labels: ExportLabels, now: Date) {
  const features: FindingFeature[] = findings.map((f) => {
    const match = findCategory(f.categoryCode);
    return {
      type: 'Feature',
      id: f.id,
      geometry: { type: 'Point', coordinates: [f.point.coordinates[0]!, f.point.coordinates[1]!] },
      properties: {
        areaId: f.areaId,
        area: labels.area(f.areaId),
        inspectionId: f.inspectionId ?? null,
        theme: match?.theme.labels[labels.lang] ?? null,
        categoryCode: f.categoryCode,
        category: match?.category.labels[labels.lang] ?? null,
        description: f.description,
        severity: f.severity,
        status: f.status,
        statusLabel: labels.status(f.status),
        owner: f.owner,
        dueDate: f.dueDate,
        overdue: isOverdue(f, now),
        createdAt: f.createdAt,
      },
    };
  });
  return { type: 'FeatureCollection' as const, features };
}
