/**
 * Who is acting on this device.
 *
 * TEMPORARY: accounts do not exist yet (another issue). Until they do, every write is made by a device
 * actor `device:<clientId>` with the coordinator and schouwer roles, so the whole walk works offline.
 * When sessions arrive, getActor/useActor return the signed-in user instead; callers do not change.
 *
 * The clientId is a UUID made once per device and kept in the Dexie `meta` table, so it survives
 * reloads and is the same id the sync engine sends with its mutations.
 */
import { useEffect, useState } from 'react';
import type { Actor } from '../domain/findingStatus';
import type { SchouwDb } from '../storage/db';
import { db as appDb } from './db';

const CLIENT_ID_KEY = 'clientId';

export async function getClientId(db: SchouwDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(CLIENT_ID_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = crypto.randomUUID();
    await db.meta.put({ key: CLIENT_ID_KEY, value: id });
    return id;
  });
}

export function deviceActor(clientId: string): Actor {
  return { id: `device:${clientId}`, roles: ['coordinator', 'schouwer'] };
}

const cache = new WeakMap<SchouwDb, Promise<Actor>>();

export function getActor(db: SchouwDb = appDb): Promise<Actor> {
  let actor = cache.get(db);
  if (!actor) {
    actor = getClientId(db).then(deviceActor);
    cache.set(db, actor);
  }
  return actor;
}

/** The actor, or undefined for the first moment while the client id is read. */
export function useActor(): Actor | undefined {
  const [actor, setActor] = useState<Actor>();
  useEffect(() => {
    let alive = true;
    void getActor().then((a) => alive && setActor(a));
    return () => {
      alive = false;
    };
  }, []);
  return actor;
}
