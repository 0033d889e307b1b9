import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/domain/geojson';
import { noFlags, type Shop } from '../../src/domain/shop';
import { parseShopCsv, type ShopImportPreview } from '../../src/domain/shopImport';
import { rdToWgs84 } from '../../src/domain/coordsRd';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { importShops, saveShop, setShopOpen } from '../../src/storage/shopsRepo';

const boundary: AreaGeometry = { type: 'Polygon', coordinates: [[[6.0, 52.15], [6.35, 52.15], [6.35, 52.35], [6.0, 52.35], [6.0, 52.15]]] };

const shop = (id: string, name: string, lon = 6.16): Shop => ({
  id,
  municipality: 'deventer',
  name,
  address: `${name}straat 1`,
  point: { type: 'Point', coordinates: [lon, 52.252] },
  sector: 'food',
  open: true,
  flags: noFlags(),
  shopChecks: [],
  visits: [],
  courses: [],
});

function preview(csv: string, existing: Shop[]): ShopImportPreview {
  const r = parseShopCsv(csv, { municipality: 'deventer', municipalityBoundary: boundary, existingShops: existing, toWgs84: rdToWgs84 });
  if (!r.ok) throw new Error(r.message);
  return r;
}

let db: SchouwDb;
beforeEach(async () => {
  db = openDb(`shops-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

describe('the shop register on the device', () => {
  it('saving a shop stores it and one outbox entry with its fields', async () => {
    expect(await saveShop(db, shop('a', 'Bakker'))).toMatchObject({ ok: true });
    expect((await db.shops.get('a'))?.name).toBe('Bakker');
    const out = await db.outbox.toArray();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ table: 'shops', recordId: 'a', status: 'pending' });
  });

  it('an edit sends only the changed fields, and saving the same shop again sends nothing', async () => {
    await saveShop(db, shop('a', 'Bakker'));
    await saveShop(db, { ...shop('a', 'Bakker'), flags: { ...noFlags(), collectiveBan: true } });
    await saveShop(db, { ...shop('a', 'Bakker'), flags: { ...noFlags(), collectiveBan: true } });
    const out = await db.outbox.toArray();
    expect(out).toHaveLength(2);
    expect(Object.keys(out[1]!.changes)).toEqual(['flags']);
  });

  it('refuses an invalid shop with a reason and stores nothing', async () => {
    const r = await saveShop(db, { ...shop('a', 'x'), name: '  ' });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_shop', field: 'name' });
    expect(await db.shops.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('closing keeps the shop in the register as closed', async () => {
    await saveShop(db, shop('a', 'Bakker'));
    expect(await setShopOpen(db, 'a', false)).toMatchObject({ ok: true });
    expect((await db.shops.get('a'))?.open).toBe(false);
    expect(await setShopOpen(db, 'nope', false)).toMatchObject({ ok: false, reason: 'not_found' });
  });
});

describe('importing shops', () => {
  const csv = 'naam;adres;lengtegraad;breedtegraad\nEen;Brink 1;6,16;52,252\nTwee;Brink 2;6,161;52,252\n;Brink 3;6,16;52,25\nEen;Brink 1;6,16;52,252\n';

  it('a preview stores nothing: cancelling after it leaves the register as it was', async () => {
    await saveShop(db, shop('old', 'Oud', 6.2));
    const before = { shops: await db.shops.toArray(), outbox: await db.outbox.count() };
    const p = preview(csv, before.shops);
    expect(p.counts).toEqual({ ok: 2, error: 2, address: 0 });
    // The person cancels: no call to importShops.
    expect(await db.shops.toArray()).toEqual(before.shops);
    expect(await db.outbox.count()).toBe(before.outbox);
  });

  it('confirming stores exactly the good rows, each with an outbox entry', async () => {
    const p = preview(csv, []);
    const good = p.rows.flatMap((r) => (r.shop ? [r.shop] : []));
    expect(await importShops(db, good)).toEqual({ ok: true, count: 2 });
    expect((await db.shops.toArray()).map((s) => s.name).sort()).toEqual(['Een', 'Twee']);
    expect(await db.outbox.count()).toBe(2);
  });

  it('is all or nothing: one shop that cannot be stored leaves no shop and no outbox entry behind', async () => {
    await saveShop(db, shop('taken', 'Bestaand', 6.2));
    const r = await importShops(db, [shop('n1', 'Een'), shop('taken', 'Nieuw', 6.17), shop('n3', 'Drie', 6.18)]);
    expect(r).toMatchObject({ ok: false, reason: 'id_exists', ids: ['taken'] });
    expect((await db.shops.toArray()).map((s) => s.id)).toEqual(['taken']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('is all or nothing when a row is invalid', async () => {
    const r = await importShops(db, [shop('n1', 'Een'), { ...shop('n2', 'Twee'), sector: 'x'.repeat(500) }]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_shop' });
    expect(await db.shops.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
