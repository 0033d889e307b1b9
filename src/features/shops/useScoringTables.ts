import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../services/db';
import type { ScoringTableRecord } from '../../domain/scoring/scoringTableRecord';
import { latestOf, type LatestTables } from '../../storage/scoringTablesRepo';

export interface ScoringTables extends LatestTables {
  /** Every stored (corrected) version, oldest first. */
  versions: ScoringTableRecord[];
  loaded: boolean;
}

/** The newest scoring table of each kind (the default until corrected) and every stored version. */
export function useScoringTables(): ScoringTables {
  const rows = useLiveQuery(() => db.scoringTables.toArray(), []);
  return useMemo(() => {
    const versions = [...(rows ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { ...latestOf(versions), versions, loaded: rows !== undefined };
  }, [rows]);
}
