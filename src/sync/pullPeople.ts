/**
 * The people directory (SPEC.md R23b): fetched with every sync run, with the ETag of the copy on the
 * device, so an unchanged directory costs a 304 and no body. The copy is replaced whole: someone
 * removed from the directory is no longer named on this device.
 */
import { peopleResponseSchema } from '../domain/personRecord';
import type { SchouwDb } from '../storage/db';
import { json, request, type Fetch } from './http';

export const PEOPLE_ETAG_KEY = 'people.etag';

/** Returns whether the copy changed. */
export async function pullPeople(db: SchouwDb, fetchFn: Fetch, baseUrl: string): Promise<boolean> {
  const etag = (await db.meta.get(PEOPLE_ETAG_KEY))?.value;
  const res = await request(fetchFn, baseUrl, '/api/people', {
    method: 'GET',
    headers: typeof etag === 'string' ? { 'If-None-Match': etag } : {},
    // Our own revalidation: the browser's cache must not answer for the server.
    cache: 'no-store',
  });
  if (res.status === 304) return false;
  const { people } = peopleResponseSchema.parse(await json(res));
  await db.transaction('rw', db.people, db.meta, async () => {
    await db.people.clear();
    await db.people.bulkPut(people);
    const next = res.headers.get('ETag');
    if (next) await db.meta.put({ key: PEOPLE_ETAG_KEY, value: next });
    else await db.meta.delete(PEOPLE_ETAG_KEY);
  });
  return true;
}
