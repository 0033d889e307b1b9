/**
 * Who is logged in on this device. The server's session cookie is httpOnly, so the app learns the
 * user from GET /api/auth/session and keeps a copy in localStorage: an offline tablet still knows who it is,
 * and its writes are made as that person.
 *
 * An expired session (a 401 while we thought we were logged in) does NOT forget the user or touch any
 * local data or outbox: the app asks "Log opnieuw in" and carries on; sync resumes after the login.
 * The sync engine reports a 401 with `onSessionExpired()` and sends requests with `apiFetch` (or at
 * least `csrfHeaders()`), and can wait for `subscribeSession` to see `expired` turn false.
 *
 * No zod here on purpose: this file is in the first screen's JavaScript.
 */
import { useSyncExternalStore } from 'react';
import { CSRF_HEADER, CSRF_VALUE } from '../domain/authConstants';
import type { Role } from '../domain/findingStatus';

export interface SessionUser {
  id: string;
  name: string;
  login: string;
  roles: Role[];
  /** Roles per municipality (SPEC.md R30); the device shows only these municipalities. Absent from older servers. */
  municipalities?: Record<string, Role[]>;
}

export interface SessionState {
  /** The last known user, also while offline or expired; null when nobody logged in on this device. */
  user: SessionUser | null;
  /** The server said the session is over: log in again (local data is kept). */
  expired: boolean;
}

const STORAGE_KEY = 'schouwkaart.session';
const knownRoles: readonly string[] = ['coordinator', 'schouwer', 'wijkbeheerder', 'partner'];

let state: SessionState = load();
const listeners = new Set<() => void>();

function load(): SessionState {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<SessionState> | null;
    const user = raw?.user;
    if (user && typeof user.id === 'string' && Array.isArray(user.roles) && user.roles.every((r) => knownRoles.includes(r))) {
      const municipalities = validMunicipalities(user.municipalities);
      return {
        user: { id: user.id, name: String(user.name ?? ''), login: String(user.login ?? ''), roles: user.roles, ...(municipalities ? { municipalities } : {}) },
        expired: raw?.expired === true,
      };
    }
  } catch {
    // Unreadable copy: as if nobody logged in; the server is asked again below.
  }
  return { user: null, expired: false };
}

function validMunicipalities(value: unknown): Record<string, Role[]> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  const ok = entries.every(([, roles]) => Array.isArray(roles) && roles.every((r) => knownRoles.includes(r as string)));
  return ok ? (value as Record<string, Role[]>) : undefined;
}

/** The municipalities the signed-in person belongs to; null when nobody is signed in or the server did not say. */
export function sessionMunicipalities(session: SessionState): string[] | null {
  const m = session.user?.municipalities;
  return m && Object.keys(m).length > 0 ? Object.keys(m) : null;
}

function set(next: SessionState): void {
  state = next;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or full storage: the session still holds for this visit.
  }
  for (const l of listeners) l();
}

export function getSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

export function hasRole(session: SessionState, ...roles: Role[]): boolean {
  return !!session.user && session.user.roles.some((r) => roles.includes(r));
}

/** For the sync engine: the server answered 401. Keeps the user (and so the actor) and all data. */
export function onSessionExpired(): void {
  if (state.user && !state.expired) set({ ...state, expired: true });
}

export function csrfHeaders(): Record<string, string> {
  return { [CSRF_HEADER]: CSRF_VALUE };
}

/** fetch for /api: the CSRF header, JSON when a body is given, and a 401 reported as an expired session. */
export async function apiFetch(url: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  for (const [k, v] of Object.entries(csrfHeaders())) headers.set(k, v);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(url, { credentials: 'same-origin', ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  if (res.status === 401 && !url.startsWith('/api/auth/login')) onSessionExpired();
  return res;
}

function acceptUser(user: SessionUser): void {
  set({ user, expired: false });
}

/**
 * Ask the server who we are (an open route: no session answers `user: null`, not a 401, so a device
 * without an account logs no error). Offline or a server error: keep what we know.
 */
export async function refreshSession(): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/api/auth/session', { credentials: 'same-origin', headers: csrfHeaders() });
  } catch {
    return;
  }
  if (!res.ok) return;
  const body = (await res.json().catch(() => undefined)) as { user?: SessionUser | null } | undefined;
  if (body?.user) acceptUser(body.user);
  else if (body?.user === null) onSessionExpired();
}

export type AuthResult = { ok: true; user: SessionUser } | { ok: false; status: number; error: string; issues?: { path: string; message: string }[] };

/** POST to one of the login-like endpoints (login, setup, accept-invite); on success this user is logged in. */
export async function authenticate(path: 'login' | 'setup' | 'accept-invite' | 'reset-password', body: object): Promise<AuthResult> {
  let res: Response;
  try {
    res = await apiFetch(`/api/auth/${path}`, { method: 'POST', json: body });
  } catch {
    return { ok: false, status: 0, error: 'offline' };
  }
  const json = (await res.json().catch(() => ({}))) as { user?: SessionUser; error?: string; issues?: { path: string; message: string }[] };
  if (res.ok && json.user) {
    acceptUser(json.user);
    return { ok: true, user: json.user };
  }
  return { ok: false, status: res.status, error: json.error ?? 'unknown', issues: json.issues };
}

/** End the session on the server, then forget the user here. Local data and the outbox stay. */
export async function logout(): Promise<boolean> {
  try {
    const res = await apiFetch('/api/auth/logout', { method: 'POST', json: {} });
    if (!res.ok) return false;
  } catch {
    // Offline: the server session cannot be ended now; say so rather than pretend.
    return false;
  }
  set({ user: null, expired: false });
  return true;
}

/** For tests: start from a clean slate. */
export function resetSessionForTests(next: SessionState = { user: null, expired: false }): void {
  set(next);
}
