import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../services/db';
import type { AreaCertificationRecord } from '../../domain/certificationRecord';
import type { AreaScore, AreaScoringTable, ScoringRefusal } from '../../domain/scoring/areaCertification';
import { currentAreaScore } from '../../domain/scoring/currentScore';
import type { ShopsData } from './useShopsData';

export interface AreaYearScore {
  record: AreaCertificationRecord | undefined;
  frozen: boolean;
  result: AreaScore | ScoringRefusal;
}

/**
 * Every area's score for a year: frozen ones as stored (with their own table), the rest computed now
 * from the register with `table` (the newest corrected version).
 */
export function useAreaScores(data: ShopsData, year: number, table: AreaScoringTable): Map<string, AreaYearScore> | undefined {
  const records = useLiveQuery(() => db.areaCertifications.where('year').equals(year).toArray(), [year]);
  return useMemo(() => {
    if (!records) return undefined;
    const byArea = new Map(records.filter((r) => r.municipality === data.municipality).map((r) => [r.areaId, r]));
    const out = new Map<string, AreaYearScore>();
    for (const a of data.areas) {
      const record = byArea.get(a.id);
      const measures = data.report.areas[a.id]?.measures ?? {};
      out.set(a.id, { record, ...currentAreaScore(record, measures, table) });
    }
    return out;
  }, [records, data.areas, data.report, data.municipality, table]);
}
