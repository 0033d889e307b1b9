import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { v7 as uuidv7 } from 'uuid';
import type { AreaGeometry } from './geojson';
import { checkAddressQuery, type AddressQuery, type BagIds } from './geocode';
import { noFlags, SHOP_LIMITS, shopFlagKeys, shopSchema, type Shop, type ShopFlagKey } from './shop';

/**
 * The shop register's CSV import (a pure PREVIEW: nothing is stored here) and export.
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
 *   an empty open cell is "open"; status also takes open/gesloten/closed/dicht.
 * - Duplicates: same name and address (both normalised, address not empty), or the same name within
 *   5 m. Against earlier rows of the file (duplicate_row, of row N) and against `existingShops`
 *   (duplicate_existing); a row whose id matches an existing shop is a duplicate too.
 * - Addresses instead of coordinates (issue 14): a file with postcode + huisnummer (+ huisletter,
 *   toevoeging) or straat + huisnummer + plaats columns may leave the coordinates out. Such a row is
 *   status `address`: its shop waits (`draft`) for a place from the geocoder (`lookup`) or the map,
 *   and becomes a shop through `placeDraft`. A row with coordinates keeps them.
 */

export type ShopField =
  | 'id'
  | 'name'
  | 'address'
  | 'sector'
  | 'open'
  | 'lon'
  | 'lat'
  | 'x'
  | 'y'
  | AddressField
  | ShopFlagKey;

export type AddressField = 'postcode' | 'huisnummer' | 'huisletter' | 'toevoeging' | 'straat' | 'plaats';
const addressFields: readonly AddressField[] = ['postcode', 'huisnummer', 'huisletter', 'toevoeging', 'straat', 'plaats'];

/** Normalised header → field. Normalising: accents off, lower case, only a-z and 0-9 kept. */
const HEADER_ALIASES: Record<string, ShopField> = {
  id: 'id',
  naam: 'name',
  name: 'name',
  winkel: 'name',
  winkelnaam: 'name',
  shop: 'name',
  shopname: 'name',
  adres: 'address',
  address: 'address',
  branche: 'sector',
  sector: 'sector',
  open: 'open',
  status: 'open',
  lon: 'lon',
  lng: 'lon',
  longitude: 'lon',
  lengtegraad: 'lon',
  lat: 'lat',
  latitude: 'lat',
  breedtegraad: 'lat',
  x: 'x',
  rdx: 'x',
  xrd: 'x',
  y: 'y',
  rdy: 'y',
  yrd: 'y',
  lid: 'partnershipMember',
  lidmaatschap: 'partnershipMember',
  member: 'partnershipMember',
  partnershipmember: 'partnershipMember',
  whatsapp: 'whatsappGroup',
  whatsappgroep: 'whatsappGroup',
  whatsappgroup: 'whatsappGroup',
  cwv: 'collectiveBan',
  winkelverbod: 'collectiveBan',
  collectiefwinkelverbod: 'collectiveBan',
  collectiveban: 'collectiveBan',
  overlastdonatie: 'nuisanceFee',
  nuisancefee: 'nuisanceFee',
  enquete: 'surveyAnswered',
  enqueteingevuld: 'surveyAnswered',
  survey: 'surveyAnswered',
  surveyanswered: 'surveyAnswered',
  nieuwsbrief: 'newsletter',
  newsletter: 'newsletter',
  kvoapp: 'kvoApp',
  app: 'kvoApp',
  postcode: 'postcode',
  pc: 'postcode',
  zipcode: 'postcode',
  huisnummer: 'huisnummer',
  huisnr: 'huisnummer',
  nummer: 'huisnummer',
  nr: 'huisnummer',
  housenumber: 'huisnummer',
  number: 'huisnummer',
  huisletter: 'huisletter',
  letter: 'huisletter',
  toevoeging: 'toevoeging',
  huisnummertoevoeging: 'toevoeging',
  addition: 'toevoeging',
  straat: 'straat',
  straatnaam: 'straat',
  street: 'straat',
  plaats: 'plaats',
  woonplaats: 'plaats',
  city: 'plaats',
  place: 'plaats',
};

