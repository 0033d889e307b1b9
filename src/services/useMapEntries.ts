/**
 * Every finding's map fields from the map index (storage/mapIndex.ts): a few rows of columns, so a
 * map with 10,000 findings has its points in tens of milliseconds, while the full records (the list,
 * the exports) are read after the map's first frame. Live: any write to findings updates the index
 * in the same transaction, and so this. The read is shared and may have started before the screen
 * (mapEntriesStore.ts).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { db } from './db';
import { rebuildMapIndex } from '../storage/mapIndex';
import type { MapEntry } from '../storage/mapIndexColumns';
import { currentMapEntries, mapEntriesFailure, subscribeMapEntries } from './mapEntriesStore';

export function useMapEntries(): readonly MapEntry[] | undefined {
  const read = useSyncExternalStore(subscribeMapEntries, currentMapEntries, currentMapEntries);
  const failure = mapEntriesFailure();
  // No index on this device yet: built once from the findings (the live read then has it). Until
  // then, or if the device cannot store it, the built entries are used as they are.
  const [built, setBuilt] = useState<readonly MapEntry[] | undefined>();
  useEffect(() => {
    if (read !== null) return;
    let live = true;
    // Stored: the live read delivers it (setting it here too would draw the map twice).
    void rebuildMapIndex(db).then(({ entries, stored }) => live && !stored && setBuilt(entries));
    return () => {
      live = false;
    };
  }, [read]);
  if (failure) throw failure.error;
  return read ?? built;
}
