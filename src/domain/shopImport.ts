import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { v7 as uuidv7 } from 'uuid';
import { detectSeparator, normaliseHeader, parseCsvRecords, parseDecimal, parseFlag, parseOpen, unguard } from './csvRecords';
import type { AreaGeometry } from './geojson';
import type { AddressQuery } from './geocode';
import { newShop, noFlags, SHOP_LIMITS, shopFlagKeys, shopSchema, type Shop } from './shop';
import { addressRowProblem, checkDraft, composeAddress, readAddressCells, type ShopDraft } from './shopAddressRows';
import { HEADER_ALIASES, type ShopField } from './shopImportHeaders';
import { isDuplicate, textKey, type DupKey } from './shopDuplicates';

export { detectSeparator, normaliseHeader, parseCsvRecords, parseDecimal, parseFlag } from './csvRecords';
export { composeAddress, placeDraft, type ShopDraft } from './shopAddressRows';
export { shopsToCsv } from './shopCsvExport';
export { DUPLICATE_DISTANCE_M } from './shopDuplicates';
export type { AddressField, ShopField } from './shopImportHeaders';

/**
 * The shop register's CSV import (a pure PREVIEW: nothing is stored here). CSV reading is in
 * csvRecords.ts, address rows in shopAddressRows.ts, the export in shopCsvExport.ts.
 *
 * - Separator `;` or `,`, detected on the header line (`;` on a tie, as Dutch Excel writes); a UTF-8
 *   BOM is dropped; quoted fields may hold separators, `""` and line breaks; CRLF, LF or CR.
 * - Headers are matched by name, Dutch or English, case, accents, spaces and dashes ignored
 *   ("KVO-app" = "kvo app" = "kvoapp", "Enquête" = "enquete"). Unknown headers are listed, not used.
 * - Row numbers are as a spreadsheet shows them: the header is row 1, the first shop row 2. A quoted
 *   cell with a line break is still one row; an empty line is a row (and is skipped).
 * - Coordinates: lon/lat (lengtegraad/breedtegraad, decimal point or comma) or RD x/y in metres,
 *   converted by the `toWgs84` function the caller passes (src/map/coords.ts), so the domain stays
 *   free of proj4. When both are present, lon/lat wins.
 * - Flags and open/status accept ja/nee/yes/no/true/false/1/0 (any case); an empty flag cell is "no",
 *   The enquête column is per year (SPEC.md R50): "ja" is the import's survey year (`surveyYear`),
 *   or the cell names the years ("2024 2025"); the shop gets `surveyYears`, never a flag for every year.
 *   an empty open cell is "open"; status also takes open/gesloten/closed/dicht.
 * - Duplicates: same name and address (both normalised, address not empty), or the same name within
 *   5 m. Against earlier rows of the file (duplicate_row, of row N) and against `existingShops`
 *   (duplicate_existing); a row whose id matches an existing shop is a duplicate too.
 * - Addresses instead of coordinates (issue 14): a file with postcode + huisnummer (+ huisletter,
 *   toevoeging) or straat + huisnummer + plaats columns may leave the coordinates out. Such a row is
 *   status `address`: its shop waits (`draft`) for a place from the geocoder (`lookup`) or the map,
 *   and becomes a shop through `placeDraft`. A row with coordinates keeps them.
 */

export type ImportReason =
  | 'missing_name'
  | 'missing_coordinates'
  | 'invalid_number'
  | 'outside_municipality'
  | 'unknown_flag_value'
  | 'duplicate_row'
  | 'duplicate_existing'
  | 'too_long'
  | 'missing_address'
  | 'invalid_postcode';

export interface ImportError {
  /** The header as written in the file. */
  column: string;
  field: ShopField;
  reason: ImportReason;
  /** English, one line; the UI translates by `reason`. */
  message: string;
  /** The cell's text, when it is the problem. */
  value?: string;
  /** duplicate_row: the earlier row (spreadsheet numbering). */
  duplicateOfRow?: number;
  /** duplicate_existing: the shop already in the register. */
  existingShopId?: string;
}

