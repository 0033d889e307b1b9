import type { Finding } from '../../domain/finding';
import type { OrganisationInput, OrganisationPatch, OwnerOrganisation } from '../../domain/ownerOrganisation';

export type OwnerStoreRefusal = 'name_taken' | 'not_found' | 'unknown_user' | 'archived';

export class OwnerStoreError extends Error {
  constructor(readonly reason: OwnerStoreRefusal, readonly field?: string) {
    super(reason);
  }
}

export interface OwnerMember {
  userId: string;
  organisationId: string;
}

/**
 * Owner organisations and the accounts linked to them (migration 025). Every method takes the
 * municipality: an organisation of another municipality is never read or changed.
 */
export interface OwnerStore {
  /** The municipality's organisations by name, with addresses; the defaults are added on first use. */
  list(municipality: string): Promise<OwnerOrganisation[]>;
  get(municipality: string, id: string): Promise<OwnerOrganisation | null>;
  create(municipality: string, id: string, input: OrganisationInput): Promise<OwnerOrganisation>;
  update(municipality: string, id: string, patch: OrganisationPatch): Promise<OwnerOrganisation>;
  members(municipality: string): Promise<OwnerMember[]>;
  /** Links an account to an organisation (null: unlinks it). */
  setMember(municipality: string, userId: string, organisationId: string | null): Promise<void>;
  memberOf(municipality: string, userId: string): Promise<string | null>;
  /** Ids of the organisations a finding of this municipality may be assigned to (not archived). */
  assignableIds(municipality: string): Promise<Set<string>>;
  /** The organisation's findings that are not closed and not removed. */
  openFindings(municipality: string, organisationId: string): Promise<Finding[]>;
}
