import type { OpenInvite, PublicUser, ServerSettings } from '../../domain/account';
import type { Role } from '../../domain/findingStatus';
import { apiFetch, type AuthResult } from '../../services/session';

export type Refusal = Extract<AuthResult, { ok: false }>;
export type ApiResult<T> = { ok: true; value: T } | Refusal;

/** The coordinator's calls; every failure comes back as a value (with a reason), never thrown. */
export async function call<T>(url: string, init: Parameters<typeof apiFetch>[1] = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await apiFetch(url, init);
  } catch {
    return { ok: false, status: 0, error: 'offline' };
  }
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; issues?: { path: string; message: string }[] };
  if (res.ok) return { ok: true, value: body };
  return { ok: false, status: res.status, error: body.error ?? 'unknown', issues: body.issues };
}

export const usersApi = {
  list: () => call<{ users: PublicUser[] }>('/api/users'),
  /** An invite for `municipality` (SPEC.md R30); the server's own when omitted. */
  invite: (roles: Role[], expiresInDays: number, municipality?: string) =>
    call<{ token: string; roles: Role[]; expiresAt: string }>('/api/users/invites', { method: 'POST', json: { roles, expiresInDays, ...(municipality ? { municipality } : {}) } }),
  invites: () => call<{ invites: OpenInvite[] }>('/api/users/invites'),
  revokeInvite: (id: string) => call<unknown>(`/api/users/invites/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  resetLink: (id: string) => call<{ token: string; expiresAt: string }>(`/api/users/${encodeURIComponent(id)}/reset-link`, { method: 'POST', json: {} }),
  changePassword: (current: string, password: string) => call<unknown>('/api/auth/password', { method: 'POST', json: { current, password } }),
  update: (id: string, patch: { roles?: Role[]; disabled?: boolean; organisation?: string | null; municipality?: string }) =>
    call<{ user: PublicUser }>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch }),
  settings: () => call<ServerSettings>('/api/settings'),
  setPartnersPublic: (partnersPublic: boolean) => call<ServerSettings>('/api/settings', { method: 'PATCH', json: { partnersPublic } }),
};