export interface ImportRow {
  /** Spreadsheet row number: header = 1. */
  row: number;
  /** `address`: good, but its place must still be found (geocoder or map). */
  status: 'ok' | 'error' | 'address';
  /** The shop as it would be added (status ok only). */
  shop?: Shop;
  /** Status address: the shop without its point, and the address to look up. */
  draft?: ShopDraft;
  lookup?: AddressQuery;
  errors: ImportError[];
}

export interface ImportColumn {
  header: string;
  field: ShopField | null;
}

export interface ShopImportPreview {
  ok: true;
  separator: ';' | ',';
  bom: boolean;
  columns: ImportColumn[];
  /** Headers that match no field; their cells are not read. */
  ignoredColumns: string[];
  rows: ImportRow[];
  counts: { ok: number; error: number; address: number };
}

export interface ShopImportRefusal {
  ok: false;
  reason: 'empty_file' | 'no_name_column' | 'no_coordinate_columns' | 'duplicate_column' | 'unterminated_quote';
  message: string;
  /** Header(s) concerned, or the row where an unclosed quote starts. */
  column?: string;
  row?: number;
}

export interface ShopImportOptions {
  /** The municipality the shops belong to (Shop.municipality). */
  municipality: string;
  /** Every shop must lie inside (boundary counts as inside). */
  municipalityBoundary: AreaGeometry;
  existingShops: readonly Shop[];
  /** RD [x, y] → [lon, lat]; pass `rdToWgs84` from src/map/coords.ts. */
  toWgs84: (rd: [number, number]) => [number, number];
  /** Id for a new shop; defaults to a UUIDv7. */
  newId?: (row: number) => string;
  /**
   * The survey year a "ja" in the enquête column means (R50): the import's year, by default this
   * calendar year. The column may also name the years ("2024 2025"); "nee" or empty is no year.
   */
  surveyYear?: number;
}

