/** Pulling changes since the stored revision, page by page (SPEC.md R10, R11). */
import type { SchouwDb } from '../storage/db';
import { applyEvents, applyRecordVersions, syncTables } from './apply';
import { json, request, type Fetch } from './http';
import { readPullPage, type PullPage } from './pullPage';

export const REVISION_KEY = 'sync.revision';
/** Rows per page: big enough that a day's changes take a few round trips, small enough to hold two. */
export const DEFAULT_PULL_LIMIT = 2000;

export async function storedRevision(db: SchouwDb): Promise<number> {
  const v = (await db.meta.get(REVISION_KEY))?.value;
  return typeof v === 'number' ? v : 0;
}

/** One page applied whole, in one transaction; its revision is then a safe restart point (R10). */
async function applyPage(db: SchouwDb, page: PullPage): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    await applyRecordVersions(db, page.records);
    await applyEvents(db, page.events);
    if (page.revision > (await storedRevision(db))) await db.meta.put({ key: REVISION_KEY, value: page.revision });
  });
}

/**
 * Returns how many records and events came in. A bounded pipeline: while page n is applied, page n+1
 * is on its way (never more than one ahead, so memory holds at most two pages), and pages are applied
 * strictly one after the other in revision order. If applying fails, the page fetched ahead is
 * dropped; the stored revision is that of the last whole page.
 */
export async function pullChanges(db: SchouwDb, fetchFn: Fetch, baseUrl: string, limit = DEFAULT_PULL_LIMIT): Promise<number> {
  const since = await storedRevision(db);
  const fetchPage = async (cursor: string | null): Promise<PullPage> => {
    const q = `since=${since}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    return readPullPage(await json(await request(fetchFn, baseUrl, `/api/sync/pull?${q}`)));
  };
  let count = 0;
  let next: Promise<PullPage> | null = fetchPage(null);
  while (next) {
    const page: PullPage = await next;
    next = page.nextCursor ? fetchPage(page.nextCursor) : null;
    // A failed fetch ahead is reported when its turn comes, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined);
    await applyPage(db, page);
    count += page.records.length + page.events.length;
  }
  return count;
}
