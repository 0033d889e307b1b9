/** Reading a finding's history from the device (SPEC.md R39: pulled findings' creation events are derived). */
import type { FindingEvent } from '../domain/finding';
import { findingHistory } from '../domain/findingHistory';
import type { SchouwDb } from './db';

export async function readFindingHistory(db: SchouwDb, findingId: string): Promise<FindingEvent[]> {
  const [finding, stored] = await Promise.all([db.findings.get(findingId), db.findingEvents.where('findingId').equals(findingId).toArray()]);
  return findingHistory(finding, stored);
}
