/** Pulling changes since the stored revision, page by page (SPEC.md R10, R11, R35). */
import type { SchouwDb } from '../storage/db';
import { applyEvents, applyRecordVersions, syncTables } from './apply';
import { json, request, type Fetch } from './http';
import { readPullPage, type PullPage } from './pullPage';
import { keepLost, offerLost } from './recover';

export const REVISION_KEY = 'sync.revision';
/** The server epoch the stored revision counts in (R35). */
export const EPOCH_KEY = 'sync.epoch';
/** Set while a whole re-pull after an epoch change (or a revision ahead of the server) is under way. */
export const REPULL_KEY = 'sync.repull';
/** Rows per page: big enough that a day's changes take a few round trips, small enough to hold two. */
export const DEFAULT_PULL_LIMIT = 2000;

export async function storedRevision(db: SchouwDb): Promise<number> {
  const v = (await db.meta.get(REVISION_KEY))?.value;
  return typeof v === 'number' ? v : 0;
}

/** Why the stored revision means nothing on this server any more (R35), or null when it still does. */
export type Staleness = 'epoch_changed' | 'ahead_of_server';

export function staleness(page: Pick<PullPage, 'epoch' | 'head'>, since: number, storedEpoch: string | null): Staleness | null {
  if (page.epoch !== null && storedEpoch !== null && page.epoch !== storedEpoch) return 'epoch_changed';
  if (page.head !== null && since > page.head) return 'ahead_of_server';
  return null;
}

async function storedEpoch(db: SchouwDb): Promise<string | null> {
  const v = (await db.meta.get(EPOCH_KEY))?.value;
  return typeof v === 'string' ? v : null;
}

/**
 * One page applied whole, in one transaction; its revision is then a safe restart point (R10). While
 * re-pulling (R35) the server's versions replace the device's, older revisions too; pending fields
 * still keep their local value (R11).
 */
async function applyPage(db: SchouwDb, page: PullPage, replace: boolean, since: number): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    await applyRecordVersions(db, page.records, { replace, since });
    await applyEvents(db, page.events);
    if (page.revision > (await storedRevision(db))) await db.meta.put({ key: REVISION_KEY, value: page.revision });
  });
}

/**
 * Returns how many records and events came in. A bounded pipeline: while page n is applied, page n+1
 * is on its way (never more than one ahead, so memory holds at most two pages), and pages are applied
 * strictly one after the other in revision order. If applying fails, the page fetched ahead is
 * dropped; the stored revision is that of the last whole page.
 *
 * R35: when the first page says the server is of another epoch than the stored revision, or its head
 * is below that revision (a database restored from a backup), the revision goes back to 0 and
 * everything is pulled again; the outbox is not touched. The epoch is stored with the reset and the
 * re-pull mark stays until its last page is applied, so an interrupted re-pull goes on as one.
 */
export async function pullChanges(db: SchouwDb, fetchFn: Fetch, baseUrl: string, limit = DEFAULT_PULL_LIMIT): Promise<number> {
  let since = await storedRevision(db);
  const fetchPage = async (cursor: string | null): Promise<PullPage> => {
    // R39: the findings' creation events stay on the server; the device derives them.
    const q = `since=${since}&limit=${limit}&fold=created${cursor ? `&cursor=${cursor}` : ''}`;
    return readPullPage(await json(await request(fetchFn, baseUrl, `/api/sync/pull?${q}`)));
  };
  let first = await fetchPage(null);
  const known = await storedEpoch(db);
  const stale = staleness(first, since, known);
  if (stale !== null) {
    await db.transaction('rw', syncTables(db), async () => {
      // R54: restored from a backup of the epoch this device knew: keep aside what the server lost.
      if (stale === 'epoch_changed' && first.restoredFrom?.epoch === known) await keepLost(db, first.restoredFrom);
      await db.meta.put({ key: REVISION_KEY, value: 0 });
      await db.meta.put({ key: REPULL_KEY, value: true });
      if (first.epoch !== null) await db.meta.put({ key: EPOCH_KEY, value: first.epoch });
    });
    since = 0;
    first = await fetchPage(null);
  } else if (known === null && first.epoch !== null) {
    // The first answer that carries an epoch: the stored revision counts in it from now on.
    await db.meta.put({ key: EPOCH_KEY, value: first.epoch });
  }
  const epoch = first.epoch;
  const replace = (await db.meta.get(REPULL_KEY)) !== undefined;
  let count = 0;
  let next: Promise<PullPage> | null = Promise.resolve(first);
  while (next) {
    const page: PullPage = await next;
    // Restored while this pull ran: stop; the next run starts the re-pull (R35).
    if (page.epoch !== epoch) throw new Error('the server was restored during the pull');
    next = page.nextCursor ? fetchPage(page.nextCursor) : null;
    // A failed fetch ahead is reported when its turn comes, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined);
    await applyPage(db, page, replace, since);
    count += page.records.length + page.events.length;
  }
  if (replace) await db.meta.delete(REPULL_KEY);
  // R55: the re-pull is whole; what the server lost is offered again (also after an interrupted run).
  await offerLost(db);
  return count;
}
