import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { applyFindingCommandTo, saveNewFinding } from '../../src/storage/findingsRepo';
import { assignMany } from '../../src/storage/followupRepo';
import type { Actor } from '../../src/domain/findingStatus';

const actor: Actor = { id: 'device:test', roles: ['coordinator', 'schouwer'] };
const wijkbeheerder: Actor = { id: 'wb', roles: ['wijkbeheerder'] };
const now = new Date('2026-10-01T19:30:00Z');
const later = new Date('2026-10-02T08:00:00Z');

let db: SchouwDb;
afterEach(() => db?.close());

async function seed(n: number): Promise<string[]> {
  db = openDb(`followup-${Math.random()}`);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const made = await saveNewFinding(
      db,
      { id: uuidv7(), municipality: 'deventer', areaId: 'binnenstad', point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: `Lamp ${i}`, severity: 'medium' },
      actor,
      { now },
    );
    if (!made.ok) throw new Error('setup');
    ids.push(made.finding.id);
  }
  return ids;
}

const counts = async () => ({ events: await db.findingEvents.count(), outbox: await db.outbox.count() });

describe('assigning several findings at once', () => {
  it('gives each finding its own owner, due date and status events and its own outbox entry', async () => {
    const ids = await seed(3);
    const result = await assignMany(db, ids.slice(0, 2), 'police', '2026-10-15', wijkbeheerder, { now: later });
    expect(result).toMatchObject({ ok: true, unchanged: [] });
    expect(await counts()).toEqual({ events: 3 + 2 * 3, outbox: 3 + 2 });
    for (const id of ids.slice(0, 2)) {
      expect(await db.findings.get(id)).toMatchObject({ status: 'assigned', owner: 'police', dueDate: '2026-10-15' });
      const events = await db.findingEvents.where('findingId').equals(id).sortBy('at');
      expect(events.map((e) => e.kind).sort()).toEqual(['created', 'due_date_changed', 'owner_changed', 'status_changed']);
      const entries = await db.outbox.where('recordId').equals(id).toArray();
      expect(entries).toHaveLength(2);
      expect(entries[1]!.changes).toEqual({ owner: 'police', dueDate: '2026-10-15', status: 'assigned', updatedAt: later.toISOString() });
      expect(entries[1]!.events.map((e) => e.kind)).toEqual(['owner_changed', 'due_date_changed', 'status_changed']);
    }
    expect(await db.findings.get(ids[2]!)).toMatchObject({ status: 'open', owner: null });
  });

  it('stores nothing when one of them refuses, and names the one that refused', async () => {
    const ids = await seed(3);
    const fixed = await applyFindingCommandTo(db, ids[1]!, { kind: 'fix', note: 'Lamp vervangen' }, actor, { now });
    expect(fixed.ok).toBe(true);
    const before = await counts();
    const result = await assignMany(db, ids, 'municipality', '2026-10-15', wijkbeheerder, { now });
    expect(result).toEqual({ ok: false, reason: 'invalid_transition', findingId: ids[1] });
    expect(await counts()).toEqual(before);
    expect(await db.findings.get(ids[0]!)).toMatchObject({ status: 'open', owner: null });
  });

  it('skips a finding that already has this owner and due date instead of failing the rest', async () => {
    const ids = await seed(2);
    await assignMany(db, [ids[0]!], 'police', '2026-10-15', wijkbeheerder, { now });
    const before = await counts();
    const result = await assignMany(db, ids, 'police', '2026-10-15', wijkbeheerder, { now });
    expect(result).toMatchObject({ ok: true, unchanged: [ids[0]] });
    expect(await counts()).toEqual({ events: before.events + 3, outbox: before.outbox + 1 });
  });

  it('a full disk stores nothing and says quota_exceeded', async () => {
    const ids = await seed(2);
    const before = await counts();
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await assignMany(db, ids, 'police', '2026-10-15', wijkbeheerder, { now });
    expect(result).toMatchObject({ ok: false, reason: 'quota_exceeded' });
    expect(await counts()).toEqual(before);
    expect((await db.findings.bulkGet(ids)).map((f) => f!.status)).toEqual(['open', 'open']);
  });

  it('an unknown finding id stores nothing and is named', async () => {
    const ids = await seed(1);
    const ghost = uuidv7();
    expect(await assignMany(db, [ids[0]!, ghost], 'police', '2026-10-15', wijkbeheerder, { now })).toEqual({ ok: false, reason: 'not_found', findingId: ghost });
    expect(await db.outbox.count()).toBe(1);
  });
});
