import type { PdokConfig } from '../config';
import type { Store } from '../store/Store';
import { PdokBagSource, type BagSource } from './bagClient';
import { CachedGeocoder, PdokGeocoder, type Geocoder } from './geocoder';

/** The PDOK clients the server uses, from its configuration: the geocoder behind the database cache. */
export function pdokServices(config: PdokConfig, store: Pick<Store, 'pdok'>, onRequest?: (url: string) => void): { geocoder: Geocoder; bag: BagSource } {
  const http = { timeoutMs: config.timeoutMs, ...(onRequest ? { onRequest } : {}) };
  return {
    geocoder: new CachedGeocoder(new PdokGeocoder({ ...http, baseUrl: config.locatieserverUrl, ratePerSecond: config.ratePerSecond }), store.pdok),
    bag: new PdokBagSource({ ...http, baseUrl: config.bagUrl, ratePerSecond: config.ratePerSecond }),
  };
}
