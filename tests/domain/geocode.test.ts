/** Issue 14: reading Locatieserver answers and how sure a match is (table-driven). */
import { describe, expect, it } from 'vitest';
import { addressCacheKey, addressQueryText, candidatesFromLocatieserver, checkAddressQuery, classifyMatch, parseWktPoint, type AddressCandidate } from '../../src/domain/geocode';

const cand = (over: Partial<AddressCandidate>): AddressCandidate => ({ label: 'Brink 1, 7411BT Deventer', score: 14, point: [6.16, 52.25], bag: null, municipality: 'Deventer', postcode: '7411BT', huisnummer: '1', ...over });

describe('checkAddressQuery', () => {
  it.each([
    [{ postcode: '7411 BT', huisnummer: '1' }, { ok: true }],
    [{ straat: 'Brink', huisnummer: '1', plaats: 'Deventer' }, { ok: true }],
    [{ postcode: '741 BT', huisnummer: '1' }, { ok: false, field: 'postcode', reason: 'invalid_postcode' }],
    [{ postcode: '7411BT', huisnummer: '1a' }, { ok: false, field: 'huisnummer', reason: 'invalid_number' }],
    [{ postcode: '7411BT' }, { ok: false, field: 'huisnummer', reason: 'missing_address' }],
    [{ straat: 'Brink', huisnummer: '1' }, { ok: false, field: 'plaats', reason: 'missing_address' }],
    [{ plaats: 'Deventer', huisnummer: '1' }, { ok: false, field: 'straat', reason: 'missing_address' }],
  ])('%j → %j', (q, expected) => expect(checkAddressQuery(q)).toEqual(expected));
});

describe('query text and cache key', () => {
  it.each([
    [{ postcode: '7411 bt', huisnummer: '12', huisletter: 'a' }, '7411BT 12 a', 'deventer|7411bt 12 a'],
    [{ straat: 'Brink ', huisnummer: '12', toevoeging: '2', plaats: 'Deventer' }, 'Brink 12 2, Deventer', 'deventer|brink 12 2 deventer'],
    [{ straat: 'Ëngelenstraat', huisnummer: '3', plaats: 'Deventer' }, 'Ëngelenstraat 3, Deventer', 'deventer|engelenstraat 3 deventer'],
  ])('%j', (q, text, key) => {
    expect(addressQueryText(q)).toBe(text);
    expect(addressCacheKey('deventer', q)).toBe(key);
  });
});

describe('parseWktPoint', () => {
  it.each([
    ['POINT(6.16 52.25)', [6.16, 52.25]],
    ['POINT (6 52)', [6, 52]],
    ['POINT(-1.5 40.25)', [-1.5, 40.25]],
    ['POLYGON((1 2))', null],
    [42, null],
  ])('%j → %j', (wkt, expected) => expect(parseWktPoint(wkt)).toEqual(expected));
});

describe('candidatesFromLocatieserver', () => {
  it('keeps adres docs with a point, best score first, with the BAG ids', () => {
    const body = {
      response: {
        numFound: 3,
        docs: [
          { type: 'adres', weergavenaam: 'Brink 2', score: 9, centroide_ll: 'POINT(6.1 52.2)', nummeraanduiding_id: '0150200000000002', adresseerbaarobject_id: '0150010000000002', gemeentenaam: 'Deventer', huisnummer: 2 },
          { type: 'weg', weergavenaam: 'Brink', score: 20, centroide_ll: 'POINT(6.1 52.2)' },
          { type: 'adres', weergavenaam: 'Brink 1', score: 12, centroide_ll: 'POINT(6.2 52.3)', nummeraanduiding_id: 'x', gemeentenaam: 'Deventer' },
          { type: 'adres', weergavenaam: 'no point', score: 30 },
        ],
      },
    };
    const c = candidatesFromLocatieserver(body)!;
    expect(c.map((x) => x.label)).toEqual(['Brink 1', 'Brink 2']);
    expect(c[0]!.bag).toBeNull();
    expect(c[1]!.bag).toEqual({ nummeraanduidingId: '0150200000000002', adresseerbaarObjectId: '0150010000000002' });
    expect(c[1]!.huisnummer).toBe('2');
  });
  it('an answer without response.docs is null', () => {
    expect(candidatesFromLocatieserver({ error: 'x' })).toBeNull();
  });
});

describe('classifyMatch', () => {
  const q = { postcode: '7411BT', huisnummer: '1' };
  it.each([
    ['no candidates', [], 'not_found', undefined],
    ['one good', [cand({})], 'sure', undefined],
    ['low score', [cand({ score: 3 })], 'unsure', 'low_score'],
    ['two alike', [cand({ score: 11 }), cand({ score: 10.5 })], 'unsure', 'several'],
    ['one clearly best', [cand({ score: 14 }), cand({ score: 11 })], 'sure', undefined],
    ['another municipality', [cand({ municipality: 'Olst-Wijhe' })], 'unsure', 'other_municipality'],
    ['another number', [cand({ huisnummer: '11' })], 'unsure', 'no_exact_number'],
  ] as const)('%s', (_n, candidates, status, why) => {
    const r = classifyMatch(candidates, q, 'Deventer');
    expect(r.status).toBe(status);
    expect(r.why).toBe(why);
    if (status === 'sure') expect(r.candidates).toHaveLength(1);
  });
});
