import type { AddressCandidate } from '../../domain/geocode';
import type { BagPremises, PremisesDecision, PremisesDecisionKind } from '../../domain/bagPremises';

/**
 * What the open-data clients keep (issue 14, migrations 060-061): the geocoder's answers by normalised
 * query, BAG shop premises per area with the time they were fetched, and the coordinator's decisions on
 * premises without a shop. Every read and write names its municipality (R30).
 */
export interface PdokStore {
  getAddress(queryKey: string): Promise<{ candidates: AddressCandidate[]; fetchedAt: string } | null>;
  putAddress(queryKey: string, municipality: string, candidates: readonly AddressCandidate[]): Promise<void>;

  getPremises(municipality: string, areaId: string): Promise<{ premises: BagPremises[]; fetchedAt: string } | null>;
  putPremises(municipality: string, areaId: string, premises: readonly BagPremises[]): Promise<{ fetchedAt: string }>;

  listDecisions(municipality: string): Promise<PremisesDecision[]>;
  /** `kind` null removes the decision. */
  putDecision(municipality: string, premisesId: string, kind: PremisesDecisionKind | null, actorId: string): Promise<void>;
}
