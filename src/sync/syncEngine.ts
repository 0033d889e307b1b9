/**
 * Starts the app's sync engine once, after the first screen: the engine and its zod protocol load on
 * demand, so they stay out of the first screen's JavaScript. Wires it to the session (SPEC.md R22):
 * a 401 marks the session expired; a new login syncs on.
 */
import { publishSyncStatus, setSyncRunner } from './status';
import { onUnauthorized } from './unauthorized';
import { deviceActor, getClientId } from '../services/actor';
import { adoptDeviceWrites } from '../storage/adoptDeviceWrites';
import { db } from '../services/db';
import { getSession, onSessionExpired, subscribeSession } from '../services/session';

let started = false;

export async function startAppSync(): Promise<void> {
  if (started) return;
  started = true;
  const { SyncEngine } = await import('./engine');
  const engine = new SyncEngine({
    db,
    clientId: () => getClientId(db),
    // Work captured before anyone logged in on this device becomes the logged-in person's.
    beforePush: async () => {
      const { user, expired } = getSession();
      if (user && !expired) await adoptDeviceWrites(db, deviceActor(await getClientId(db)).id, user.id);
    },
  });
  engine.subscribe(() => publishSyncStatus(engine.getStatus()));
  setSyncRunner(() => void engine.syncNow());
  onUnauthorized(onSessionExpired);
  subscribeSession(() => {
    if (!getSession().expired && engine.getStatus().state === 'logged_out') void engine.syncNow();
  });
  engine.start();
}
