import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { saveInspectionChange, savePlannedInspection } from '../../src/storage/inspectionsRepo';
import type { Actor } from '../../src/domain/findingStatus';

const actor: Actor = { id: 'device:test', roles: ['coordinator', 'schouwer'] };
let db: SchouwDb;
afterEach(() => db?.close());

const plan = () => ({
  id: uuidv7(),
  municipality: 'deventer',
  areaId: 'binnenstad',
  startsAt: '2026-11-03T19:30',
  participants: [{ organisation: 'police', label: ' Wijkagent ' }, { organisation: 'fire_brigade' }],
  notes: 'Start bij de Brink',
});

describe('inspections on the device', () => {
  it('planning stores the inspection and one outbox entry in one go', async () => {
    db = openDb(`insp-${Math.random()}`);
    const result = await savePlannedInspection(db, plan(), actor, new Date('2026-10-01T10:00:00Z'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.inspection.participants).toEqual([{ organisation: 'police', label: 'Wijkagent' }, { organisation: 'fire_brigade' }]);
    expect(await db.inspections.count()).toBe(1);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'inspections', recordId: result.inspection.id, baseRevision: null });
  });

  it('starting and ending a walk each queue only the changed fields', async () => {
    db = openDb(`insp-${Math.random()}`);
    const made = await savePlannedInspection(db, plan(), actor, new Date('2026-10-01T10:00:00Z'));
    if (!made.ok) throw new Error('setup');
    const started = await saveInspectionChange(db, made.inspection.id, { kind: 'start' }, actor, new Date('2026-11-03T18:31:00Z'));
    expect(started.ok && started.inspection.status).toBe('walking');
    const ended = await saveInspectionChange(db, made.inspection.id, { kind: 'end' }, actor, new Date('2026-11-03T20:00:00Z'));
    expect(ended.ok && ended.inspection.status).toBe('done');
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => Object.keys(e.changes).sort())).toEqual([
      expect.arrayContaining(['id', 'areaId', 'status']),
      ['status', 'updatedAt', 'walkStartedAt'],
      ['status', 'updatedAt', 'walkEndedAt'],
    ]);
  });

  it('an invalid plan is refused and stores nothing', async () => {
    db = openDb(`insp-${Math.random()}`);
    const result = await savePlannedInspection(db, { ...plan(), startsAt: 'tomorrow' }, actor);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_input', field: 'startsAt' });
    expect(await db.inspections.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a partner may not plan a walk', async () => {
    db = openDb(`insp-${Math.random()}`);
    const result = await savePlannedInspection(db, plan(), { id: 'p', roles: ['partner'] });
    expect(result).toEqual({ ok: false, reason: 'not_allowed_for_role' });
  });
});
