/**
 * Every finding's map fields from the map index (storage/mapIndex.ts): a few rows of columns, so a
 * map with 10,000 findings has its points in tens of milliseconds, while the full records (the list,
 * the exports) are read after the map's first frame. Live: any write to findings updates the index
 * in the same transaction, and so this.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { readMapIndex, rebuildMapIndex } from '../storage/mapIndex';
import type { MapEntry } from '../storage/mapIndexColumns';

export function useMapEntries(): readonly MapEntry[] | undefined {
  const read = useLiveQuery(async () => {
    const t0 = performance.now();
    const entries = await readMapIndex(db);
    // In the page's User Timing, so `npm run bench` can say where a first draw's time goes.
    performance.measure('schouwkaart:map-index-read', { start: t0, detail: { entries: entries?.length ?? null } });
    return entries;
  }, []);
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
  return read ?? built;
}

