import { Workbox } from 'workbox-window';

let wb: Workbox | null = null;
let waiting = false;
let updateChosen = false;
const listeners = new Set<() => void>();

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    waiting = true;
    listeners.forEach((l) => l());
  });
  // Reload only after the person chose to update and the new worker took over (the first install also
  // takes control, through clientsClaim, and must not reload the page).
  wb.addEventListener('controlling', () => {
    if (updateChosen) window.location.reload();
  });
  void wb.register().catch(() => undefined);
  // Look for a new version now and then, and whenever the app comes back to the foreground.
  setInterval(() => void wb?.update().catch(() => undefined), 30 * 60 * 1000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb?.update().catch(() => undefined);
  });
}

export function onUpdateAvailable(cb: () => void): () => void {
  listeners.add(cb);
  if (waiting) cb();
  return () => listeners.delete(cb);
}

export function applyUpdate(): void {
  if (!wb) return;
  updateChosen = true;
  wb.messageSkipWaiting();
}

/**
 * An old shell can ask for a chunk that the new deploy removed. Reload once, cleanly, instead of
 * showing a blank page; the guard stops a reload loop when the server itself is broken.
 * Offline a reload cannot fetch anything and, without a controlling worker, lands on the browser's
 * offline error page; then the error is left to the screen's error boundary, which says so in words.
 */
export function installChunkRecovery(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (!navigator.onLine) return;
    event.preventDefault();
    const key = 'schouwkaart.chunkReload';
    const last = Number(sessionStorage.getItem(key) ?? 0);
    if (Date.now() - last < 10_000) return;
    sessionStorage.setItem(key, String(Date.now()));
    window.location.reload();
  });
}
