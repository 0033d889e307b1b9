import { useEffect, useMemo, useState } from 'react';
import { compareWithRegister, type BagComparison, type BagPremises, type PremisesDecision } from '../../domain/bagPremises';
import { openDataApi } from './openDataApi';
import type { ShopsData } from './useShopsData';

type Summary = { areas: { areaId: string; fetchedAt: string; premises: BagPremises[] }[]; decisions: PremisesDecision[] };

/**
 * Per area, the BAG premises cached by the BAG check against the register's shops in the area (issue 14):
 * shown next to the participation percentages so the denominator is visible. Coordinators only (the
 * server refuses others): null then, and the column is not shown.
 */
export function useBagSummary(data: ShopsData): Map<string, BagComparison> | null {
  const [summary, setSummary] = useState<Summary | null>(null);
  const m = data.municipality;
  useEffect(() => {
    if (!m) return;
    let live = true;
    void openDataApi.summary(m).then((r) => {
      if (live) setSummary(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [m]);
  return useMemo(() => {
    if (!summary) return null;
    const out = new Map<string, BagComparison>();
    const shops = data.shops ?? [];
    for (const a of summary.areas) {
      const inArea = shops.filter((s) => data.assignment.get(s.id) === a.areaId);
      out.set(a.areaId, compareWithRegister(a.premises, inArea, summary.decisions));
    }
    return out;
  }, [summary, data.shops, data.assignment]);
}
