/** Issue 14: the PDOK clients against the local fake: paging by rel=next, empty answers, the token bucket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdokBagSource } from '../../../src/server/pdok/bagClient';
import { PdokGeocoder } from '../../../src/server/pdok/geocoder';
import { ServiceError } from '../../../src/server/pdok/http';
import { TokenBucket } from '../../../src/server/pdok/tokenBucket';
import { bagId, startFakePdok, type FakePdok } from '../../support/fakePdok';

let fake: FakePdok;
beforeAll(async () => {
  fake = await startFakePdok({
    premises: Array.from({ length: 25 }, (_, i) => ({ id: bagId('vo', i), point: [6.2 + i * 0.0001, 52.25] as [number, number], gebruiksdoel: 'winkelfunctie', straat: 'Markt', huisnummer: i + 1, postcode: '7411AA', woonplaats: 'Testdorp' })),
  });
});
afterAll(() => fake.close());

describe('PdokBagSource', () => {
  it('follows rel=next until the last page', async () => {
    const urls: string[] = [];
    const source = new PdokBagSource({ baseUrl: fake.bagUrl, ratePerSecond: 100, timeoutMs: 3000, pageSize: 4, onRequest: (u) => urls.push(u) });
    const { premises, requests } = await source.premisesInBbox([6.1, 52.2, 6.3, 52.3]);
    expect(premises).toHaveLength(25);
    expect(new Set(premises.map((p) => p.id)).size).toBe(25);
    expect(requests).toBe(7);
    expect(urls[0]).toContain('bbox=6.100000%2C52.200000%2C6.300000%2C52.300000');
  });

  it('an empty bbox is one request and no premises', async () => {
    const source = new PdokBagSource({ baseUrl: fake.bagUrl, ratePerSecond: 100, timeoutMs: 3000 });
    expect(await source.premisesInBbox([5, 51, 5.1, 51.1])).toEqual({ premises: [], requests: 1 });
  });

  it('a page that is not a FeatureCollection is a bad answer', async () => {
    const source = new PdokBagSource({ baseUrl: `${fake.url}/nothing`, ratePerSecond: 100, timeoutMs: 3000 });
    await expect(source.premisesInBbox([5, 51, 5.1, 51.1])).rejects.toMatchObject({ reason: 'server_error' });
  });
});

describe('PdokGeocoder', () => {
  it('asks type:adres in the municipality, then without it when nothing lies there', async () => {
    const urls: string[] = [];
    const geocoder = new PdokGeocoder({ baseUrl: fake.locatieserverUrl, ratePerSecond: 100, timeoutMs: 3000, onRequest: (u) => urls.push(u) });
    const { candidates } = await geocoder.lookup({ postcode: '7411AA', huisnummer: '1' }, { id: 'testdorp', name: 'Testdorp' });
    expect(candidates).toEqual([]);
    expect(urls).toHaveLength(2);
    const first = new URL(urls[0]!);
    expect(first.pathname).toBe('/locatieserver/free');
    expect(first.searchParams.getAll('fq')).toEqual(['type:adres', 'gemeentenaam:"Testdorp"']);
    expect(new URL(urls[1]!).searchParams.getAll('fq')).toEqual(['type:adres']);
  });

  it('a timeout is a ServiceError timeout', async () => {
    fake.setFault('locatieserver', { hang: true });
    const geocoder = new PdokGeocoder({ baseUrl: fake.locatieserverUrl, ratePerSecond: 100, timeoutMs: 200 });
    const err = await geocoder.lookup({ postcode: '7411AA', huisnummer: '1' }, { id: 'testdorp', name: 'Testdorp' }).catch((e: unknown) => e);
    fake.setFault('locatieserver', null);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).reason).toBe('timeout');
  });
});

describe('TokenBucket', () => {
  it('lets a burst through, then one token per 1/rate seconds', async () => {
    let now = 0;
    const slept: number[] = [];
    const bucket = new TokenBucket(2, 2, () => now, async (ms) => {
      slept.push(ms);
      now += ms;
    });
    for (let i = 0; i < 5; i++) await bucket.take();
    // Two free, then three waits of half a second.
    expect(slept).toEqual([500, 500, 500]);
    expect(now).toBe(1500);
  });
});
