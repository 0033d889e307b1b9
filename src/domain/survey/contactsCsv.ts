/**
 * The shops' business e-mail addresses from a CSV file (issue 16): a column `email`/`e-mail` and a column
 * that names the shop: `id` (the register's id, as the shop export writes it) or `naam`/`name` (with
 * `adres`/`address` when two shops share a name). Same CSV reading as the shop import (separator, BOM,
 * quotes, spreadsheet row numbers). All or nothing: any broken row refuses the whole file, naming the
 * row and the field, so nothing is changed by half. An empty e-mail cell removes the shop's address.
 */
import { detectSeparator, normaliseHeader, parseCsvRecords, unguard } from '../csvRecords';
import { validateShopEmail } from './mailing';

export interface ContactShop {
  id: string;
  name: string;
  address: string;
}

export type ContactsCsvField = 'email' | 'id' | 'name' | 'address' | 'file';

export interface ContactsCsvProblem {
  /** Spreadsheet row (header = 1); 0 for the file as a whole. */
  row: number;
  field: ContactsCsvField;
  reason: 'no_email_column' | 'no_shop_column' | 'unterminated_quote' | 'invalid_email' | 'email_too_long' | 'unknown_shop' | 'ambiguous_shop' | 'duplicate_shop' | 'too_many_rows';
  value?: string;
}

export type ContactsCsvResult = { ok: true; contacts: { shopId: string; email: string | null; row: number }[] } | { ok: false; problems: ContactsCsvProblem[] };

export const MAX_CONTACT_ROWS = 5000;

const HEADERS: Record<string, Exclude<ContactsCsvField, 'file'>> = {
  email: 'email',
  emailadres: 'email',
  mail: 'email',
  id: 'id',
  naam: 'name',
  name: 'name',
  winkel: 'name',
  winkelnaam: 'name',
  adres: 'address',
  address: 'address',
};

const key = (s: string) => normaliseHeader(s);

export function parseContactsCsv(text: string, shops: readonly ContactShop[]): ContactsCsvResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parsed = parseCsvRecords(body, detectSeparator(body));
  if (!parsed.ok) return { ok: false, problems: [{ row: parsed.row, field: 'file', reason: 'unterminated_quote' }] };
  const [header, ...records] = parsed.records;
  const col = new Map<string, number>();
  for (const [i, h] of (header ?? []).entries()) {
    const f = HEADERS[key(h)];
    if (f && !col.has(f)) col.set(f, i);
  }
  if (!col.has('email')) return { ok: false, problems: [{ row: 1, field: 'email', reason: 'no_email_column' }] };
  if (!col.has('id') && !col.has('name')) return { ok: false, problems: [{ row: 1, field: 'name', reason: 'no_shop_column' }] };
  if (records.length > MAX_CONTACT_ROWS) return { ok: false, problems: [{ row: 0, field: 'file', reason: 'too_many_rows' }] };

  const byId = new Map(shops.map((s) => [s.id, s]));
  const byName = new Map<string, ContactShop[]>();
  for (const s of shops) byName.set(key(s.name), [...(byName.get(key(s.name)) ?? []), s]);

  const problems: ContactsCsvProblem[] = [];
  const contacts: { shopId: string; email: string | null; row: number }[] = [];
  const seen = new Map<string, number>();
  for (const [k, record] of records.entries()) {
    const row = k + 2;
    if (record.every((c) => c.trim() === '')) continue;
    const cell = (f: string) => {
      const i = col.get(f);
      return i === undefined ? '' : unguard((record[i] ?? '').trim());
    };
    let shop: ContactShop | undefined;
    const id = cell('id');
    if (id !== '') {
      shop = byId.get(id);
      if (!shop) problems.push({ row, field: 'id', reason: 'unknown_shop', value: id });
    } else {
      const name = cell('name');
      let found = byName.get(key(name)) ?? [];
      const address = cell('address');
      if (found.length > 1 && address !== '') found = found.filter((s) => key(s.address) === key(address));
      if (found.length === 1) shop = found[0];
      else problems.push({ row, field: found.length === 0 ? 'name' : 'address', reason: found.length === 0 ? 'unknown_shop' : 'ambiguous_shop', value: name });
    }
    const raw = cell('email');
    let email: string | null = null;
    if (raw !== '') {
      const checked = validateShopEmail(raw);
      if (checked.ok) email = checked.email;
      else problems.push({ row, field: 'email', reason: checked.reason === 'email_too_long' ? 'email_too_long' : 'invalid_email', value: raw });
    }
    if (!shop) continue;
    const earlier = seen.get(shop.id);
    if (earlier !== undefined) {
      problems.push({ row, field: id !== '' ? 'id' : 'name', reason: 'duplicate_shop', value: String(earlier) });
      continue;
    }
    seen.set(shop.id, row);
    contacts.push({ shopId: shop.id, email, row });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, contacts };
}
