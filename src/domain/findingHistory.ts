/**
 * A finding's history as people read it (SPEC.md R39). The `created` event says no more than the
 * finding itself (who made it and when; it carries no values), so a device that pulled the finding
 * does not store it: it is derived here. A device that made the finding keeps the real one.
 */
import type { Finding, FindingEvent } from './finding';

/** The creation event of a finding, as its fields tell it; its id is the finding's id. */
export function createdEventOf(finding: Finding): FindingEvent {
  return { id: finding.id, findingId: finding.id, at: finding.createdAt, by: finding.createdBy, kind: 'created', before: null, after: null, note: null };
}

// ISO instants order like their strings.
const byTime = (a: FindingEvent, b: FindingEvent) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/** The stored events plus the derived creation event when none is stored, oldest first (creation first among events of the same instant). */
export function findingHistory(finding: Finding | undefined, stored: readonly FindingEvent[]): FindingEvent[] {
  const events = [...stored];
  if (finding && !events.some((e) => e.kind === 'created')) events.unshift(createdEventOf(finding));
  return events.sort(byTime);
}
