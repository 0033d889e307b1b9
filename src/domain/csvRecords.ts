/**
 * CSV reading for the register's import: separator detection, RFC 4180 records, header normalising
 * and the cell readers (flags, open/closed, decimal numbers, the formula guard). Pure, no shop rules.
 */

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

export function parseOpen(value: string): boolean | undefined {
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
export function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
