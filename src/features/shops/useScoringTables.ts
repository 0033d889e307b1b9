import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../services/db';
import type { ScoringTableRecord } from '../../domain/scoring/scoringTableRecord';
import { latestOf, tableOf, type LatestTables } from '../../storage/scoringTablesRepo';

export interface ScoringTables extends LatestTables {
  /** Every stored (corrected) version, oldest first. */
  versions: ScoringTableRecord[];
  loaded: boolean;
}

/**
 * The newest scoring table of each kind (the default until corrected) and every stored version, of
 * the municipality shown (R32: a person in two municipalities sees each one's own corrections).
 */
export function useScoringTables(municipality: string | null | undefined): ScoringTables {
  const rows = useLiveQuery(() => db.scoringTables.toArray(), []);
  return useMemo(() => {
    const versions = (rows ?? []).filter(municipality ? tableOf(municipality) : (r) => r.municipality === undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { ...latestOf(versions), versions, loaded: rows !== undefined };
  }, [rows, municipality]);
}
