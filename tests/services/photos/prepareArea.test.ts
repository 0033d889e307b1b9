/** R18b with issue 16: preparing a walk brings the shopkeepers' worry photos onto the device too. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openDb, type SchouwDb } from '../../../src/storage/db';
import { openFindingPhotos } from '../../../src/services/photos/prepareArea';
import type { Worry } from '../../../src/domain/worry';

let db: SchouwDb;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const worry = (over: Partial<Worry>): Worry => ({
  id: uuidv7(),
  municipality: 'deventer',
  areaId: 'binnenstad',
  point: { type: 'Point', coordinates: [6.16, 52.25] },
  categoryCode: 'lighting',
  text: 'Donker steegje',
  photoHash: 'a'.repeat(64),
  submittedAt: '2026-09-20T10:00:00.000Z',
  status: 'accepted',
  findingId: null,
  dismissReason: null,
  checkedBy: null,
  checkedAt: null,
  updatedAt: '2026-09-21T10:00:00.000Z',
  ...over,
});

describe('openFindingPhotos', () => {
  it('includes the photo of an accepted worry of the area, not of a checked one, one without a photo or another area', async () => {
    db = openDb(`prepare-${uuidv7()}`);
    await db.worries.bulkPut([
      worry({ photoHash: 'a'.repeat(64) }),
      worry({ photoHash: 'b'.repeat(64), status: 'dismissed', dismissReason: 'weg', checkedBy: 'u', checkedAt: '2026-09-22T10:00:00.000Z' }),
      worry({ photoHash: null }),
      worry({ photoHash: 'd'.repeat(64), areaId: 'keizerslanden' }),
    ]);
    const { findings, hashes } = await openFindingPhotos(db, 'binnenstad');
    expect(findings).toBe(0);
    expect(hashes).toEqual(['a'.repeat(64)]);
  });
});
