import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db';
import { getActor, getClientId } from '../../src/services/actor';

describe('the device actor (until accounts exist)', () => {
  it('keeps one client id per device in the meta table and acts as coordinator and schouwer', async () => {
    const name = `actor-${Math.random()}`;
    const db = openDb(name);
    const id = await getClientId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getActor(db)).toEqual({ id: `device:${id}`, roles: ['coordinator', 'schouwer'] });
    db.close();
    const again = openDb(name);
    expect(await getClientId(again)).toBe(id);
    again.close();
  });
});