/** ja/nee (ja → `year`, nee → none: the shop has no survey years) or one or more years 2000-2100 separated by spaces, commas, ; or /; undefined when neither. */
export function parseSurveyYears(value: string, year: number): number[] | undefined {
  const flag = parseFlag(value, false);
  if (flag !== undefined) return flag ? [year] : [];
  const parts = value.split(/[\s,;/]+/).filter((p) => p !== '');
  if (!parts.every((p) => /^\d{4}$/.test(p) && Number(p) >= 2000 && Number(p) <= 2100)) return undefined;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// The preview.

export function parseShopCsv(text: string, options: ShopImportOptions): ShopImportPreview | ShopImportRefusal {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const separator = detectSeparator(body);
  const parsed = parseCsvRecords(body, separator);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: 'unterminated_quote',
      row: parsed.row,
      message: `A quote opened in row ${parsed.row} is never closed`,
    };
  }
  const [headerRecord, ...dataRecords] = parsed.records;
  if (!headerRecord || headerRecord.every((h) => h.trim() === '')) {
    return { ok: false, reason: 'empty_file', message: 'The file has no header row' };
  }

  const columns: ImportColumn[] = headerRecord.map((h) => ({
    header: h.trim(),
    field: HEADER_ALIASES[normaliseHeader(h)] ?? null,
  }));
  const col = new Map<ShopField, number>();
  for (const [i, c] of columns.entries()) {
    if (!c.field) continue;
    const prev = col.get(c.field);
    if (prev !== undefined) {
      const both = `${columns[prev]!.header}, ${c.header}`;
      return {
        ok: false,
        reason: 'duplicate_column',
        column: both,
        message: `Two columns mean the same thing (${c.field}): ${both}`,
      };
    }
    col.set(c.field, i);
  }
  if (!col.has('name')) {
    return { ok: false, reason: 'no_name_column', message: 'No column for the shop name (naam/name)' };
  }
  const hasLonLat = col.has('lon') && col.has('lat');
  const hasRd = col.has('x') && col.has('y');
  const hasAddress = col.has('huisnummer') && (col.has('postcode') || (col.has('straat') && col.has('plaats')));
  if (!hasLonLat && !hasRd && !hasAddress) {
    return {
      ok: false,
      reason: 'no_coordinate_columns',
      message: 'No coordinate columns: need lon and lat (lengtegraad, breedtegraad), RD x and y, or an address (postcode + huisnummer, or straat + huisnummer + plaats)',
    };
  }

  const newId = options.newId ?? (() => uuidv7());
  const surveyYear = options.surveyYear ?? new Date().getFullYear();
  const existing = options.existingShops.map((s): { shop: Shop; key: DupKey } => ({
    shop: s,
    key: { name: textKey(s.name), address: textKey(s.address), point: [s.point.coordinates[0], s.point.coordinates[1]] },
  }));
  const existingIds = new Map(options.existingShops.map((s) => [s.id, s]));
  const seen: { row: number; key: DupKey }[] = [];
  const rows: ImportRow[] = [];

  for (const [k, record] of dataRecords.entries()) {
    const rowNumber = k + 2;
    if (record.every((c) => c.trim() === '')) continue;
    const errors: ImportError[] = [];
    const header = (f: ShopField) => columns[col.get(f)!]!.header;
    const cell = (f: ShopField): string | undefined => {
      const i = col.get(f);
      return i === undefined ? undefined : unguard((record[i] ?? '').trim());
    };
    const fail = (f: ShopField, reason: ImportReason, message: string, extra: Partial<ImportError> = {}) =>
      errors.push({ column: header(f), field: f, reason, message, ...extra });

    // Texts.
    const name = cell('name') ?? '';
    if (name === '') fail('name', 'missing_name', 'The shop has no name');
    const texts: [ShopField, number][] = [
      ['id', SHOP_LIMITS.id],
      ['name', SHOP_LIMITS.name],
      ['address', SHOP_LIMITS.address],
      ['sector', SHOP_LIMITS.sector],
    ];
    for (const [f, max] of texts) {
      const v = cell(f);
      if (v !== undefined && v.length > max) {
        fail(f, 'too_long', `${v.length} characters; at most ${max}`);
      }
    }
    const lookup: AddressQuery = hasAddress ? readAddressCells(cell) : {};
    const address = cell('address') || composeAddress(lookup);

    // Open and flags.
    let open = true;
    const openCell = cell('open');
    if (openCell !== undefined) {
      const v = parseOpen(openCell);
      if (v === undefined) {
        fail('open', 'unknown_flag_value', `"${openCell}" is not open/closed (ja/nee)`, { value: openCell });
      } else open = v;
    }
    const flags = noFlags();
    // The survey column is per year (R50): ja = the import's year, or the years themselves ("2024 2025").
    let surveyYears: number[] | undefined;
    const surveyCell = cell('surveyAnswered');
    if (surveyCell !== undefined) {
      const years = parseSurveyYears(surveyCell, surveyYear);
      if (years === undefined) fail('surveyAnswered', 'unknown_flag_value', `"${surveyCell}" is not ja/nee or a year (2000-2100)`, { value: surveyCell });
      else if (years.length > 0) {
        surveyYears = years;
        flags.surveyAnswered = years.includes(surveyYear);
      }
    }
    for (const f of shopFlagKeys) {
      if (f === 'surveyAnswered') continue;
      const v = cell(f);
      if (v === undefined) continue;
      const b = parseFlag(v, false);
      if (b === undefined) fail(f, 'unknown_flag_value', `"${v}" is not ja/nee, yes/no, true/false or 1/0`, { value: v });
      else flags[f] = b;
    }

    // Coordinates.
    const readCoordinate = (f: ShopField, v: string, min: number, max: number): number | undefined => {
      if (v === '') {
        fail(f, 'missing_coordinates', `No ${f} coordinate`);
        return undefined;
      }
      const num = parseDecimal(v);
      if (num === undefined) {
        fail(f, 'invalid_number', `"${v}" is not a number`, { value: v });
        return undefined;
      }
      if (num < min || num > max) {
        fail(f, 'invalid_number', `${num} is out of range (${min} to ${max})`, { value: v });
        return undefined;
      }
      return num;
    };
    let point: [number, number] | null = null;
    const lonCell = hasLonLat ? (cell('lon') ?? '') : '';
    const latCell = hasLonLat ? (cell('lat') ?? '') : '';
    const xCell = hasRd ? (cell('x') ?? '') : '';
    const yCell = hasRd ? (cell('y') ?? '') : '';
    const noCoordinates = lonCell === '' && latCell === '' && xCell === '' && yCell === '';
    const byAddress = hasAddress && noCoordinates;
    const useLonLat = hasLonLat && (lonCell !== '' || latCell !== '' || !hasRd || (xCell === '' && yCell === ''));
    const pointField: ShopField = useLonLat ? 'lon' : 'x';
    if (byAddress) {
      const problem = addressRowProblem(lookup, (f) => col.has(f));
      if (problem) fail(problem.field, problem.reason, problem.message, problem.value ? { value: problem.value } : {});
    } else if (useLonLat) {
      const lon = readCoordinate('lon', lonCell, -180, 180);
      const lat = readCoordinate('lat', latCell, -90, 90);
      if (lon !== undefined && lat !== undefined) point = [lon, lat];
    } else {
      const x = readCoordinate('x', xCell, -Infinity, Infinity);
      const y = readCoordinate('y', yCell, -Infinity, Infinity);
      if (x !== undefined && y !== undefined) {
        const [lon, lat] = options.toWgs84([x, y]);
        if (Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
          point = [lon, lat];
        } else {
          fail('x', 'invalid_number', `RD ${x}, ${y} does not convert to a place on earth`);
        }
      }
    }
    if (point && !booleanPointInPolygon(point, options.municipalityBoundary, { ignoreBoundary: false })) {
      fail(pointField, 'outside_municipality', `The point ${point[1].toFixed(5)}, ${point[0].toFixed(5)} lies outside the municipality`);
      point = null;
    }

    // Duplicates.
    const key: DupKey = { name: textKey(name), address: textKey(address), point };
    if (key.name !== '') {
      const earlier = seen.find((s) => isDuplicate(key, s.key));
      if (earlier) {
        fail('name', 'duplicate_row', `Same shop as row ${earlier.row}`, { duplicateOfRow: earlier.row });
      }
      const id = cell('id');
      const byId = id ? existingIds.get(id) : undefined;
      const match = byId ?? existing.find((e) => isDuplicate(key, e.key))?.shop;
      if (match) {
        fail(byId ? 'id' : 'name', 'duplicate_existing', `Already in the register: ${match.name}, ${match.address}`, {
          existingShopId: match.id,
        });
      }
      seen.push({ row: rowNumber, key });
    }

    if (errors.length === 0 && byAddress) {
      const draft = {
        id: cell('id') || newId(rowNumber),
        municipality: options.municipality,
        name,
        address,
        sector: cell('sector') ?? '',
        open,
        flags,
        shopChecks: [],
        visits: [],
        courses: [],
        ...(surveyYears ? { surveyYears } : {}),
      };
      // Checked with a stand-in point: the real one comes from the geocoder or the map.
      const checked = checkDraft(draft);
      if (checked.ok) {
        rows.push({ row: rowNumber, status: 'address', draft: checked.draft, lookup, errors: [] });
        continue;
      }
      fail('name', 'too_long', checked.message);
    }

    if (errors.length === 0 && point) {
      const candidate = newShop({
        id: cell('id') || newId(rowNumber),
        municipality: options.municipality,
        name,
        address,
        point: { type: 'Point', coordinates: point },
        sector: cell('sector') ?? '',
        open,
        flags,
        ...(surveyYears ? { surveyYears } : {}),
      });
      const checked = shopSchema.safeParse(candidate);
      if (checked.success) {
        rows.push({ row: rowNumber, status: 'ok', shop: checked.data, errors: [] });
        continue;
      }
      // Defensive: the checks above mirror the schema, so this is not expected.
      fail('name', 'too_long', checked.error.issues[0]?.message ?? 'invalid shop');
    }
    rows.push({ row: rowNumber, status: 'error', errors });

  }

  const ok = rows.filter((r) => r.status === 'ok').length;
  const addressRows = rows.filter((r) => r.status === 'address').length;
  return {
    ok: true,
    separator,
    bom,
    columns,
    ignoredColumns: columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header),
    rows,
    counts: { ok, error: rows.length - ok - addressRows, address: addressRows },
  };
}

// ---------------------------------------------------------------------------------------------
// Export.

