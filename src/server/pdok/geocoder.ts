import { addressCacheKey, addressQueryText, candidatesFromLocatieserver, type AddressCandidate, type AddressQuery } from '../../domain/geocode';
import type { PdokStore } from '../store/PdokStore';
import { getJson, ServiceError, type HttpOptions } from './http';
import { TokenBucket } from './tokenBucket';

/** Addresses to candidates. The PDOK implementation asks Locatieserver; tests and the bench pass a local one. */
export interface Geocoder {
  /**
   * Candidates (best first) for an address, restricted to the municipality; when none lies there, the
   * candidates elsewhere (so the caller can say "another municipality"). Throws a `ServiceError`.
   */
  lookup(query: AddressQuery, municipality: { id: string; name: string }): Promise<{ candidates: AddressCandidate[]; cached: boolean }>;
}

export const DEFAULT_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';
const FIELDS = 'id weergavenaam type score centroide_ll centroide_rd nummeraanduiding_id adresseerbaarobject_id gemeentenaam postcode huisnummer huisletter huisnummertoevoeging straatnaam woonplaatsnaam';

export interface PdokGeocoderOptions extends HttpOptions {
  baseUrl: string;
  /** Requests a second to Locatieserver (token bucket). */
  ratePerSecond: number;
}

/** PDOK Locatieserver v3.1 `free`: `type:adres`, filtered on `gemeentenaam`. */
export class PdokGeocoder implements Geocoder {
  private readonly bucket: TokenBucket;

  constructor(private readonly options: PdokGeocoderOptions) {
    this.bucket = new TokenBucket(options.ratePerSecond);
  }

  private async ask(q: string, municipalityName: string | null): Promise<AddressCandidate[]> {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}/free`);
    url.searchParams.set('q', q);
    url.searchParams.append('fq', 'type:adres');
    if (municipalityName) url.searchParams.append('fq', `gemeentenaam:"${municipalityName.replace(/"/g, '')}"`);
    url.searchParams.set('rows', '5');
    url.searchParams.set('fl', FIELDS);
    await this.bucket.take();
    const body = await getJson(url.toString(), this.options);
    const candidates = candidatesFromLocatieserver(body);
    if (!candidates) throw new ServiceError('bad_answer', 'Locatieserver answered without response.docs');
    return candidates;
  }

  async lookup(query: AddressQuery, municipality: { id: string; name: string }) {
    const text = addressQueryText(query);
    const here = await this.ask(text, municipality.name);
    if (here.length > 0) return { candidates: here, cached: false };
    return { candidates: await this.ask(text, null), cached: false };
  }
}

/** A geocoder with the database cache in front (migration 060): an address asked once is not asked again. */
export class CachedGeocoder implements Geocoder {
  constructor(
    private readonly inner: Geocoder,
    private readonly store: PdokStore,
  ) {}

  async lookup(query: AddressQuery, municipality: { id: string; name: string }) {
    const key = addressCacheKey(municipality.id, query);
    const hit = await this.store.getAddress(key);
    if (hit) return { candidates: hit.candidates, cached: true };
    const { candidates } = await this.inner.lookup(query, municipality);
    await this.store.putAddress(key, municipality.id, candidates);
    return { candidates, cached: false };
  }
}
