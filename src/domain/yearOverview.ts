import type { Inspection } from './inspection';

/** Where an area stands in a year: walked (a walk ended), walking now, planned, or nothing yet. */
export type AreaYearState = 'walked' | 'walking' | 'planned' | 'none';

export interface AreaYearRow {
  areaId: string;
  state: AreaYearState;
  /** The inspection that decided the state (the most advanced one; the latest of equals). */
  inspectionId: string | null;
  startsAt: string | null;
}

const rank: Record<Inspection['status'], number> = { done: 3, walking: 2, planned: 1 };
const stateOf: Record<Inspection['status'], AreaYearState> = { done: 'walked', walking: 'walking', planned: 'planned' };

/**
 * One row per area, in the order given. The year is read from startsAt, which is Amsterdam wall-clock
 * time already, so no time-zone arithmetic is needed. Feeds programme question 6 ("schouw done?").
 */
export function yearOverview(
  areaIds: readonly string[],
  inspections: readonly Pick<Inspection, 'id' | 'areaId' | 'status' | 'startsAt'>[],
  year: number,
): AreaYearRow[] {
  const prefix = `${year}-`;
  const best = new Map<string, (typeof inspections)[number]>();
  for (const i of inspections) {
    if (!i.startsAt.startsWith(prefix)) continue;
    const current = best.get(i.areaId);
    if (!current || rank[i.status] > rank[current.status] || (rank[i.status] === rank[current.status] && i.startsAt > current.startsAt)) {
      best.set(i.areaId, i);
    }
  }
  return areaIds.map((areaId) => {
    const i = best.get(areaId);
    return i
      ? { areaId, state: stateOf[i.status], inspectionId: i.id, startsAt: i.startsAt }
      : { areaId, state: 'none', inspectionId: null, startsAt: null };
  });
}
