/**
 * What the person on this device may do, for the shell (menu, routes), the sync engine and the
 * screens' buttons. The ONE place that turns a session into roles: when roles come to depend on more
 * than the account (per municipality), only `rolesOf` changes.
 *
 * A device on which nobody logged in works locally as the device actor (src/services/actor.ts: walk,
 * follow up, shops, all kept on the device), but may use nothing that needs the server.
 */
import { useSyncExternalStore } from 'react';
import { can, type Capability } from '../domain/access';
import type { Role } from '../domain/findingStatus';
import { DEVICE_ROLES } from './deviceRoles';
import { getSession, subscribeSession, type SessionState } from './session';

const needsServer: ReadonlySet<Capability> = new Set<Capability>(['sync', 'people', 'manageUsers', 'editAreas', 'manageSurvey']);

/** The roles of the logged-in person, or null when nobody logged in on this device. */
export function rolesOf(session: SessionState): readonly Role[] | null {
  return session.user ? session.user.roles : null;
}

export function mayDo(session: SessionState, capability: Capability): boolean {
  const roles = rolesOf(session);
  if (roles) return can(roles, capability);
  return !needsServer.has(capability) && can(DEVICE_ROLES, capability);
}

/**
 * Whether the shell shows an item that needs this capability. Like `mayDo`, except that a device
 * without an account keeps the sync item: there it says the data stays on the device (a partner's
 * device, which may never sync, shows none).
 */
export function mayShow(session: SessionState, capability: Capability): boolean {
  if (capability === 'sync' && rolesOf(session) === null) return true;
  return mayDo(session, capability);
}

/** The sync engine runs (SPEC.md R23a): someone is logged in, not known to be expired, and may sync. */
export function maySync(session: SessionState): boolean {
  return !session.expired && rolesOf(session) !== null && mayDo(session, 'sync');
}

export function useMayDo(capability: Capability): boolean {
  return useSyncExternalStore(subscribeSession, () => mayDo(getSession(), capability), () => mayDo(getSession(), capability));
}
