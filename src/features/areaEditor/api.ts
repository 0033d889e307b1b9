import { apiFetch } from '../../services/session';
import type { AreaFeature } from '../../domain/area';
import type { AreaGeometry } from '../../domain/geojson';

// The area editing API (src/server/areas). Every write sends the CSRF header the server requires.

export interface RefusalItem {
  reason: string;
  message: string;
  area: string;
  other?: string;
  otherId?: string;
  overlap?: AreaGeometry;
}

export interface AreaVersionInfo {
  version: number;
  area: AreaFeature;
  retired: boolean;
  action: 'loaded' | 'created' | 'changed' | 'retired' | 'restored' | 'imported';
  actorId: string;
  reason: string;
  restoredFrom: number | null;
  createdAt: string;
}

export interface AreaShape {
  name: string;
  kind: string;
  kvoStatus: string;
  geometry: AreaGeometry;
  reason: string;
  source?: string;
  approximate?: boolean;
}

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; refusals: RefusalItem[]; error: string; body?: unknown };

async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await apiFetch(url, { method, ...(body === undefined ? {} : { json: body }) });
  } catch {
    return { ok: false, status: 0, refusals: [], error: 'offline' };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // No body.
  }
  if (res.ok) return { ok: true, value: json as T };
  const j = (json ?? {}) as { error?: string; errors?: RefusalItem[] };
  return { ok: false, status: res.status, refusals: j.errors ?? [], error: j.error ?? `http_${res.status}`, body: json };
}

const q = (municipality: string) => `?municipality=${encodeURIComponent(municipality)}`;
const path = (id: string) => `/api/areas/${encodeURIComponent(id)}`;

export const areaApi = {
  save: (m: string, id: string, shape: AreaShape) => call<{ version: number }>('PUT', path(id) + q(m), shape),
  create: (m: string, shape: AreaShape & { id?: string }) => call<{ id: string; version: number }>('POST', '/api/areas' + q(m), shape),
  retire: (m: string, id: string, reason: string) => call<{ version: number }>('POST', `${path(id)}/retire${q(m)}`, { reason }),
  versions: (m: string, id: string) => call<{ versions: AreaVersionInfo[] }>('GET', `${path(id)}/versions${q(m)}`),
  restore: (m: string, id: string, version: number, reason: string) => call<{ version: number }>('POST', `${path(id)}/restore${q(m)}`, { version, reason }),
  importPreview: (m: string, body: { geojson?: unknown; shapefile?: string; fileName?: string }) => call<ImportPreview>('POST', '/api/areas/import' + q(m), body),
  importApply: (m: string, features: AreaFeature[], reason: string) => call<{ applied: { id: string }[] }>('POST', '/api/areas/import/apply' + q(m), { features, reason }),
  exportUrl: (m: string) => '/api/areas/export' + q(m),
};

export interface ImportItem {
  index: number;
  label: string;
  status: 'added' | 'changed' | 'unchanged' | 'refused';
  id?: string;
  reasons: { reason: string; message: string; other?: string }[];
  feature?: AreaFeature;
}
export interface ImportPreview {
  crs: 'wgs84' | 'rd';
  items: ImportItem[];
  counts: Record<ImportItem['status'], number>;
}
