/** R48 on the device: confirming or dismissing a worry, with R1's one transaction. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { confirmWorry, dismissWorry, WORRY_EVENT_NOTE } from '../../src/storage/worriesRepo';
import type { Actor } from '../../src/domain/findingStatus';
import type { Worry } from '../../src/domain/worry';

const schouwer: Actor = { id: 'u-schouwer', roles: ['schouwer'] };
const now = new Date('2026-10-01T19:30:00Z');
let db: SchouwDb;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

function worry(over: Partial<Worry> = {}): Worry {
  return {
    id: uuidv7(),
    municipality: 'deventer',
    areaId: 'binnenstad',
    point: { type: 'Point', coordinates: [6.16, 52.25] },
    categoryCode: 'lighting',
    text: 'Donker steegje naast de bakker',
    photoHash: 'c'.repeat(64),
    submittedAt: '2026-09-20T10:00:00.000Z',
    status: 'accepted',
    findingId: null,
    dismissReason: null,
    checkedBy: null,
    checkedAt: null,
    updatedAt: '2026-09-21T10:00:00.000Z',
    ...over,
  };
}

async function fresh(w: Worry): Promise<SchouwDb> {
  db = openDb(`worries-${uuidv7()}`);
  await db.worries.put(w);
  return db;
}

describe('R48 worries on the device', () => {
  it('confirming makes a finding with the shopkeeper text and photo, a created event naming the worry, and two outbox entries (finding first)', async () => {
    const w = worry();
    await fresh(w);
    const id = uuidv7();
    const r = await confirmWorry(db, w.id, { id, severity: 'medium' }, schouwer, now);
    expect(r.ok).toBe(true);
    const f = (await db.findings.get(id))!;
    expect(f).toMatchObject({ description: w.text, photoHashes: [w.photoHash], point: w.point, categoryCode: 'lighting', createdBy: schouwer.id });
    const [event] = await db.findingEvents.where('findingId').equals(id).toArray();
    expect(event).toMatchObject({ kind: 'created', note: WORRY_EVENT_NOTE, after: { worryId: w.id } });
    expect(await db.worries.get(w.id)).toMatchObject({ status: 'confirmed', findingId: id, checkedBy: schouwer.id });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.table)).toEqual(['findings', 'worries']);
    expect(outbox[1]!.changes).toEqual({ status: 'confirmed', findingId: id, checkedBy: schouwer.id, checkedAt: now.toISOString(), updatedAt: now.toISOString() });
  });

  it('a second check is refused and stores nothing', async () => {
    const w = worry({ status: 'dismissed', dismissReason: 'al opgelost', checkedBy: 'x', checkedAt: now.toISOString() });
    await fresh(w);
    expect(await confirmWorry(db, w.id, { id: uuidv7(), severity: 'low' }, schouwer, now)).toEqual({ ok: false, reason: 'already_checked' });
    expect(await db.findings.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('dismissing needs a reason and a walking role', async () => {
    const w = worry();
    await fresh(w);
    expect(await dismissWorry(db, w.id, '   ', schouwer, now)).toEqual({ ok: false, reason: 'needs_reason' });
    expect(await dismissWorry(db, w.id, 'Niet gevonden', { id: 'wb', roles: ['wijkbeheerder'] }, now)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
    expect(await db.outbox.count()).toBe(0);
    const r = await dismissWorry(db, w.id, 'Lamp  brandt\ngewoon', schouwer, now);
    expect(r.ok).toBe(true);
    expect(await db.worries.get(w.id)).toMatchObject({ status: 'dismissed', dismissReason: 'Lamp brandt gewoon' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'worries', recordId: w.id });
    expect(Object.keys(entry!.changes).sort()).toEqual(['checkedAt', 'checkedBy', 'dismissReason', 'status', 'updatedAt']);
  });
});
