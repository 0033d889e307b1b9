import type { RetentionPolicy } from '../../domain/retention';
import { apiFetch } from '../../services/session';
import type { ApiResult } from './usersApi';

export interface RetentionRunView {
  ranAt: string;
  findings: number;
  events: number;
  photos: number;
  inspections: number;
  certifications: number;
  /** Worries whose text and photo went (absent from servers before migration 091). */
  worries?: number;
}

export interface RetentionView {
  municipality: string;
  policy: RetentionPolicy;
  defaults: RetentionPolicy;
  runs: RetentionRunView[];
}

async function call<T>(url: string, init: Parameters<typeof apiFetch>[1] = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await apiFetch(url, init);
  } catch {
    return { ok: false, status: 0, error: 'offline' };
  }
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; issues?: { path: string; message: string }[] };
  return res.ok ? { ok: true, value: body } : { ok: false, status: res.status, error: body.error ?? 'unknown', issues: body.issues };
}

const q = (municipality: string) => `?municipality=${encodeURIComponent(municipality)}`;

/** The coordinator's retention calls and account removal; failures come back as values. */
export const privacyApi = {
  retention: (municipality: string) => call<RetentionView>(`/api/retention${q(municipality)}`),
  setRetention: (municipality: string, policy: RetentionPolicy) => call<{ policy: RetentionPolicy }>(`/api/retention${q(municipality)}`, { method: 'PUT', json: policy }),
  removeAccount: async (id: string): Promise<ApiResult<null>> => {
    try {
      const res = await apiFetch(`/api/users/${encodeURIComponent(id)}/remove`, { method: 'POST', json: {} });
      if (res.ok) return { ok: true, value: null };
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      return { ok: false, status: res.status, error: body.error ?? 'unknown' };
    } catch {
      return { ok: false, status: 0, error: 'offline' };
    }
  },
};
