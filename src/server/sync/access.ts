/**
 * Which roles sync which kind of record (SPEC.md R16). Findings' writes are decided record by record
 * by the domain (findingStatus.ts); this table only says who may read a kind and write the others.
 */
import { syncRoles as sharedSyncRoles } from '../../domain/access';
import type { Role } from '../../domain/findingStatus';
import type { SyncTable } from '../../sync/protocol';
import type { RequestActor } from '../auth/guard';
import type { SyncStore } from '../store/SyncStore';

/** Roles that may push or pull at all: everyone but partners, who only see the public summary. */
export const syncRoles: readonly Role[] = sharedSyncRoles;
/** Roles that may fetch photos (R18). */
export const photoRoles: readonly Role[] = sharedSyncRoles;
/**
 * The one decision whether a person may receive a photo's bytes, for every size (R18): the route
 * asks only this, so a narrower rule (such as a municipality scope) applies to thumbnails, view
 * sizes and originals alike. `sync` is here for rules that look at the findings using the photo.
 */
export async function mayReceivePhoto(actor: RequestActor, sha256: string, sync: SyncStore): Promise<boolean> {
  void sha256;
  void sync;
  return actor.roles.some((r) => photoRoles.includes(r));
}
/** Roles that may upload photos: those who capture or fix findings. */
export const photoUploadRoles: readonly Role[] = sharedSyncRoles;

const readers: Record<SyncTable, readonly Role[]> = {
  findings: syncRoles,
  inspections: syncRoles,
  shops: syncRoles,
  certifications: syncRoles,
  areas: [],
};

const writers: Record<Exclude<SyncTable, 'findings'>, readonly Role[]> = {
  inspections: ['coordinator', 'schouwer'],
  shops: ['coordinator'],
  certifications: ['coordinator'],
  areas: [],
};

export function readableTables(roles: readonly Role[]): SyncTable[] {
  return (Object.keys(readers) as SyncTable[]).filter((t) => readers[t].some((r) => roles.includes(r)));
}

export function mayWrite(table: Exclude<SyncTable, 'findings'>, roles: readonly Role[]): boolean {
  return writers[table].some((r) => roles.includes(r));
}
