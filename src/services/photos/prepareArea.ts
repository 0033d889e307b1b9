/**
 * Preparing a walk (SPEC.md R18b): the thumb and view sizes of the photos of the area's open findings
 * come onto the device, so the walk shows them without a network.
 */
import { closedStatuses } from '../../domain/finding';
import type { SchouwDb } from '../../storage/db';
import { prefetchPhotos, type PrefetchProgress } from './photoLoader';

export async function openFindingPhotos(db: SchouwDb, areaId: string): Promise<{ findings: number; hashes: string[] }> {
  const open = (await db.findings.where('areaId').equals(areaId).toArray()).filter((f) => !closedStatuses.includes(f.status) && f.photoHashes.length > 0);
  return { findings: open.length, hashes: open.flatMap((f) => f.photoHashes) };
}

export async function prepareAreaPhotos(
  db: SchouwDb,
  areaId: string,
  onProgress?: (p: PrefetchProgress) => void,
): Promise<PrefetchProgress & { findings: number }> {
  const { findings, hashes } = await openFindingPhotos(db, areaId);
  // Thumbs first: the list and map show them first; then the size the viewer opens.
  const progress = await prefetchPhotos(db, hashes, ['thumb', 'view'], onProgress);
  return { ...progress, findings };
}
