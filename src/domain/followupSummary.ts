/**
 * The wijkbeheerder's overview: per area and per owner, how many findings are open (still to be
 * handled: open, assigned, in progress), how many of those are overdue, and how many were fixed this
 * calendar year (Europe/Amsterdam) and are still fixed or verified.
 */
import type { Finding, FindingEvent } from './finding';
import { amsterdamDate, isOverdue } from './overdue';

export interface SummaryRow {
  key: string;
  open: number;
  overdue: number;
  fixedThisYear: number;
}

const active = new Set(['open', 'assigned', 'in_progress']);

/** When each finding was last marked fixed, from its history (the record itself keeps no date). */
export function lastFixedAt(events: readonly FindingEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) {
    if (e.kind !== 'status_changed' || e.after !== 'fixed') continue;
    const seen = out.get(e.findingId);
    if (!seen || e.at > seen) out.set(e.findingId, e.at);
  }
  return out;
}

export function summarise(
  findings: readonly Finding[],
  fixedAt: ReadonlyMap<string, string>,
  keyOf: (f: Finding) => string,
  now: Date,
): SummaryRow[] {
  const year = amsterdamDate(now).slice(0, 4);
  const rows = new Map<string, SummaryRow>();
  for (const f of findings) {
    if (f.removed) continue;
    const key = keyOf(f);
    const row = rows.get(key) ?? { key, open: 0, overdue: 0, fixedThisYear: 0 };
    if (active.has(f.status)) row.open++;
    if (isOverdue(f, now)) row.overdue++;
    const fixed = fixedAt.get(f.id);
    if ((f.status === 'fixed' || f.status === 'verified') && fixed && amsterdamDate(new Date(fixed)).startsWith(year)) {
      row.fixedThisYear++;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.key.localeCompare(b.key));
}

export function totals(rows: readonly SummaryRow[]): Omit<SummaryRow, 'key'> {
  return rows.reduce(
    (t, r) => ({ open: t.open + r.open, overdue: t.overdue + r.overdue, fixedThisYear: t.fixedThisYear + r.fixedThisYear }),
    { open: 0, overdue: 0, fixedThisYear: 0 },
  );
}
