import { useSyncExternalStore } from 'react';
import type { ClientConfig } from './config';

// Which municipality the app shows, when the server serves more than one. Remembered on the device;
// every screen follows it, because every record is kept apart by its `municipality` field.

export const MUNICIPALITY_KEY = 'schouwkaart.municipality';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(MUNICIPALITY_KEY);
  } catch {
    return null;
  }
}

export function chooseMunicipality(id: string): void {
  try {
    localStorage.setItem(MUNICIPALITY_KEY, id);
  } catch {
    // Private mode: the choice lasts until the page is closed.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === MUNICIPALITY_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useMunicipalityChoice(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}

/**
 * The config with `municipality` set to the chosen one (when the server knows it); otherwise unchanged.
 * Signed in, only the person's own municipalities are offered (`allowed`, SPEC.md R30): the list shrinks
 * to those, and a choice or default outside them becomes the first of theirs.
 */
export function applyMunicipalityChoice(config: ClientConfig | null, choice: string | null, allowed: readonly string[] | null = null): ClientConfig | null {
  if (!config) return config;
  let scoped = config;
  if (allowed) {
    const list = (config.municipalities ?? [config.municipality]).filter((m) => allowed.includes(m.id));
    const first = list[0];
    if (first) scoped = { ...config, municipalities: list, municipality: allowed.includes(config.municipality.id) ? config.municipality : first };
  }
  if (!choice || choice === scoped.municipality.id) return scoped;
  const chosen = scoped.municipalities?.find((m) => m.id === choice);
  return chosen ? { ...scoped, municipality: chosen } : scoped;
}
