import type { AreaFeature, AreaGeometry } from './area';

// STUB: to be implemented (geo helper). Signature is the contract used by the server loader.
export type AreaRuleReason =
  | 'invalid_schema'
  | 'ring_not_closed'
  | 'self_intersection'
  | 'invalid_geometry'
  | 'overlap'
  | 'outside_municipality'
  | 'duplicate_id'
  | 'duplicate_name';

export interface AreaRuleError {
  /** Index of the feature in the collection. */
  index: number;
  /** Name (or id, or "#index") of the feature, for messages. */
  feature: string;
  reason: AreaRuleReason;
  /** English, one line, names the feature(s) and what is wrong. */
  message: string;
  /** For overlap: the other feature's name. */
  other?: string;
}

export type AreaValidation =
  | { ok: true; areas: AreaFeature[] }
  | { ok: false; errors: AreaRuleError[] };

export function validateAreaCollection(_input: unknown, _boundary: AreaGeometry): AreaValidation {
  throw new Error('not implemented');
}
