import { useSyncExternalStore } from 'react';

/**
 * The high-contrast ("sunlight") theme: a switch in the menu, remembered on the device. It is a data
 * attribute on <html>, so plain CSS (styles.css) swaps the colours and the map's outlines thicken.
 */
const KEY = 'schouwkaart.contrast';
const listeners = new Set<() => void>();

function saved(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let contrast = saved();

export function applyTheme(): void {
  if (contrast) document.documentElement.dataset.theme = 'contrast';
  else delete document.documentElement.dataset.theme;
}

export function setContrast(on: boolean): void {
  contrast = on;
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Private mode: the choice lasts for this visit.
  }
  applyTheme();
  for (const l of listeners) l();
}

export function useContrast(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => contrast,
  );
}
