/**
 * The map index read shared by the follow-up and the walk (issue 13): a deep link starts it before any
 * screen is there; the screen that subscribes then has the entries at once, without reading again,
 * and every write to findings reaches it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/finding';
import { rebuildMapIndex } from '../../src/storage/mapIndex';

const at = '2026-10-01T19:30:00.000Z';
function finding(i: number): Finding {
  return {
    id: `0190f5a0-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
    municipality: 'deventer',
    areaId: 'binnenstad',
    inspectionId: '0190f5a0-0000-7000-8000-000000000001',
    point: { type: 'Point', coordinates: [6.15 + i / 1e5, 52.25 + i / 1e5] },
    categoryCode: 'lighting',
    description: `Bevinding ${i}`,
    severity: 'low',
    photoHashes: [],
    owner: null,
    dueDate: null,
    status: 'open',
    fixNote: null,
    wontFixReason: null,
    duplicateOf: null,
    createdAt: at,
    createdBy: 'test',
    updatedAt: at,
    removed: false,
  };
}

async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
}

describe('the shared map entries read', () => {
  it('starts on a preload, hands the same entries to the screen that subscribes, and follows writes to findings', async () => {
    const { db } = await import('../../src/services/db');
    const store = await import('../../src/services/mapEntriesStore');
    await db.findings.put(finding(1));
    await rebuildMapIndex(db);
    expect(store.currentMapEntries()).toBeUndefined();

    store.preloadMapEntries();
    await until(() => store.currentMapEntries() !== undefined);
    const preloaded = store.currentMapEntries();
    expect(preloaded?.map((e) => e.id)).toEqual([finding(1).id]);

    // The screen arrives: it gets the read that is there, not a new one.
    const seen: unknown[] = [];
    const unsubscribe = store.subscribeMapEntries(() => seen.push(store.currentMapEntries()));
    expect(store.currentMapEntries()).toBe(preloaded);

    await db.findings.put(finding(2));
    await until(() => store.currentMapEntries()?.length === 2);
    expect(store.currentMapEntries()?.map((e) => e.id).sort()).toEqual([finding(1).id, finding(2).id]);
    expect(seen.length).toBeGreaterThan(0);
    expect(store.mapEntriesFailure()).toBeNull();
    unsubscribe();
  });
});
