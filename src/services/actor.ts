/**
 * Who is acting on this device: the logged-in user (src/app/session.ts, remembered for offline use)
 * with their roles, or, when nobody has logged in on this device, a device actor `device:<clientId>`
 * with the coordinator and schouwer roles, so the walk still works offline without an account (its
 * data stays local until someone logs in and syncs). Callers do not care which.
 *
 * The clientId is a UUID made once per device and kept in the Dexie `meta` table, so it survives
 * reloads and is the same id the sync engine sends with its mutations.
 */
import { useEffect, useState } from 'react';
import type { Actor } from '../domain/findingStatus';
import type { SchouwDb } from '../storage/db';
import { loadDb } from './loadDb';
import { DEVICE_ROLES } from './deviceRoles';
import { getSession, subscribeSession } from './session';

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
  return { id: `device:${clientId}`, roles: DEVICE_ROLES };
}

const cache = new WeakMap<SchouwDb, Promise<Actor>>();

/** Without `db`, the app's database (loaded on demand, loadDb.ts) keeps the device's client id. */
export function getActor(db?: SchouwDb): Promise<Actor> {
  const user = getSession().user;
  if (user) return Promise.resolve({ id: user.id, roles: user.roles });
  if (!db) return loadDb().then((d) => getActor(d));
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
    const update = () => void getActor().then((a) => alive && setActor(a));
    update();
    // Logging in or out changes who acts, without a reload.
    const unsubscribe = subscribeSession(update);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return actor;
}
