/**
 * A deep link to a screen with a findings map (the follow-up, a walk) would otherwise load one thing
 * after another: the app, then the screen's JavaScript, then the database, then the map's data. Here
 * the screen's chunk (the same import as App.tsx's lazy screen, so the browser loads it once), the
 * database and the map index read start at once, while the app itself is still starting.
 */
export function preloadDeepLink(path: string): void {
  const followup = path === '/opvolging' || path.startsWith('/opvolging/');
  const walk = /^\/schouw\/[^/]+/.test(path);
  if (!followup && !walk) return;
  const quiet = () => undefined; // the screen's own import reports a chunk that fails to load
  if (followup) import('../features/followup/FollowupScreen').catch(quiet);
  if (walk) import('../features/schouw/SchouwScreen').catch(quiet);
  import('../services/mapEntriesStore').then((m) => m.preloadMapEntries()).catch(quiet);
}
