/** Live reads for the follow-up screens (writes go through src/storage/*Repo.ts). */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../services/db';
import type { Finding } from '../../domain/finding';
import { lastFixedAt } from '../../domain/followupSummary';
import { inspectionSchema, type Inspection } from '../../domain/inspection';

// ISO timestamps order like their strings; a plain comparison, because localeCompare's collation
// costs about 100 ms per sort of 10,000 findings on a tablet.
const newestFirst = (a: Finding, b: Finding) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/**
 * Every finding on the device that is not removed, newest first; read only once `enabled` (the list
 * screen starts it after the map's first frame: 10,000 records take about a second to read).
 */
export function useAllFindings(enabled = true): Finding[] | undefined {
  return useLiveQuery(async () => (enabled ? (await db.findings.toArray()).filter((f) => !f.removed).sort(newestFirst) : undefined), [enabled]);
}

export function useAllInspections(): Inspection[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.inspections.orderBy('startsAt').toArray();
    return rows.flatMap((r) => {
      const p = inspectionSchema.safeParse(r);
      return p.success ? [p.data] : [];
    });
  }, []);
}

/** When each finding was last marked fixed (for "fixed this year"). */
export function useFixedAt(): ReadonlyMap<string, string> {
  const events = useLiveQuery(() => db.findingEvents.filter((e) => e.kind === 'status_changed' && e.after === 'fixed').toArray(), []);
  return useMemo(() => lastFixedAt(events ?? []), [events]);
}
