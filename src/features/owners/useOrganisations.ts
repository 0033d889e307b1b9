/** The owner organisations of the municipality on screen, from the device's synced copy (works offline). */
import { useLiveQuery } from 'dexie-react-hooks';
import { findingOwners } from '../../domain/finding';
import { defaultOrganisations, type OwnerOrganisation } from '../../domain/ownerOrganisation';
import { loadCachedConfig } from '../../services/configCache';
import { db } from '../../services/db';
import { useMunicipalityChoice } from '../../services/municipalityChoice';
import { listOrganisations } from '../../storage/ownersRepo';

export function useCurrentMunicipality(): string {
  const choice = useMunicipalityChoice();
  const config = loadCachedConfig();
  const served = config ? (config.municipalities ?? [config.municipality]).map((m) => m.id) : [];
  return choice && served.includes(choice) ? choice : (config?.municipality.id ?? 'deventer');
}

/**
 * Before the first sync the device has no copy yet: the defaults (same ids as on the server) keep
 * assigning possible on a device that never was online with an account.
 */
export function useOrganisations(): OwnerOrganisation[] {
  const municipality = useCurrentMunicipality();
  const rows = useLiveQuery(() => listOrganisations(db, municipality), [municipality]);
  return rows && rows.length > 0 ? rows : defaultOrganisations(municipality);
}

/** Every owner id worth listing: the organisations, then ids found on findings (an organisation of another municipality). */
export function ownerIds(organisations: readonly OwnerOrganisation[], seen: Iterable<string | null> = []): string[] {
  const ids = organisations.map((o) => o.id);
  for (const id of seen) if (id !== null && !ids.includes(id)) ids.push(id);
  return ids.length > 0 ? ids : [...findingOwners];
}
