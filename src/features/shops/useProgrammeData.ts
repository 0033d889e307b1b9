import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../services/db';
import { programmeFreezeId, type ProgrammeFreezeRecord, type ProgrammeResponseRecord } from '../../domain/certificationRecord';
import { countShopsChecked, type ProgrammeFacts, type RespondentKey } from '../../domain/scoring/programmeChecklist';
import type { ShopsData } from './useShopsData';

export interface ProgrammeData {
  responses: Partial<Record<RespondentKey, ProgrammeResponseRecord>>;
  freeze: ProgrammeFreezeRecord | undefined;
  facts: ProgrammeFacts;
  /** The areas that should be walked this year (every area on the KVO map). */
  areaIds: string[];
  loaded: boolean;
}

/**
 * The programme year: each respondent's list, the frozen score if any, and the facts computed from the
 * register (municipality-wide participation, shops checked) and the inspections (areas walked).
 */
export function useProgrammeData(data: ShopsData, year: number): ProgrammeData {
  const rows = useLiveQuery(() => db.programmeResponses.where('year').equals(year).toArray(), [year]);
  const freeze = useLiveQuery(
    async () => (data.municipality ? db.programmeFreezes.get(programmeFreezeId(data.municipality, year)) : undefined),
    [data.municipality, year],
  );
  const inspections = useLiveQuery(
    () => db.inspections.where('startsAt').between(`${year}-01-01`, `${year + 1}-01-01`, true, false).toArray(),
    [year],
  );
  return useMemo(() => {
    const responses: ProgrammeData['responses'] = {};
    for (const r of rows ?? []) if (r.municipality === data.municipality) responses[r.respondent] = r;
    const areaIds = data.areas.filter((a) => a.kvoStatus !== 'not_on_map').map((a) => a.id);
    const walked = new Set((inspections ?? []).filter((i) => i.status === 'done' && areaIds.includes(i.areaId)).map((i) => i.areaId));
    const municipality = Object.fromEntries(
      Object.entries(data.report.municipality.measures).map(([m, f]) => [m, { taking: f.taking, open: f.open }]),
    );
    const facts: ProgrammeFacts = {
      municipality,
      areasWalked: { walked: walked.size, total: areaIds.length },
      shopsChecked: countShopsChecked(data.shops ?? [], year),
    };
    return { responses, freeze, facts, areaIds, loaded: rows !== undefined && inspections !== undefined };
  }, [rows, freeze, inspections, data.areas, data.report, data.shops, data.municipality, year]);
}