/** The headers `shopsToCsv` writes (Dutch, the product's default language). */
const EXPORT_HEADERS: Record<Exclude<ShopField, 'x' | 'y' | AddressField>, string> = {
  id: 'id',
  name: 'naam',
  address: 'adres',
  sector: 'branche',
  open: 'open',
  lon: 'lengtegraad',
  lat: 'breedtegraad',
  partnershipMember: 'lid',
  whatsappGroup: 'whatsapp',
  collectiveBan: 'cwv',
  nuisanceFee: 'overlastdonatie',
  surveyAnswered: 'enquete',
  newsletter: 'nieuwsbrief',
  kvoApp: 'kvo-app',
};

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

/** A shop of an address row, still without its place. */
export type ShopDraft = Omit<Shop, 'point'>;

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
}

/** Same name within this distance is a duplicate. */
export const DUPLICATE_DISTANCE_M = 5;

// ---------------------------------------------------------------------------------------------
// CSV reading.

export function detectSeparator(text: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return comma > semi ? ',' : ';';
}

type CsvResult = { ok: true; records: string[][] } | { ok: false; row: number };

/** RFC 4180 style records; a quote opens a quoted field only at the start of a field. */
export function parseCsvRecords(text: string, sep: string): CsvResult {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  const n = text.length;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    atFieldStart = true;
  };
  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      const startRow = records.length + 1;
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        field += c;
        i++;
      }
      if (!closed) return { ok: false, row: startRow };
      atFieldStart = false;
      continue;
    }
    if (ch === sep) {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  // The last record, unless the text ended with a line break.
  if (field !== '' || record.length > 0) endRecord();
  return { ok: true, records };
}

export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1']);
const FALSE_WORDS = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

/** ja/nee/yes/no/true/false/1/0, any case; empty → `empty`; anything else → undefined. */
export function parseFlag(value: string, empty: boolean): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return empty;
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}

function parseOpen(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'open' || v === 'geopend') return true;
  if (v === 'gesloten' || v === 'closed' || v === 'dicht') return false;
  return parseFlag(value, true);
}

/** A decimal number with a point or a comma as the decimal sign; no thousands separators. */
export function parseDecimal(value: string): number | undefined {
  const v = value.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(v)) return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Spreadsheet formula guard written by `shopsToCsv`: a leading ' before = + - @ is dropped on import. */
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function textKey(s: string): string {
  return normaliseHeader(s);
}

