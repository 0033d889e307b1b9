/**
 * The session-expired hook (SPEC.md R22). The accounts side (src/app/session.ts) registers what to do
 * (ask the person to log in); the sync engine only reports. Kept here so the engine does not depend
 * on the app shell.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

/** Called when the server answers 401 to a sync; returns a function that unregisters. */
export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const l of listeners) l();
}
