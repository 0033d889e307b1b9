/**
 * `useLiveQuery` (dexie-react-hooks) for code on the first screen's path: the database and Dexie's
 * liveQuery are loaded on demand (loadDb.ts), so Dexie stays out of the first screen's JavaScript.
 * Until the first answer the hook returns `initial`. A query that fails throws during render, as
 * useLiveQuery does, so the screen's error boundary shows it.
 */
import { useEffect, useState } from 'react';
import type { SchouwDb } from '../storage/db';
import { loadDb } from './loadDb';

export function useDbLiveQuery<T, D>(query: (db: SchouwDb) => Promise<T> | T, deps: readonly unknown[], initial: D, given?: SchouwDb): T | D {
  const [state, setState] = useState<{ value: T | D; error?: unknown }>({ value: initial });
  useEffect(() => {
    let alive = true;
    let subscription: { unsubscribe(): void } | null = null;
    // Dexie itself only after the database is let through (loadDb holds it back on a first visit).
    const fail = (error: unknown) => alive && setState((s) => ({ value: s.value, error }));
    void (async () => {
      const db = given ?? (await loadDb());
      const { liveQuery } = await import('dexie');
      if (!alive) return;
      subscription = liveQuery(() => query(db)).subscribe({ next: (value) => setState({ value }), error: fail });
    })().catch(fail); // a chunk that cannot load shows in the screen's error boundary, as a failed query does
    return () => {
      alive = false;
      subscription?.unsubscribe();
    };
    // The caller's deps decide when the query is made again, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [given, ...deps]);
  if (state.error !== undefined) throw state.error;
  return state.value;
}

/** The database once loaded (undefined before), for components that pass it on. */
export function useDb(): SchouwDb | undefined {
  const [db, setDb] = useState<SchouwDb>();
  useEffect(() => {
    let alive = true;
    void loadDb().then((d) => alive && setDb(d));
    return () => {
      alive = false;
    };
  }, []);
  return db;
}
