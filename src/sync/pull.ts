/** Pulling changes since the stored revision, page by page (SPEC.md R10, R11). */
import type { SchouwDb } from '../storage/db';
import { applyEvents, applyRecordVersions, syncTables } from './apply';
import { json, request, type Fetch } from './http';
import { pullResponseSchema } from './protocol';

export const REVISION_KEY = 'sync.revision';

export async function storedRevision(db: SchouwDb): Promise<number> {
  const v = (await db.meta.get(REVISION_KEY))?.value;
  return typeof v === 'number' ? v : 0;
}

/** Returns how many records and events came in. */
export async function pullChanges(db: SchouwDb, fetchFn: Fetch, baseUrl: string, limit = 500): Promise<number> {
  const since = await storedRevision(db);
  let cursor: string | null = null;
  let count = 0;
  do {
    const q = `since=${since}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = pullResponseSchema.parse(await json(await request(fetchFn, baseUrl, `/api/sync/pull?${q}`)));
    // One transaction per page: a page is applied whole, and its revision is a safe restart point
    // because rows come in revision order.
    await db.transaction('rw', syncTables(db), async () => {
      await applyRecordVersions(db, page.records);
      await applyEvents(db, page.events.map((e) => e.event));
      if (page.revision > (await storedRevision(db))) await db.meta.put({ key: REVISION_KEY, value: page.revision });
    });
    count += page.records.length + page.events.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}
