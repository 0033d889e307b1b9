import type { Role } from '../../src/domain/findingStatus';
import type { MunicipalityScope } from '../../src/server/store/SyncStore';
import type { SyncTable } from '../../src/sync/protocol';

/** Every role that syncs, in each of `municipalities`: what a test reads the store as (R30). */
export function scopeOf(...municipalities: string[]): MunicipalityScope {
  const staff: Role[] = ['coordinator', 'schouwer', 'wijkbeheerder'];
  return Object.fromEntries(municipalities.map((m) => [m, staff]));
}

/** The municipality of the test fixtures (tests/support/syncMutations.ts). */
export const testScope = scopeOf('testdorp');

/** A `tablesFor` that reads these tables whatever the roles. */
export const tables = (list: readonly SyncTable[]) => () => list;
