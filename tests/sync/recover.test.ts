/**
 * R54-R56 on the device: what is kept aside when the server turns out restored, and what is offered
 * again once the re-pull is done (the end-to-end run on the real app is
 * tests/server/ops/restoreResync.test.ts).
 */
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/findingStatus';
import { SYNC_FIELD } from '../../src/storage/db';
import { applyFindingCommandTo, saveNewFinding } from '../../src/storage/findingsRepo';
import { applyRecordVersions, knownKey, knownRecord } from '../../src/sync/apply';
import { keepLost, offerLost, RECOVER_KEY } from '../../src/sync/recover';
import { deviceDatabases } from '../support/deviceDb';

const newDeviceDb = deviceDatabases('recover');

const actor: Actor = { id: uuidv7(), roles: ['schouwer'] };
const from = { epoch: 'old-epoch', head: 100 };

/** A device with three synced findings known at revisions 90 (in the backup), 120 and 130 (lost). */
async function device() {
  const db = newDeviceDb();
  const ids: string[] = [];
  for (const [i, revision] of [90, 120, 130].entries()) {
    const made = await saveNewFinding(db, { id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: `bevinding ${i}`, severity: 'low' }, actor);
    if (!made.ok) throw new Error(made.reason);
    await db.outbox.clear();
    await db.findings.update(made.finding.id, { [SYNC_FIELD]: { revision } } as never);
    ids.push(made.finding.id);
  }
  const shop = { id: uuidv7(), municipality: 'testdorp', name: 'Bakkerij Lost' };
  await db.shops.put(shop as never);
  await db.meta.put({ key: knownKey('shops', shop.id), value: { revision: 125 } });
  return { db, ids: ids as [string, string, string], shop };
}

describe('R54: keeping aside what the restored server may have lost', () => {
  it('keeps every record known above the backup head, forgets its known revision, and freezes the base of its pending change', async () => {
    const { db, ids, shop } = await device();
    await applyFindingCommandTo(db, ids[1], { kind: 'change_severity', severity: 'high' }, actor);
    expect((await db.outbox.toArray())[0]).toMatchObject({ recordId: ids[1], baseRevision: null });

    const kept = await db.transaction('rw', [db.findings, db.meta, db.outbox, db.shops, db.inspections, db.worries, db.areaCertifications, db.programmeResponses, db.programmeFreezes, db.scoringTables], () => keepLost(db, from));

    expect(kept).toBe(3);
    expect((await db.meta.get(RECOVER_KEY))?.value).toEqual(from);
    expect((await db.meta.get(`recover/findings/${ids[0]}`))).toBeUndefined();
    expect((await db.meta.get(`recover/findings/${ids[1]}`))?.value).toMatchObject({ id: ids[1], description: 'bevinding 1', severity: 'high' });
    expect((await db.meta.get(`recover/shops/${shop.id}`))?.value).toEqual(shop);
    expect(await knownRecord(db, 'findings', ids[0])).toEqual({ revision: 90 });
    expect(await knownRecord(db, 'findings', ids[1])).toBeUndefined();
    expect(await knownRecord(db, 'shops', shop.id)).toBeUndefined();
    expect((await db.outbox.toArray())[0]).toMatchObject({ recordId: ids[1], baseRevision: 120 });
  });
});

describe('R55, R56: offering it again after the re-pull', () => {
  it('offers the whole record the server lacks, the changed fields of one it has from the backup, and nothing for one written since the restore', async () => {
    const { db, ids, shop } = await device();
    await applyFindingCommandTo(db, ids[1], { kind: 'change_description', description: 'na de backup' }, actor);
    await db.outbox.clear();
    await db.transaction('rw', [db.findings, db.meta, db.outbox, db.shops, db.inspections, db.worries, db.areaCertifications, db.programmeResponses, db.programmeFreezes, db.scoringTables], () => keepLost(db, from));
    // The re-pull brought finding 1 as the backup had it (revision 80) and finding 2 as someone changed
    // it after the restore (revision 105); the shop is not on the server.
    const f1 = (await db.findings.get(ids[1]))!;
    const f2 = (await db.findings.get(ids[2]))!;
    await db.transaction('rw', [db.findings, db.meta, db.outbox, db.shops, db.inspections, db.worries, db.areaCertifications, db.programmeResponses, db.programmeFreezes, db.scoringTables, db.findingEvents, db.photos], () =>
      applyRecordVersions(db, [
        { table: 'findings', id: ids[1], revision: 80, data: { ...f1, description: 'bevinding 1' } as never, conflicts: [] },
        { table: 'findings', id: ids[2], revision: 105, data: { ...f2, description: 'na het terugzetten' } as never, conflicts: [] },
      ], { replace: true }),
    );
    // A pending change of finding 1 made meanwhile: its field is left to its own entry.
    await applyFindingCommandTo(db, ids[1], { kind: 'change_severity', severity: 'high' }, actor);

    expect(await offerLost(db)).toBe(2);

    const offers = (await db.outbox.toArray()).filter((e) => e.recovers !== undefined);
    expect(offers.map((e) => e.recordId).sort()).toEqual([ids[1], shop.id].sort());
    const f1Offer = offers.find((e) => e.recordId === ids[1])!;
    expect(f1Offer).toMatchObject({ table: 'findings', recovers: 'old-epoch', baseRevision: 80, changes: { description: 'na de backup' } });
    expect(Object.keys(f1Offer.changes)).not.toContain('severity');
    expect(f1Offer.events.map((e) => e.kind)).toContain('description_changed');
    expect(f1Offer.events.map((e) => e.kind)).not.toContain('severity_changed');
    expect(offers.find((e) => e.recordId === shop.id)).toMatchObject({ table: 'shops', baseRevision: null, changes: shop });
    // The device shows its own version again; the one written since the restore stays as the server has it.
    expect(await db.findings.get(ids[1])).toMatchObject({ description: 'na de backup', severity: 'high' });
    expect(await db.findings.get(ids[2])).toMatchObject({ description: 'na het terugzetten' });
    expect(await db.meta.get(RECOVER_KEY)).toBeUndefined();
    expect(await db.meta.where('key').startsWith('recover/').count()).toBe(0);
    // Offered once: another pull after it makes no more.
    expect(await offerLost(db)).toBe(0);
  });
});
