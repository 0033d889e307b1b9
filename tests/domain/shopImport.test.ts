import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/domain/geojson';
import { newShop, noFlags, surveyAnsweredIn, type Shop } from '../../src/domain/shop';
import {
  parseFlag,
  placeDraft,
  parseShopCsv,
  shopsToCsv,
  type ImportRow,
  type ShopImportOptions,
  type ShopImportPreview,
} from '../../src/domain/shopImport';
import { rdToWgs84 } from '../../src/domain/coordsRd';

// A rough box around Deventer; Amsterdam (4.90, 52.37) lies outside.
const deventer: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [6.0, 52.15],
      [6.35, 52.15],
      [6.35, 52.35],
      [6.0, 52.35],
      [6.0, 52.15],
    ],
  ],
};

function existingShop(id: string, name: string, address: string, point: [number, number]): Shop {
  return newShop({ id, municipality: 'deventer', name, address, point: { type: 'Point', coordinates: point } });
}

const options = (existingShops: Shop[] = []): ShopImportOptions => ({
  municipality: 'deventer',
  municipalityBoundary: deventer,
  existingShops,
  toWgs84: rdToWgs84,
  newId: (row) => `new-${row}`,
});

function preview(text: string, existing: Shop[] = []): ShopImportPreview {
  const r = parseShopCsv(text, options(existing));
  if (!r.ok) throw new Error(`refused: ${r.reason} ${r.message}`);
  return r;
}
const row = (p: ShopImportPreview, n: number): ImportRow => {
  const r = p.rows.find((x) => x.row === n);
  if (!r) throw new Error(`no row ${n}`);
  return r;
};
const problems = (r: ImportRow) => r.errors.map((e) => [e.column, e.reason]);

describe('a Dutch file: BOM, semicolons, quotes', () => {
  const text =
    '\uFEFFNaam;Adres;Branche;Status;Lengtegraad;Breedtegraad;Lid;WhatsApp;CWV;Overlastdonatie;Enquête;Nieuwsbrief;KVO-app;Opmerking\r\n' +
    'Bakkerij De Brink;Brink 10;food;open;6,1606;52,2511;ja;JA;Nee;nee;1;0;true;vers brood\r\n' +
    '"Boekhandel ""Het Boek""";"Lange Bisschopstraat 5; achter";boeken;gesloten;6.1590;52.2520;nee;NEE;No;false;0;yes;FALSE;\r\n';
  const p = preview(text);

  it('detects the separator and the BOM and maps the Dutch headers', () => {
    expect(p.separator).toBe(';');
    expect(p.bom).toBe(true);
    expect(p.columns.map((c) => c.field)).toEqual([
      'name',
      'address',
      'sector',
      'open',
      'lon',
      'lat',
      'partnershipMember',
      'whatsappGroup',
      'collectiveBan',
      'nuisanceFee',
      'surveyAnswered',
      'newsletter',
      'kvoApp',
      null,
    ]);
    expect(p.ignoredColumns).toEqual(['Opmerking']);
    expect(p.counts).toEqual({ ok: 2, error: 0, address: 0 });
  });

  it('reads decimal commas, flags in any case, and quoted cells', () => {
    const bakery = row(p, 2).shop!;
    expect(bakery).toMatchObject({
      id: 'new-2',
      municipality: 'deventer',
      name: 'Bakkerij De Brink',
      address: 'Brink 10',
      sector: 'food',
      open: true,
      point: { type: 'Point', coordinates: [6.1606, 52.2511] },
      flags: {
        partnershipMember: true,
        whatsappGroup: true,
        collectiveBan: false,
        nuisanceFee: false,
        surveyAnswered: true,
        newsletter: false,
        kvoApp: true,
      },
    });
    const books = row(p, 3).shop!;
    expect(books.name).toBe('Boekhandel "Het Boek"');
    expect(books.address).toBe('Lange Bisschopstraat 5; achter');
    expect(books.open).toBe(false);
    expect(books.flags).toEqual({ ...noFlags(), newsletter: true });
  });
});

describe('an English file with commas and RD coordinates', () => {
  it('converts RD x/y with the converter it is given', () => {
    const p = preview('name,address,sector,open,x,y,member\nCorner shop,Brink 1,food,yes,208500,473300,no\n');
    expect(p.separator).toBe(',');
    expect(p.bom).toBe(false);
    const shop = row(p, 2).shop!;
    const [lon, lat] = shop.point.coordinates;
    expect([lon, lat]).toEqual(rdToWgs84([208_500, 473_300]));
    expect(Math.abs(lon - 6.16)).toBeLessThan(0.02);
    expect(Math.abs(lat - 52.25)).toBeLessThan(0.01);
  });

  it('prefers lon/lat when a row has both, and uses RD when lon/lat are empty', () => {
    const p = preview('name;lon;lat;x;y\nA;6.16;52.25;1;1\nB;;;208500;473300\n');
    expect(row(p, 2).shop!.point.coordinates).toEqual([6.16, 52.25]);
    expect(row(p, 3).shop!.point.coordinates).toEqual(rdToWgs84([208_500, 473_300]));
  });

  it('RD numbers that are really degrees land outside the municipality', () => {
    const p = preview('name;x;y\nA;6.16;52.25\n');
    expect(problems(row(p, 2))).toEqual([['x', 'outside_municipality']]);
  });
});