function distanceM(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const [lon1, lat1] = [a[0]! * rad, a[1]! * rad];
  const [lon2, lat2] = [b[0]! * rad, b[1]! * rad];
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface DupKey {
  name: string;
  address: string;
  point: [number, number] | null;
}

function isDuplicate(a: DupKey, b: DupKey): boolean {
  if (a.name === '' || a.name !== b.name) return false;
  if (a.address !== '' && a.address === b.address) return true;
  return a.point !== null && b.point !== null && distanceM(a.point, b.point) <= DUPLICATE_DISTANCE_M;
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
    const lookup: AddressQuery = {};
    if (hasAddress) {
      for (const f of addressFields) {
        const v = cell(f);
        if (v !== undefined && v !== '') lookup[f] = v;
      }
    }
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
    for (const f of shopFlagKeys) {
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
      const check = checkAddressQuery(lookup);
      if (!check.ok) {
        const f: ShopField = col.has(check.field) ? check.field : 'huisnummer';
        const value = lookup[check.field];
        const message =
          check.reason === 'invalid_postcode'
            ? `"${value ?? ''}" is not a Dutch postcode (1234 AB)`
            : check.reason === 'invalid_number'
              ? `"${value ?? ''}" is not a house number`
              : 'No coordinates and no complete address (postcode + huisnummer, or straat + huisnummer + plaats)';
        fail(f, check.reason === 'invalid_number' ? 'invalid_number' : check.reason, message, value ? { value } : {});
      }
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
      };
      // Checked with a stand-in point: the real one comes from the geocoder or the map.
      const checked = shopSchema.safeParse({ ...draft, point: { type: 'Point', coordinates: [0, 0] } });
      if (checked.success) {
        const { point: _stand, ...rest } = checked.data;
        rows.push({ row: rowNumber, status: 'address', draft: rest, lookup, errors: [] });
        continue;
      }
      fail('name', 'too_long', checked.error.issues[0]?.message ?? 'invalid shop');
    }

    if (errors.length === 0 && point) {
      const candidate = {
        id: cell('id') || newId(rowNumber),
        municipality: options.municipality,
        name,
        address,
        point: { type: 'Point' as const, coordinates: point },
        sector: cell('sector') ?? '',
        open,
        flags,
        shopChecks: [],
        visits: [],
        courses: [],
      };
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

/** "Brink 12 A, 7411 BT Deventer" from the address cells (parts left out when empty). */
export function composeAddress(q: AddressQuery): string {
  const nr = [q.huisnummer, q.huisletter].filter(Boolean).join('') + (q.toevoeging ? `-${q.toevoeging}` : '');
  const street = [q.straat, nr].filter(Boolean).join(' ');
  const pc = (q.postcode ?? '').replace(/\s+/g, '').toUpperCase().replace(/^(\d{4})([A-Z]{2})$/, '$1 $2');
  const town = [pc, q.plaats].filter(Boolean).join(' ');
  return [street, town].filter((x) => x !== '').join(', ').slice(0, SHOP_LIMITS.address);
}

/**
 * The shop of an address row at the place found (or tapped): the point must lie in the municipality.
 * `address` replaces the row's address text when given (the geocoder's "Brink 12, 7411BT Deventer").
 */
export function placeDraft(
  draft: ShopDraft,
  point: [number, number],
  municipalityBoundary: AreaGeometry,
  found?: { bag?: BagIds | null; address?: string },
): { ok: true; shop: Shop } | { ok: false; reason: 'outside_municipality' | 'invalid_shop'; message: string } {
  if (!booleanPointInPolygon(point, municipalityBoundary, { ignoreBoundary: false })) {
    return { ok: false, reason: 'outside_municipality', message: `The point ${point[1].toFixed(5)}, ${point[0].toFixed(5)} lies outside the municipality` };
  }
  const checked = shopSchema.safeParse({
    ...draft,
    ...(found?.address ? { address: found.address.slice(0, SHOP_LIMITS.address) } : {}),
    point: { type: 'Point', coordinates: point },
    ...(found?.bag ? { bag: found.bag } : {}),
  });
  if (!checked.success) return { ok: false, reason: 'invalid_shop', message: checked.error.issues[0]?.message ?? 'invalid shop' };
  return { ok: true, shop: checked.data };
}

// ---------------------------------------------------------------------------------------------
// Export.

function csvCell(value: string, guard: boolean): string {
  const v = guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Decimal comma: the ';' files are read by Dutch spreadsheets, which take '.' as a thousands sign. */
function csvNumber(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * The register as CSV for a spreadsheet: UTF-8 BOM, ';', CRLF, Dutch headers, ja/nee, decimal
 * comma. `parseShopCsv` reads it back. Checks, visits and courses are not exported.
 * Text cells that start with = + - @ get a leading ' so a spreadsheet does not run them as formulas.
 */
export function shopsToCsv(shops: readonly Shop[]): string {
  const fields = Object.keys(EXPORT_HEADERS) as (keyof typeof EXPORT_HEADERS)[];
  const lines = [fields.map((f) => EXPORT_HEADERS[f]).join(';')];
  const yn = (b: boolean) => (b ? 'ja' : 'nee');
  for (const s of shops) {
    const values: Record<keyof typeof EXPORT_HEADERS, string> = {
      id: csvCell(s.id, true),
      name: csvCell(s.name, true),
      address: csvCell(s.address, true),
      sector: csvCell(s.sector, true),
      open: yn(s.open),
      lon: csvNumber(s.point.coordinates[0]),
      lat: csvNumber(s.point.coordinates[1]),
      ...(Object.fromEntries(shopFlagKeys.map((f) => [f, yn(s.flags[f])])) as Record<ShopFlagKey, string>),
    };
    lines.push(fields.map((f) => values[f]).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
