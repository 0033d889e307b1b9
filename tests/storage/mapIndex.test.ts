import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { MAX_DELTAS, readMapIndex, rebuildMapIndex } from '../../src/storage/mapIndex';
import { entryOf, type MapEntry } from '../../src/storage/mapIndexColumns';
import { applyFindingCommandTo, saveNewFinding } from '../../src/storage/findingsRepo';
import type { Finding } from '../../src/domain/finding';
import type { Actor } from '../../src/domain/findingStatus';

const actor: Actor = { id: 'device:test', roles: ['coordinator', 'schouwer'] };
const at = '2026-10-01T19:30:00.000Z';

function finding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    id: `0190f5a0-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
    municipality: 'deventer',
    areaId: i % 2 ? 'binnenstad' : null,
    inspectionId: i % 3 ? '0190f5a0-0000-7000-8000-000000000001' : undefined,
    point: { type: 'Point', coordinates: [6.15 + i / 1e5, 52.25 + i / 1e5] },
    categoryCode: ['lighting', 'waste', 'parking'][i % 3]!,
    description: `Bevinding ${i}`,
    severity: 'low',
    photoHashes: [],
    owner: i % 4 ? 'municipality' : null,
    dueDate: i % 4 ? '2026-12-01' : null,
    status: i % 4 ? 'assigned' : 'open',
    fixNote: null,
    wontFixReason: null,
    duplicateOf: null,
    createdAt: at,
    createdBy: 'test',
    updatedAt: at,
    removed: false,
    ...over,
  };
}

let db: SchouwDb;
const fresh = () => (db = openDb(`mapindex-${Math.random()}`));
afterEach(() => db?.close());

const byId = (es: readonly MapEntry[]) => [...es].sort((a, b) => (a.id < b.id ? -1 : 1));
/** What the index must say: the entries of every stored finding. */
const expected = async () => byId((await db.findings.toArray()).map(entryOf));
const index = async () => byId((await readMapIndex(db)) ?? []);

describe('the map index', () => {
  it('is missing on a device that has findings but never built it, and a rebuild gives every finding', async () => {
    fresh();
    await db.findings.bulkPut([finding(1), finding(2), finding(3)]);
    expect(await readMapIndex(db)).toBeNull();
    const built = await rebuildMapIndex(db);
    expect(built.stored).toBe(true);
    expect(byId(built.entries)).toEqual(await expected());
    expect(await index()).toEqual(await expected());
  });

  it('keeps every field the maps and the filter read: point, area, walk, status, theme, owner, due date, dates, removal', async () => {
    fresh();
    await rebuildMapIndex(db);
    const f = finding(5, { removed: true, inspectionId: undefined, areaId: null });
    await db.findings.put(f);
    expect(await index()).toEqual([
      { id: f.id, lon: 6.15005, lat: 52.25005, areaId: null, inspectionId: null, status: 'assigned', categoryCode: 'parking', owner: 'municipality', dueDate: '2026-12-01', createdAt: at, updatedAt: at, removed: true },
    ]);
  });

  it('follows saves, edits and deletes written through the repositories and through bulk writes', async () => {
    fresh();
    await db.findings.bulkPut([finding(1), finding(2)]);
    await rebuildMapIndex(db);
    const made = await saveNewFinding(db, { id: uuidv7(), municipality: 'deventer', areaId: 'binnenstad', point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: 'Lamp', severity: 'low' }, actor);
    expect(made.ok).toBe(true);
    const moved = await applyFindingCommandTo(db, finding(1).id, { kind: 'move', point: { type: 'Point', coordinates: [6.17, 52.26] }, areaId: 'binnenstad' }, actor);
    expect(moved.ok).toBe(true);
    await db.findings.delete(finding(2).id);
    await db.findings.bulkPut([finding(7), finding(8)]);
    await db.findings.where('id').equals(finding(7).id).modify({ status: 'in_progress' });
    expect(await index()).toEqual(await expected());
    expect((await index()).find((e) => e.id === finding(1).id)).toMatchObject({ lon: 6.17, lat: 52.26 });
  });

  it('writes nothing to the index when the finding write fails, because both are one transaction', async () => {
    fresh();
    await db.findings.put(finding(1));
    await rebuildMapIndex(db);
    const before = await db.mapIndex.toArray();
    await expect(
      db.transaction('rw', db.findings, async () => {
        await db.findings.put(finding(1, { status: 'in_progress' }));
        throw new Error('the write after it failed');
      }),
    ).rejects.toThrow('the write after it failed');
    expect(await db.mapIndex.toArray()).toEqual(before);
    expect(await index()).toEqual(await expected());
  });

  it('folds its deltas into the base after MAX_DELTAS writes and still says the same', async () => {
    fresh();
    await rebuildMapIndex(db);
    for (let i = 0; i < MAX_DELTAS + 5; i++) await db.findings.put(finding(i % 20, { updatedAt: `2026-10-02T10:00:${String(i % 60).padStart(2, '0')}.000Z` }));
    const rows = await db.mapIndex.toArray();
    expect(rows.filter((r) => r.key.startsWith('d:')).length).toBeLessThanOrEqual(5);
    expect(await index()).toEqual(await expected());
  });

  it('is empty, not missing, after the findings table is cleared', async () => {
    fresh();
    await db.findings.bulkPut([finding(1), finding(2)]);
    await rebuildMapIndex(db);
    await db.findings.clear();
    expect(await readMapIndex(db)).toEqual([]);
  });

  it('cuts a large index into base rows and reads 9,000 findings back in order', async () => {
    fresh();
    const many = Array.from({ length: 9000 }, (_, i) => finding(i));
    await db.findings.bulkPut(many);
    await rebuildMapIndex(db);
    expect((await db.mapIndex.toArray()).filter((r) => r.key.startsWith('b:'))).toHaveLength(3);
    expect(await index()).toEqual(await expected());
  });
});