describe('broken rows: row numbers as in a spreadsheet, and the column', () => {
  const longName = 'W'.repeat(121);
  const text = [
    'naam;adres;branche;lon;lat;cwv;whatsapp', // 1
    ';Brink 1;food;6.16;52.25;ja;ja', // 2
    'Winkel A;Brink 2;food;;52.25;ja;nee', // 3
    'Winkel B;Brink 3;food;6,16a;52.25;ja;nee', // 4
    'Winkel C;Damrak 1;food;4.90;52.37;ja;nee', // 5 Amsterdam
    'Winkel D;Brink 5;food;6.16;52.25;misschien;nee', // 6
    '', // 7 empty: skipped, still counted
    'Winkel E;Brink 6;food;6.161;52.251;ja;ja', // 8 ok
    'winkel  é;BRINK 6;food;6.17;52.24;nee;nee', // 9 same name and address as 8
    'Winkel E;Elders 1;food;6.16102;52.25101;nee;nee', // 10 same name, about 1.8 m from 8
    'Winkel E;Elders 2;food;6.1612;52.251;nee;nee', // 11 same name, about 14 m from 8: fine
    `${longName};Brink 7;food;6.16;52.25;nee;nee`, // 12
    'Winkel F;Brink 8;food;6.16;91;nee;nee', // 13 latitude out of range
  ].join('\n');
  const p = preview(text);

  it.each([
    [2, [['naam', 'missing_name']]],
    [3, [['lon', 'missing_coordinates']]],
    [4, [['lon', 'invalid_number']]],
    [5, [['lon', 'outside_municipality']]],
    [6, [['cwv', 'unknown_flag_value']]],
    [8, []],
    [9, [['naam', 'duplicate_row']]],
    [10, [['naam', 'duplicate_row']]],
    [11, []],
    [12, [['naam', 'too_long']]],
    [13, [['lat', 'invalid_number']]],
  ] as const)('row %i', (n, expected) => {
    expect(problems(row(p, n))).toEqual(expected);
    expect(row(p, n).status).toBe(expected.length === 0 ? 'ok' : 'error');
  });

  it('skips the empty row, names the duplicated row and the bad value', () => {
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
    expect(row(p, 9).errors[0]!.duplicateOfRow).toBe(8);
    expect(row(p, 10).errors[0]!.duplicateOfRow).toBe(8);
    expect(row(p, 6).errors[0]!.value).toBe('misschien');
    expect(row(p, 4).errors[0]!.value).toBe('6,16a');
    expect(p.counts).toEqual({ ok: 2, error: 9, address: 0 });
    // Nothing but the preview: error rows carry no shop.
    expect(p.rows.filter((r) => r.status === 'error').every((r) => r.shop === undefined)).toBe(true);
  });

  it('a quoted cell with a line break is one row', () => {
    const q = preview('naam;adres;lon;lat\nA;"Brink 7\nachterom";6.16;52.25\n;Brink 8;6.16;52.25\n');
    expect(row(q, 2).shop!.address).toBe('Brink 7\nachterom');
    expect(problems(row(q, 3))).toEqual([['naam', 'missing_name']]);
  });
});

describe('duplicates with the register', () => {
  const existing = [
    existingShop('shop-1', 'Slagerij Oud', 'Brink 20', [6.162, 52.252]),
    existingShop('shop-2', 'Kapper Knip', 'Walstraat 3', [6.165, 52.255]),
  ];
  const p = preview(
    [
      'naam;adres;lon;lat',
      'Slagerij Oud;Brink 20;6.17;52.26', // 2 same name and address, elsewhere
      'kapper knip;Andere 1;6.16503;52.25502', // 3 same name, about 3 m away
      'Kapper Knip;Andere 2;6.1653;52.255', // 4 same name, about 20 m away: fine
      'Nieuwe Winkel;Walstraat 3;6.165;52.255', // 5 same place and address, other name: fine
    ].join('\n'),
    existing,
  );

  it.each([
    [2, [['naam', 'duplicate_existing']]],
    [3, [['naam', 'duplicate_existing']]],
    [4, []],
    [5, []],
  ] as const)('row %i', (n, expected) => {
    expect(problems(row(p, n))).toEqual(expected);
  });

  it('names the existing shop', () => {
    expect(row(p, 2).errors[0]!.existingShopId).toBe('shop-1');
    expect(row(p, 3).errors[0]!.existingShopId).toBe('shop-2');
  });

  it('a row with the id of an existing shop is a duplicate', () => {
    const q = preview('id;naam;lon;lat\nshop-1;Heel Andere Naam;6.2;52.2\n', existing);
    expect(problems(row(q, 2))).toEqual([['id', 'duplicate_existing']]);
  });
});

