import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openDb, type PhotoRecord, type SchouwDb } from '../../src/storage/db';
import { applyFindingCommands, saveNewFinding } from '../../src/storage/findingsRepo';
import type { Actor, CreateFindingInput } from '../../src/domain/findingStatus';

const actor: Actor = { id: 'device:test', roles: ['coordinator', 'schouwer'] };
const now = new Date('2026-10-01T19:30:00Z');
const hash = 'a'.repeat(64);

function input(over: Partial<CreateFindingInput> = {}): CreateFindingInput {
  return {
    id: uuidv7(),
    municipality: 'deventer',
    areaId: 'binnenstad',
    point: { type: 'Point', coordinates: [6.16, 52.25] },
    categoryCode: 'lighting',
    description: 'Lamp kapot',
    severity: 'medium',
    ...over,
  };
}

function photo(h = hash): PhotoRecord {
  return { hash: h, blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }), type: 'image/jpeg', width: 1, height: 1, createdAt: now.toISOString() };
}

/** What a browser throws when the disk is full. */
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function counts(db: SchouwDb) {
  return { findings: await db.findings.count(), events: await db.findingEvents.count(), outbox: await db.outbox.count(), photos: await db.photos.count() };
}

let db: SchouwDb;
const fresh = () => (db = openDb(`repo-${Math.random()}`));
afterEach(() => db?.close());

describe('saving a new finding', () => {
  it('stores the finding, its created event, its photo and one outbox entry with every field', async () => {
    fresh();
    const result = await saveNewFinding(db, input(), actor, { now, photos: [photo()] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await counts(db)).toEqual({ findings: 1, events: 1, outbox: 1, photos: 1 });
    expect(result.finding.photoHashes).toEqual([hash]);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'findings', recordId: result.finding.id, baseRevision: null, status: 'pending' });
    expect(entry!.mutationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry!.changes).toEqual(result.finding);
    expect(entry!.events.map((e) => e.kind)).toEqual(['created']);
  });

  it('a refusal by the domain stores nothing and returns its reason code', async () => {
    fresh();
    const result = await saveNewFinding(db, input({ categoryCode: 'no_such_category' }), actor, { now });
    expect(result).toMatchObject({ ok: false, reason: 'unknown_category' });
    expect(await counts(db)).toEqual({ findings: 0, events: 0, outbox: 0, photos: 0 });
  });

  it('a failure in the middle of the write (the event) leaves no finding, no photo and no outbox entry', async () => {
    fresh();
    db.findingEvents.hook('creating', () => {
      throw new Error('disk error while writing the event');
    });
    await expect(saveNewFinding(db, input(), actor, { now, photos: [photo()] })).rejects.toThrow();
    expect(await counts(db)).toEqual({ findings: 0, events: 0, outbox: 0, photos: 0 });
  });

  it('a quota error keeps every saved finding and returns quota_exceeded', async () => {
    fresh();
    const first = await saveNewFinding(db, input(), actor, { now });
    const second = await saveNewFinding(db, input(), actor, { now, photos: [photo()] });
    expect(first.ok && second.ok).toBe(true);
    db.outbox.hook('creating', () => {
      throw quotaError();
    });
    const third = await saveNewFinding(db, input(), actor, { now, photos: [photo('b'.repeat(64))] });
    expect(third).toMatchObject({ ok: false, reason: 'quota_exceeded' });
    expect(third).toHaveProperty('used');
    expect(third).toHaveProperty('quota');
    expect(await counts(db)).toEqual({ findings: 2, events: 2, outbox: 2, photos: 1 });
  });
});

describe('changing a finding', () => {
  it('puts only the changed fields in one outbox entry, with one event per change', async () => {
    fresh();
    const made = await saveNewFinding(db, input(), actor, { now });
    if (!made.ok) throw new Error('setup');
    const later = new Date('2026-10-01T19:35:00Z');
    const result = await applyFindingCommands(
      db,
      made.finding.id,
      [
        { kind: 'change_severity', severity: 'high' },
        { kind: 'move', point: { type: 'Point', coordinates: [6.161, 52.251] }, areaId: 'binnenstad' },
      ],
      actor,
      { now: later },
    );
    expect(result.ok).toBe(true);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(2);
    expect(Object.keys(entries[1]!.changes).sort()).toEqual(['point', 'severity', 'updatedAt']);
    expect(entries[1]!.events.map((e) => e.kind)).toEqual(['severity_changed', 'moved']);
    expect(await db.findingEvents.where('findingId').equals(made.finding.id).count()).toBe(3);
  });

  it('a fix followed by a verify is one write; a refused second command stores neither', async () => {
    fresh();
    const made = await saveNewFinding(db, input(), actor, { now });
    if (!made.ok) throw new Error('setup');
    const refused = await applyFindingCommands(db, made.finding.id, [{ kind: 'fix', note: 'gerepareerd' }, { kind: 'start' }], actor, { now });
    expect(refused).toMatchObject({ ok: false, reason: 'invalid_transition' });
    expect((await db.findings.get(made.finding.id))!.status).toBe('open');
    expect(await db.outbox.count()).toBe(1);

    const done = await applyFindingCommands(db, made.finding.id, [{ kind: 'fix', note: 'gerepareerd' }, { kind: 'verify' }], actor, { now });
    expect(done.ok && done.finding.status).toBe('verified');
    expect(await db.outbox.count()).toBe(2);
  });

  it('removing keeps the finding and its history, marked removed, with a removed event', async () => {
    fresh();
    const made = await saveNewFinding(db, input(), actor, { now });
    if (!made.ok) throw new Error('setup');
    const result = await applyFindingCommands(db, made.finding.id, [{ kind: 'remove' }], actor, { now });
    expect(result.ok).toBe(true);
    expect((await db.findings.get(made.finding.id))!.removed).toBe(true);
    const kinds = (await db.findingEvents.where('findingId').equals(made.finding.id).toArray()).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'removed']);
  });

  it('a quota error while adding a photo keeps the finding as it was', async () => {
    fresh();
    const made = await saveNewFinding(db, input(), actor, { now });
    if (!made.ok) throw new Error('setup');
    db.photos.hook('creating', () => {
      throw quotaError();
    });
    const result = await applyFindingCommands(db, made.finding.id, [{ kind: 'add_photo', photoHash: hash }], actor, { now, photos: [photo()] });
    expect(result).toMatchObject({ ok: false, reason: 'quota_exceeded' });
    expect((await db.findings.get(made.finding.id))!.photoHashes).toEqual([]);
    expect(await counts(db)).toEqual({ findings: 1, events: 1, outbox: 1, photos: 0 });
  });

  it('an unknown finding is not_found', async () => {
    fresh();
    expect(await applyFindingCommands(db, uuidv7(), [{ kind: 'remove' }], actor)).toEqual({ ok: false, reason: 'not_found' });
  });
});
