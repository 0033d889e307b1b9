import type { ClientConfig } from './config';

export const CONFIG_KEY = 'schouwkaart.config';

/**
 * The last config the server gave, kept so the app opens offline with the same municipality and tiles.
 * It was validated before it was stored, so only its shape is checked here: the schema library stays
 * out of the first screen's JavaScript.
 */
export function loadCachedConfig(): ClientConfig | null {
  try {
    const raw = localStorage.getItem(CONFIG_KEY);
    if (!raw) return null;
    const c = JSON.parse(raw) as ClientConfig;
    return c?.municipality?.id && Array.isArray(c.basemaps) && c.basemaps.length > 0 ? c : null;
  } catch {
    return null;
  }
}
