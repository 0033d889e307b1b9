/**
 * Photos go up before the entries that use them (SPEC.md R17), one by one, asking first whether the
 * server has each: an interrupted upload resumes with the photos not yet there.
 */
import type { SchouwDb } from '../storage/db';
import { photosToUpload } from '../storage/photosRepo';
import { request, ServerError, type Fetch } from './http';

export interface PhotoOutcome {
  uploaded: number;
  /** Refused by the server (415, 413, 400): kept on the device, reported, never retried blindly. */
  refused: { hash: string; status: number }[];
}

export async function uploadPhotos(db: SchouwDb, fetchFn: Fetch, baseUrl: string): Promise<PhotoOutcome> {
  const outcome: PhotoOutcome = { uploaded: 0, refused: [] };
  for (const photo of await photosToUpload(db)) {
    const path = `/api/photos/${photo.hash}`;
    const head = await request(fetchFn, baseUrl, path, { method: 'HEAD' });
    if (!head.ok && head.status !== 404) throw new ServerError(head.status, '');
    if (head.status === 404) {
      const bytes = new Uint8Array(await photo.blob.arrayBuffer());
      const put = await request(fetchFn, baseUrl, path, { method: 'PUT', headers: { 'content-type': photo.type || 'application/octet-stream' }, body: bytes });
      if (put.status === 400 || put.status === 413 || put.status === 415) {
        outcome.refused.push({ hash: photo.hash, status: put.status });
        continue;
      }
      if (!put.ok) throw new ServerError(put.status, await put.text().catch(() => ''));
      outcome.uploaded++;
    }
    await db.photos.update(photo.hash, { uploadedAt: new Date().toISOString() });
  }
  return outcome;
}
