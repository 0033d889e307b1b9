/**
 * Runs the app's sync engine while the person on this device may sync (SPEC.md R23a), and only then:
 * the engine and its zod protocol load on demand, after the first screen. A device without an account,
 * a partner's device and an expired session make no /api/sync/* calls. Wired to the session (R22): a
 * 401 marks the session expired (which stops the engine); a new login starts it again.
 */
import { publishSyncStatus, setSyncRunner } from './status';
import { onUnauthorized } from './unauthorized';
import { deviceActor, getClientId } from '../services/actor';
import { maySync } from '../services/access';
import { adoptDeviceWrites } from '../storage/adoptDeviceWrites';
import { loadDb } from '../services/loadDb';
import { loadCachedConfig } from '../services/configCache';
import { getSession, onSessionExpired, sessionMunicipalities, subscribeSession } from '../services/session';
import type { SyncEngine } from './engine';

let wired = false;
let engine: Promise<SyncEngine> | null = null;
let running = false;
// Session changes are applied one after the other, so a quick login-logout cannot start two engines.
let queue: Promise<void> = Promise.resolve();

function loadEngine(): Promise<SyncEngine> {
  engine ??= Promise.all([import('./engine'), loadDb()]).then(([{ SyncEngine }, db]) => {
    const e = new SyncEngine({
      db,
      clientId: () => getClientId(db),
      // Only the municipalities the person belongs to: the server answers 403 for any other (R30), which
      // would fail every sync run.
      ownerMunicipalities: () => {
        const config = loadCachedConfig();
        const served = config ? (config.municipalities ?? [config.municipality]).map((m) => m.id) : [];
        const mine = sessionMunicipalities(getSession());
        return mine ? served.filter((m) => mine.includes(m)) : served;
      },
      // Work captured before anyone logged in on this device becomes the logged-in person's.
      beforePush: async () => {
        const { user, expired } = getSession();
        if (user && !expired) await adoptDeviceWrites(db, deviceActor(await getClientId(db)).id, user.id);
      },
    });
    e.subscribe(() => publishSyncStatus(e.getStatus()));
    return e;
  });
  return engine;
}

async function follow(): Promise<void> {
  const want = maySync(getSession());
  if (want === running) return;
  const e = await loadEngine();
  if (want) {
    setSyncRunner(() => void e.syncNow());
    e.start();
  } else {
    e.stop();
    setSyncRunner(null);
  }
  running = want;
}

export function startAppSync(): Promise<void> {
  if (!wired) {
    wired = true;
    onUnauthorized(onSessionExpired);
    subscribeSession(() => void (queue = queue.then(follow)));
  }
  queue = queue.then(follow);
  return queue;
}
