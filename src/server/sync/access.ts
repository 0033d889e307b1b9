/**
 * Which roles sync which kind of record (SPEC.md R16). Findings' writes are decided record by record
 * by the domain (findingStatus.ts); this table only says who may read a kind and write the others.
 */
import { syncRoles as sharedSyncRoles } from '../../domain/access';
import type { Role } from '../../domain/findingStatus';
import type { SyncTable } from '../../sync/protocol';
import type { RequestActor } from '../auth/guard';
import { municipalitiesWith, type SyncStore } from '../store/SyncStore';

/** Roles that may push or pull at all: everyone but partners, who only see the public summary. */
export const syncRoles: readonly Role[] = sharedSyncRoles;
/** Roles that may fetch photos (R18). */
export const photoRoles: readonly Role[] = sharedSyncRoles;
/**
 * Whether a person's roles let them receive photos at all, for every size (R18); which photos is the
 * store's scoped lookup (`getPhotoMeta` with `photoViewer`, R30), so a photo outside the actor's
 * municipalities is a 404 for thumbnails, view sizes and originals alike.
 */
export async function mayReceivePhoto(actor: RequestActor, sha256: string, sync: SyncStore): Promise<boolean> {
  void sha256;
  void sync;
  return actor.roles.some((r) => photoRoles.includes(r));
}
/** Photos an actor may fetch: of findings in municipalities where they hold a photo role, or their own uploads (R30). */
export function photoViewer(actor: RequestActor): { actorId: string; municipalities: string[] } {
  return { actorId: actor.id, municipalities: municipalitiesWith(actor.municipalities, photoRoles) };
}

/** Roles that may upload photos: those who capture or fix findings. */
export const photoUploadRoles: readonly Role[] = sharedSyncRoles;

const readers: Record<SyncTable, readonly Role[]> = {
  findings: syncRoles,
  inspections: syncRoles,
  shops: syncRoles,
  certifications: syncRoles,
  areas: [],
  // R47: accepted worries reach everyone who syncs; only those who walk check them (R48).
  worries: syncRoles,
};

const writers: Record<Exclude<SyncTable, 'findings'>, readonly Role[]> = {
  inspections: ['coordinator', 'schouwer'],
  shops: ['coordinator'],
  certifications: ['coordinator'],
  areas: [],
  worries: ['coordinator', 'schouwer'],
};

export function readableTables(roles: readonly Role[]): readonly SyncTable[] {
  return (Object.keys(readers) as SyncTable[]).filter((t) => readers[t].some((r) => roles.includes(r)));
}

export function mayWrite(table: Exclude<SyncTable, 'findings'>, roles: readonly Role[]): boolean {
  return writers[table].some((r) => roles.includes(r));
}
