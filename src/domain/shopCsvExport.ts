import { shopFlagKeys, type Shop, type ShopFlagKey } from './shop';
import type { ShopField, AddressField } from './shopImportHeaders';

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

function csvCell(value: string, guard: boolean): string {
  const v = guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Decimal comma: the ';' files are read by Dutch spreadsheets, which take '.' as a thousands sign. */
function csvNumber(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * The enquête cell is per year (R50), as the import reads it: the years the shop answered online or was
 * marked for ("2024 2025"), so an export read back keeps earlier years; "nee" for none. A shop from before
 * the per-year lists keeps its old ja/nee.
 */
function surveyCell(s: Shop): string {
  if (s.surveyYears === undefined && s.surveyAnsweredYears === undefined) return s.flags.surveyAnswered ? 'ja' : 'nee';
  const years = [...new Set([...(s.surveyYears ?? []), ...(s.surveyAnsweredYears ?? [])])].sort((a, b) => a - b);
  return years.length > 0 ? years.join(' ') : 'nee';
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
      surveyAnswered: surveyCell(s),
    };
    lines.push(fields.map((f) => values[f]).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
