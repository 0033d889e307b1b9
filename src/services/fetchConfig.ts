/**
 * The server's client config, fetched and checked without the schema library (the first screen waits
 * for it). Same request as the `<link rel=preload>` in index.html, so the browser's early answer is used.
 */
import { checkAreaGeometry } from '../domain/areaCheck';
import type { Basemap, ClientConfig } from './config';
import { CONFIG_KEY } from './configCache';

type Municipality = ClientConfig['municipality'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function fail(path: string, why: string): never {
  throw new Error(`config: ${path} ${why}`);
}

function municipality(v: unknown, path: string): Municipality {
  if (!isObject(v)) fail(path, 'is missing');
  if (typeof v.id !== 'string' || typeof v.name !== 'string') fail(path, 'needs an id and a name');
  if (!Array.isArray(v.center) || v.center.length !== 2 || !v.center.every(isNumber)) fail(`${path}/center`, 'is not [lat, lon]');
  if (!isNumber(v.zoom)) fail(`${path}/zoom`, 'is not a number');
  if (v.attribution !== undefined && typeof v.attribution !== 'string') fail(`${path}/attribution`, 'is not text');
  let boundary: Municipality['boundary'];
  if (v.boundary !== undefined) {
    const g = checkAreaGeometry(v.boundary);
    if (!g.ok) fail(`${path}/boundary/${g.path}`, g.message);
    boundary = g.geometry;
  }
  return {
    id: v.id,
    name: v.name,
    center: [v.center[0] as number, v.center[1] as number],
    zoom: v.zoom,
    ...(boundary ? { boundary } : {}),
    ...(v.attribution !== undefined ? { attribution: v.attribution } : {}),
  };
}

function basemap(v: unknown, path: string): Basemap {
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.url !== 'string' || typeof v.attribution !== 'string') fail(path, 'needs an id, a url and an attribution');
  if (v.label !== undefined && typeof v.label !== 'string') fail(`${path}/label`, 'is not text');
  return { id: v.id, url: v.url, attribution: v.attribution, ...(v.label !== undefined ? { label: v.label } : {}) };
}

/** What `clientConfigSchema` accepts (tests/services/fetchConfig.test.ts holds both to one table). */
export function readClientConfig(v: unknown): ClientConfig {
  if (!isObject(v)) fail('', 'is not an object');
  if (!Array.isArray(v.basemaps) || v.basemaps.length < 1) fail('basemaps', 'needs at least one');
  if (v.municipalities !== undefined && !Array.isArray(v.municipalities)) fail('municipalities', 'is not a list');
  return {
    municipality: municipality(v.municipality, 'municipality'),
    ...(v.municipalities !== undefined ? { municipalities: v.municipalities.map((m, i) => municipality(m, `municipalities/${i}`)) } : {}),
    basemaps: v.basemaps.map((b, i) => basemap(b, `basemaps/${i}`)),
  };
}

export async function fetchConfig(fetchFn: typeof fetch = fetch): Promise<ClientConfig> {
  // The API answers no-store; no cache option here, so that the request matches the preload.
  const res = await fetchFn('/api/config');
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const parsed = readClientConfig(await res.json());
  try {
    localStorage.setItem(CONFIG_KEY, JSON.stringify(parsed));
  } catch {
    // Storage full or private mode: the app still works online.
  }
  return parsed;
}
