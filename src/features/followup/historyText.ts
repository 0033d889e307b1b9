/**
 * A finding's history in words: for each event what happened, and the value before and after,
 * each in the person's language. Pure; the timeline component only lays it out.
 */
import type { FindingEvent, FindingEventKind } from '../../domain/finding';

export interface HistoryLabels {
  kind: (k: FindingEventKind) => string;
  status: (s: string) => string;
  owner: (o: string | null) => string;
  area: (id: string | null) => string;
  category: (code: string) => string;
  severity: (s: string) => string;
  date: (isoDay: string | null) => string;
  findingRef: (id: string | null) => string;
  yes: string;
  no: string;
}

export interface HistoryLine {
  id: string;
  at: string;
  by: string;
  what: string;
  before: string | null;
  after: string | null;
  note: string | null;
}

function value(kind: FindingEventKind, v: unknown, l: HistoryLabels): string | null {
  switch (kind) {
    case 'status_changed':
    case 'reopened':
      return l.status(String(v));
    case 'owner_changed':
      return l.owner((v as string | null) ?? null);
    case 'due_date_changed':
      return l.date((v as string | null) ?? null);
    case 'moved':
      return l.area(((v as { areaId?: string | null } | null)?.areaId ?? null) as string | null);
    case 'category_changed':
      return l.category(String(v));
    case 'severity_changed':
      return l.severity(String(v));
    case 'description_changed':
      return v === '' ? '—' : String(v);
    case 'marked_duplicate':
      return l.findingRef((v as string | null) ?? null);
    case 'removed':
      return v ? l.yes : l.no;
    default:
      return null;
  }
}

/** Oldest first, as a history is read. Events of one write share a moment and keep their order. */
export function historyLines(events: readonly FindingEvent[], labels: HistoryLabels): HistoryLine[] {
  return [...events]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => {
      const withValues = !['created', 'comment', 'photo_added'].includes(e.kind);
      return {
        id: e.id,
        at: e.at,
        by: e.by,
        what: labels.kind(e.kind),
        before: withValues ? value(e.kind, e.before, labels) : null,
        after: withValues ? value(e.kind, e.after, labels) : null,
        note: e.note,
      };
    });
}
