/** The device's copy of the owner organisations: replaced as a whole per municipality when synced. */
import type { OwnerOrganisation } from '../domain/ownerOrganisation';
import type { SchouwDb } from './db';

export async function replaceOrganisations(db: SchouwDb, municipality: string, list: readonly OwnerOrganisation[]): Promise<void> {
  await db.transaction('rw', db.ownerOrganisations, async () => {
    await db.ownerOrganisations.where('municipality').equals(municipality).delete();
    await db.ownerOrganisations.bulkPut(list.filter((o) => o.municipality === municipality));
  });
}

export function listOrganisations(db: SchouwDb, municipality: string): Promise<OwnerOrganisation[]> {
  return db.ownerOrganisations.where('municipality').equals(municipality).sortBy('name');
}
