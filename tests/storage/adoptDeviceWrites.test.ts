import 'fake-indexeddb/auto';
import { describe, it, expect, beforeEach } from 'vitest';
import { openDb, type SchouwDb, type OutboxEntry } from '../../src/storage/db';
import { adoptDeviceWrites } from '../../src/storage/adoptDeviceWrites';

const device = 'device:0b6d3f7e-1111-4222-8333-944445555666';
let db: SchouwDb;

function entry(mutationId: string, by: string, status: OutboxEntry['status'] = 'pending', reason?: string): OutboxEntry {
  return {
    mutationId,
    table: 'findings',
    recordId: `f-${mutationId}`,
    changes: { createdBy: by, description: `kapotte lamp bij ${by}` },
    baseRevision: null,
    events: [{ id: `e-${mutationId}`, findingId: `f-${mutationId}`, at: '2026-11-20T19:00:00.000Z', by, kind: 'created' } as OutboxEntry['events'][number]],
    createdAt: '2026-11-20T19:00:00.000Z',
    status,
    ...(reason ? { reason } : {}),
  };
}

beforeEach(async () => {
  db = openDb(`adopt-${Math.random()}`);
  await db.open();
});

describe('R23: logging in on a device that captured findings before anyone logged in', () => {
  it('hands the unsynced writes, their events and records to the person who logs in', async () => {
    await db.outbox.bulkAdd([entry('m1', device), entry('m2', 'user-other')]);
    await db.findingEvents.add({ id: 'e-m1', findingId: 'f-m1', at: '2026-11-20T19:00:00.000Z', by: device, kind: 'created' } as never);
    await db.findings.add({ id: 'f-m1', createdBy: device } as never);

    expect(await adoptDeviceWrites(db, device, 'user-anna')).toBe(1);

    const [m1, m2] = await db.outbox.orderBy('seq').toArray();
    expect(m1!.changes.createdBy).toBe('user-anna');
    expect(m1!.events[0]!.by).toBe('user-anna');
    // Only whole values equal to the device id change, not text that mentions it.
    expect(m1!.changes.description).toBe(`kapotte lamp bij ${device}`);
    // Someone else's write is left alone.
    expect(m2!.changes.createdBy).toBe('user-other');
    expect((await db.findings.get('f-m1'))?.createdBy).toBe('user-anna');
    expect((await db.findingEvents.get('e-m1'))?.by).toBe('user-anna');
  });

  it('gives a change refused for the device actor another chance, and leaves other refusals as they are', async () => {
    await db.outbox.bulkAdd([entry('m1', device, 'rejected', 'not_allowed_for_role'), entry('m2', device, 'rejected', 'invalid_transition')]);
    await adoptDeviceWrites(db, device, 'user-anna');
    const [m1, m2] = await db.outbox.orderBy('seq').toArray();
    expect([m1!.status, m1!.reason]).toEqual(['pending', undefined]);
    expect([m2!.status, m2!.reason]).toEqual(['rejected', 'invalid_transition']);
  });

  it('changes nothing for a person\'s own id or a non-device actor', async () => {
    await db.outbox.add(entry('m1', 'user-anna'));
    expect(await adoptDeviceWrites(db, 'user-anna', 'user-bert')).toBe(0);
    expect((await db.outbox.toArray())[0]!.changes.createdBy).toBe('user-anna');
  });
});