describe('flag values', () => {
  it.each([
    ['ja', true],
    ['JA', true],
    ['Yes', true],
    ['true', true],
    ['1', true],
    ['nee', false],
    ['NEE', false],
    ['no', false],
    ['False', false],
    ['0', false],
    ['', false],
    ['misschien', undefined],
    ['2', undefined],
  ] as const)('%j → %s', (value, expected) => {
    expect(parseFlag(value, false)).toBe(expected);
  });
});

describe('refusals of the whole file', () => {
  it.each([
    ['', 'empty_file'],
    ['adres;lon;lat\nBrink 1;6.16;52.25', 'no_name_column'],
    ['naam;adres\nA;Brink 1', 'no_coordinate_columns'],
    ['naam;name;lon;lat\nA;B;6.16;52.25', 'duplicate_column'],
    ['naam;lon;lat\n"A;6.16;52.25\n', 'unterminated_quote'],
  ])('%j → %s', (text, reason) => {
    expect(parseShopCsv(text, options())).toMatchObject({ ok: false, reason });
  });
});

describe('shopsToCsv', () => {
  const shops: Shop[] = [
    {
      ...existingShop('a1', 'Café "De Hoek"; bar', 'Brink 1', [6.1606, 52.2511]),
      sector: 'horeca',
      flags: { ...noFlags(), collectiveBan: true, kvoApp: true },
    },
    { ...existingShop('a2', '=SUM(A1)', 'Brink 2', [6.1607, 52.2512]), open: false },
  ];
  const csv = shopsToCsv(shops);

  it('writes a BOM, semicolons, Dutch headers, ja/nee and decimal commas', () => {
    expect(csv.startsWith('\uFEFFid;naam;adres;branche;open;lengtegraad;breedtegraad;lid;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('a1;"Café ""De Hoek""; bar";Brink 1;horeca;ja;6,1606;52,2511;nee;nee;ja;nee;nee;nee;ja');
    // a formula-looking name is guarded against spreadsheets
    expect(lines[2]!.startsWith("a2;'=SUM(A1);Brink 2;;nee;")).toBe(true);
  });

  it('reads back as the same shops (new ids as written)', () => {
    const p = preview(csv);
    expect(p.counts).toEqual({ ok: 2, error: 0, address: 0 });
    expect(p.rows.map((r) => r.shop)).toEqual(shops);
  });

  it.each([
    [{ surveyYears: [2025, 2024] }, '2024 2025', [2024, 2025]],
    [{ surveyAnsweredYears: [2026], surveyYears: [2024] }, '2024 2026', [2024, 2026]],
    [{ surveyYears: [] }, 'nee', undefined],
  ])('a shop with %j exports enquête "%s" and reads back with those survey years (R50)', (years, cell, readBack) => {
    const shop: Shop = { ...existingShop('s1', 'Boekhandel', 'Brink 3', [6.1608, 52.2513]), ...years };
    const out = shopsToCsv([shop]);
    const header = out.slice(1).split('\r\n')[0]!.split(';');
    const row = out.slice(1).split('\r\n')[1]!.split(';');
    expect(row[header.indexOf('enquete')]).toBe(cell);
    const back = preview(out).rows[0]!.shop!;
    expect(back.surveyYears).toEqual(readBack);
  });
});

// Issue 14: rows with an address and no coordinates wait for the geocoder (status `address`).
describe('address rows', () => {
  const opts: ShopImportOptions = { municipality: 'deventer', municipalityBoundary: deventer, existingShops: [], toWgs84: rdToWgs84, newId: (r) => `row-${r}` };
  const parse = (csv: string) => {
    const p = parseShopCsv(csv, opts);
    if (!p.ok) throw new Error(p.reason);
    return p;
  };

  it('postcode + huisnummer without coordinate columns: status address with the lookup and a composed address', () => {
    const p = parse('naam;postcode;huisnummer;huisletter;toevoeging\nBakker;7411 bt;12;a;2\n');
    expect(p.counts).toEqual({ ok: 0, error: 0, address: 1 });
    const row = p.rows[0]!;
    expect(row.status).toBe('address');
    expect(row.lookup).toEqual({ postcode: '7411 bt', huisnummer: '12', huisletter: 'a', toevoeging: '2' });
    expect(row.draft).toMatchObject({ id: 'row-2', name: 'Bakker', address: '12a-2, 7411 BT' });
    expect(row.shop).toBeUndefined();
  });

  it.each([
    ['naam;straat;huisnummer;plaats\nA;Brink;1;Deventer', 'address', null],
    ['naam;postcode;huisnummer\nA;12345;1', 'error', { column: 'postcode', reason: 'invalid_postcode', value: '12345' }],
    ['naam;postcode;huisnummer\nA;7411BT;', 'error', { column: 'huisnummer', reason: 'missing_address' }],
    ['naam;postcode;huisnummer\nA;7411BT;twaalf', 'error', { column: 'huisnummer', reason: 'invalid_number', value: 'twaalf' }],
    ['naam;Straatnaam;Nr;Woonplaats\nA;Brink;;Deventer', 'error', { column: 'Nr', reason: 'missing_address' }],
  ])('%j → %s', (csv, status, error) => {
    const row = parse(csv).rows[0]!;
    expect(row.status).toBe(status);
    if (error) expect(row.errors[0]).toMatchObject(error);
  });

  it('a row with coordinates keeps them even when the file has address columns', () => {
    const p = parse('naam;postcode;huisnummer;lon;lat\nA;7411BT;1;6.16;52.25\nB;7411BT;2;;\n');
    expect(p.rows.map((r) => r.status)).toEqual(['ok', 'address']);
  });

  it('duplicates by name and address also hold for address rows', () => {
    const p = parse('naam;postcode;huisnummer\nA;7411BT;1\nA;7411 BT;1\n');
    expect(p.rows[1]!.errors[0]).toMatchObject({ reason: 'duplicate_row', duplicateOfRow: 2 });
  });

  it('placeDraft makes the shop at the place found, with the BAG ids; outside the municipality is refused', () => {
    const draft = parse('naam;postcode;huisnummer\nA;7411BT;1\n').rows[0]!.draft!;
    const bag = { nummeraanduidingId: '0150200000000001', adresseerbaarObjectId: '0150010000000001' };
    const made = placeDraft(draft, [6.16, 52.25], deventer, { bag });
    expect(made).toMatchObject({ ok: true, shop: { name: 'A', point: { type: 'Point', coordinates: [6.16, 52.25] }, bag } });
    expect(placeDraft(draft, [4.9, 52.37], deventer)).toMatchObject({ ok: false, reason: 'outside_municipality' });
  });
});

describe('the enquête column counts for a year, never for every year (R50)', () => {
  const text =
    'Naam;Lengtegraad;Breedtegraad;Enquête\n' +
    'Ja-winkel;6.1606;52.2511;ja\n' +
    'Nee-winkel;6.1610;52.2515;nee\n' +
    'Jaren-winkel;6.1620;52.2520;2023 2025\n' +
    'Fout-winkel;6.1630;52.2525;misschien\n';
  const r = parseShopCsv(text, { ...options(), surveyYear: 2025 });
  if (!r.ok) throw new Error(r.message);

  it('"ja" is the import\'s survey year, so the shop has not answered other years', () => {
    const shop = row(r, 2).shop!;
    expect(shop.surveyYears).toEqual([2025]);
    expect(shop.flags.surveyAnswered).toBe(true);
    expect(surveyAnsweredIn(shop, 2025)).toBe(true);
    expect(surveyAnsweredIn(shop, 2026)).toBe(false);
    expect(surveyAnsweredIn(shop, 2024)).toBe(false);
  });

  it('"nee" is no year; years in the cell are those years', () => {
    const no = row(r, 3).shop!;
    expect(no.surveyYears).toBeUndefined();
    expect(no.flags.surveyAnswered).toBe(false);
    expect(surveyAnsweredIn(no, 2025)).toBe(false);
    const years = row(r, 4).shop!;
    expect(years.surveyYears).toEqual([2023, 2025]);
    expect(years.flags.surveyAnswered).toBe(true);
    expect(surveyAnsweredIn(years, 2024)).toBe(false);
  });

  it('anything else is refused naming the column', () => {
    expect(row(r, 5).status).toBe('error');
    expect(problems(row(r, 5))).toEqual([['Enquête', 'unknown_flag_value']]);
  });

  it('without the column the shop has no survey years', () => {
    const plain = preview('Naam;Lengtegraad;Breedtegraad\nWinkel;6.1606;52.2511\n');
    expect(row(plain, 2).shop!.surveyYears).toBeUndefined();
  });
});
