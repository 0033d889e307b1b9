/** Live reads for the schouw screens (writes go through src/storage/*Repo.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../services/db';
import type { Finding, FindingEvent } from '../../domain/finding';
import { inspectionSchema, type Inspection } from '../../domain/inspection';
import { readFindingHistory } from '../../storage/findingHistoryRepo';

function parseInspection(raw: unknown): Inspection | null {
  const r = inspectionSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export function useInspections(municipality: string | undefined): Inspection[] | undefined {
  return useLiveQuery(async () => {
    if (!municipality) return [];
    const rows = await db.inspections.where('municipality').equals(municipality).sortBy('startsAt');
    return rows.map(parseInspection).filter((i): i is Inspection => i !== null);
  }, [municipality]);
}

/** undefined while loading, null when there is no such inspection. */
export function useInspection(id: string): Inspection | null | undefined {
  return useLiveQuery(async () => parseInspection((await db.inspections.get(id)) ?? null), [id]);
}

/** This walk's findings, newest first, removed ones left out. */
export function useWalkFindings(inspectionId: string): Finding[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.findings.where('inspectionId').equals(inspectionId).toArray())
        .filter((f) => !f.removed)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [inspectionId],
  );
}

/** The area's findings; undefined while reading or while there is no area to read (yet). */
export function useAreaFindings(areaId: string | undefined): Finding[] | undefined {
  return useLiveQuery(async () => (areaId ? db.findings.where('areaId').equals(areaId).toArray() : undefined), [areaId]);
}

export function useFinding(id: string | null): Finding | undefined {
  return useLiveQuery(async () => (id ? db.findings.get(id) : undefined), [id]);
}

export function useFindingEvents(findingId: string | null): FindingEvent[] | undefined {
  return useLiveQuery(
    async () => (findingId ? readFindingHistory(db, findingId) : []),
    [findingId],
  );
}
