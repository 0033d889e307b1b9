/**
 * Which roles sync which kind of record (SPEC.md R16). Findings' writes are decided record by record
 * by the domain (findingStatus.ts); this table only says who may read a kind and write the others.
 */
import type { Role } from '../../domain/findingStatus';
import type { SyncTable } from '../../sync/protocol';

/** Roles that may push or pull at all: everyone but partners, who only see the public summary. */
export const syncRoles: Role[] = ['coordinator', 'schouwer', 'wijkbeheerder'];
/** Roles that may fetch photos (R18). */
export const photoRoles: Role[] = ['coordinator', 'schouwer', 'wijkbeheerder'];
/** Roles that may upload photos: those who capture or fix findings. */
export const photoUploadRoles: Role[] = ['coordinator', 'schouwer', 'wijkbeheerder'];

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
