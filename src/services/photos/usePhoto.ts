/**
 * The one way a screen shows a photo (SPEC.md R18b): from the device when it is there (the device's
 * own photo, or a cached size), else fetched from the server and kept; otherwise a reason in words.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { PhotoSizeName } from '../../storage/db';
import { findPhoto, touchPhoto, type FoundPhoto } from '../../storage/photoCacheRepo';
import { db } from '../db';
import { useSession } from '../session';
import { useOnline } from '../useOnline';
import { loadPhoto, type PhotoProblem } from './photoLoader';

export type PhotoState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'unavailable'; problem: PhotoProblem };

/** `enabled` false waits (a thumbnail still off screen) without fetching anything. */
export function usePhoto(hash: string, size: PhotoSizeName, enabled = true): PhotoState {
  const online = useOnline();
  const session = useSession();
  // undefined while IndexedDB answers, null when the device does not have it.
  const local = useLiveQuery(() => findPhoto(db, hash, size), [hash, size]);
  const [problem, setProblem] = useState<PhotoProblem | null>(null);
  const absent = local === null;

  useEffect(() => {
    if (!absent || !enabled) return;
    let cancelled = false;
    setProblem(null);
    void loadPhoto(db, hash, size).then((r) => {
      if (!cancelled && !r.ok) setProblem(r.problem);
    });
    return () => {
      cancelled = true;
    };
  }, [absent, enabled, hash, size, online, session.user?.id, session.expired]);

  // One object URL per photo and source, not per IndexedDB read (each read is a new Blob object).
  const blobRef = useRef<FoundPhoto | null | undefined>(local);
  blobRef.current = local;
  const from = local?.from;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const found = blobRef.current;
    if (!found) {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(found.blob);
    setUrl(u);
    // Shown: the cache keeps it longer than photos nobody looked at.
    void touchPhoto(db, hash, found.from).catch(() => undefined);
    return () => URL.revokeObjectURL(u);
  }, [hash, from]);

  if (url && local) return { state: 'ready', url };
  if (absent && problem) return { state: 'unavailable', problem };
  return { state: 'loading' };
}
