import type { Area } from '../../domain/area';

export const areaActions = ['loaded', 'created', 'changed', 'retired', 'restored', 'imported'] as const;
export type AreaAction = (typeof areaActions)[number];

/** One saved shape of an area (migration 003): the area as it was, and who saved it, when and why. */
export interface AreaVersion {
  version: number;
  area: Area;
  retired: boolean;
  action: AreaAction;
  actorId: string;
  reason: string;
  /** For a restore: the version that was brought back. */
  restoredFrom: number | null;
  /** ISO date-time. */
  createdAt: string;
}

export interface AreaWrite {
  area: Area;
  action: AreaAction;
  actorId: string;
  reason: string;
  retired?: boolean;
  restoredFrom?: number;
}

export type WriteResult<R> = { ok: true; versions: number[] } | { ok: false; refusal: R };

/**
 * Area history and editing, on the same database as `Store` (SqlAreaVersionStore). Every write makes a
 * new version of each written area and updates its current row, in one transaction per call: all of the
 * writes or none.
 */
export interface AreaVersionStore {
  /** The area's current state, retired ones included (then `retired` is true); undefined if unknown. */
  getArea(municipality: string, id: string): Promise<{ area: Area; retired: boolean; version: number } | undefined>;
  /** Every area of the municipality, retired ones included, ordered by id. */
  listAllAreas(municipality: string): Promise<{ area: Area; retired: boolean }[]>;
  /** Newest first. An area never edited has one version, from the file it was loaded from. */
  listVersions(municipality: string, id: string): Promise<AreaVersion[]>;
  getVersion(municipality: string, id: string, version: number): Promise<AreaVersion | undefined>;
  /**
   * Write versions. `check` runs inside the transaction, serialised per municipality, with the current
   * (not retired) areas of the municipality; when it returns a refusal nothing is written.
   */
  writeAreas<R>(municipality: string, writes: readonly AreaWrite[], check: (current: Area[]) => R | null | Promise<R | null>): Promise<WriteResult<R>>;
}
