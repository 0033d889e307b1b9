/**
 * Preparing a walk (SPEC.md R18b): the thumb and view sizes of the photos of the area's open findings
 * come onto the device, so the walk shows them without a network.
 */
import { closedStatuses } from '../../domain/finding';
import type { SchouwDb } from '../../storage/db';
import { prefetchPhotos, type PrefetchProgress } from './photoLoader';

/**
 * The photos a walk of the area shows: of its open findings, and of the shopkeepers' accepted worries
 * still to check on the spot (issue 16: the team sees the shopkeeper's photo on the walk).
 */
export async function openFindingPhotos(db: SchouwDb, areaId: string): Promise<{ findings: number; hashes: string[] }> {
  const open = (await db.findings.where('areaId').equals(areaId).toArray()).filter((f) => !closedStatuses.includes(f.status) && f.photoHashes.length > 0);
  const worries = (await db.worries.where('areaId').equals(areaId).toArray()).filter((w) => w.status === 'accepted' && w.photoHash !== null);
  return { findings: open.length, hashes: [...open.flatMap((f) => f.photoHashes), ...worries.map((w) => w.photoHash!)] };
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
