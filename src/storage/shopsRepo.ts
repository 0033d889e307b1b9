import { shopSchema, type Shop } from '../domain/shop';
import type { SchouwDb } from './db';
import { changedFields, outboxEntry } from './outbox';

/**
 * The shop register on the device. Every write stores the shop and its outbox entry in one
 * transaction; a refusal carries a reason code and stores nothing.
 */

export type ShopRefusal =
  | { ok: false; reason: 'invalid_shop'; field?: string; message: string }
  | { ok: false; reason: 'not_found'; message: string }
  | { ok: false; reason: 'id_exists'; ids: string[]; message: string }
  | { ok: false; reason: 'nothing_to_import'; message: string }
  | { ok: false; reason: 'storage_error'; message: string };

function validate(shop: unknown): { ok: true; shop: Shop } | ShopRefusal {
  const r = shopSchema.safeParse(shop);
  if (r.success) return { ok: true, shop: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: 'invalid_shop', field: issue?.path.join('.'), message: issue?.message ?? 'invalid shop' };
}

/** Adds or changes one shop; the outbox gets only the fields that changed (nothing when none did). */
export async function saveShop(db: SchouwDb, input: Shop): Promise<{ ok: true; shop: Shop } | ShopRefusal> {
  const v = validate(input);
  if (!v.ok) return v;
  const shop = v.shop;
  return db.transaction('rw', db.shops, db.outbox, async () => {
    const prev = await db.shops.get(shop.id);
    const changes = changedFields(prev ?? null, shop);
    if (Object.keys(changes).length === 0) return { ok: true as const, shop };
    await db.shops.put(shop);
    await db.outbox.add(outboxEntry('shops', shop.id, changes, [], new Date()));
    return { ok: true as const, shop };
  });
}

/** Closes (or reopens) a shop: it stays in the register but counts nowhere in participation. */
export async function setShopOpen(db: SchouwDb, id: string, open: boolean): Promise<{ ok: true; shop: Shop } | ShopRefusal> {
  return db.transaction('rw', db.shops, db.outbox, async () => {
    const prev = await db.shops.get(id);
    if (!prev) return { ok: false as const, reason: 'not_found' as const, message: `no shop ${id}` };
    if (prev.open === open) return { ok: true as const, shop: prev };
    const shop = { ...prev, open };
    await db.shops.put(shop);
    await db.outbox.add(outboxEntry('shops', id, { open }, [], new Date()));
    return { ok: true as const, shop };
  });
}

/**
 * Stores the good rows of an import preview: all of them or none. Every shop is validated first; an
 * id already in the register (someone added it since the preview) refuses the whole import.
 */
export async function importShops(db: SchouwDb, shops: readonly Shop[]): Promise<{ ok: true; count: number } | ShopRefusal> {
  if (shops.length === 0) return { ok: false, reason: 'nothing_to_import', message: 'no good rows to import' };
  const valid: Shop[] = [];
  for (const s of shops) {
    const v = validate(s);
    if (!v.ok) return v;
    valid.push(v.shop);
  }
  const ids = valid.map((s) => s.id);
  if (new Set(ids).size !== ids.length) {
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    return { ok: false, reason: 'id_exists', ids: dup, message: `the import holds ids twice: ${dup.join(', ')}` };
  }
  try {
    return await db.transaction('rw', db.shops, db.outbox, async () => {
      const existing = (await db.shops.bulkGet(ids)).filter((s): s is Shop => !!s).map((s) => s.id);
      if (existing.length > 0) {
        return { ok: false as const, reason: 'id_exists' as const, ids: existing, message: `already in the register: ${existing.join(', ')}` };
      }
      const at = new Date();
      await db.shops.bulkAdd(valid);
      await db.outbox.bulkAdd(valid.map((s) => outboxEntry('shops', s.id, changedFields(null, s), [], at)));
      return { ok: true as const, count: valid.length };
    });
  } catch (e) {
    return { ok: false, reason: 'storage_error', message: e instanceof Error ? e.message : String(e) };
  }
}

export function listShops(db: SchouwDb, municipality: string): Promise<Shop[]> {
  return db.shops.where('municipality').equals(municipality).toArray();
}
