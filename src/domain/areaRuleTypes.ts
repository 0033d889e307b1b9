import type { AreaFeature } from './area';

export type AreaRuleReason =
  | 'invalid_schema'
  | 'ring_not_closed'
  | 'too_few_positions'
  | 'self_intersection'
  | 'invalid_geometry'
  | 'overlap'
  | 'outside_municipality'
  | 'duplicate_id'
  | 'duplicate_name';

export interface AreaRuleError {
  /** Index of the feature in the collection; -1 for a problem with the collection itself. */
  index: number;
  /** Name (or id, or "#index") of the feature, for messages. */
  feature: string;
  reason: AreaRuleReason;
  /** English, one line, names the feature(s) and what is wrong. */
  message: string;
  /** For overlap (and duplicates): the other feature's name. */
  other?: string;
}

export type AreaValidation =
  | { ok: true; areas: AreaFeature[] }
  | { ok: false; errors: AreaRuleError[] };
