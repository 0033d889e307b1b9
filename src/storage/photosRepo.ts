/**
 * Photos are written only together with the finding that uses them (see findingsRepo: the photo, the
 * finding's change, its event and its outbox entry share one transaction). This module reads them.
 */
import type { PhotoRecord, SchouwDb } from './db';

export function getPhoto(db: SchouwDb, hash: string): Promise<PhotoRecord | undefined> {
  return db.photos.get(hash);
}

/** Photos not yet on the server: the sync engine uploads these. */
export function photosToUpload(db: SchouwDb): Promise<PhotoRecord[]> {
  return db.photos.filter((p) => !p.uploadedAt).toArray();
}
