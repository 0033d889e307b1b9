import { bagId, type FakeAddress, type FakePremises } from '../support/fakePdok';

/**
 * Deventer stand-in data for the local fake PDOK of the end-to-end test and the screenshots (issue 14):
 * a dense block of shop premises in the Binnenstad around the Brink (4 rows of 8, about 10 m apart),
 * a few in De Scheg, and dwellings between them; the member list's addresses lie on premises of the block
 * (their adresseerbaar object is the premises), one has two candidates (12A and 12B).
 */

const BRINK: [number, number] = [6.1583, 52.2512];
const SCHEG: [number, number] = [6.2095, 52.2499];

const premises: FakePremises[] = [];
for (let i = 0; i < 32; i++) {
  const col = i % 8;
  const row = Math.floor(i / 8);
  premises.push({
    id: bagId('vo', 1000 + i),
    point: [BRINK[0] + col * 0.00015, BRINK[1] + row * 0.0001],
    gebruiksdoel: 'winkelfunctie',
    straat: 'Brink',
    huisnummer: i + 1,
    postcode: '7411BT',
    woonplaats: 'Deventer',
  });
}
for (let i = 0; i < 6; i++) {
  premises.push({ id: bagId('vo', 2000 + i), point: [SCHEG[0] + i * 0.0001, SCHEG[1]], gebruiksdoel: 'winkelfunctie', straat: 'Scheg', huisnummer: i + 1, postcode: '7422AA', woonplaats: 'Deventer' });
}
for (let i = 0; i < 4; i++) {
  premises.push({ id: bagId('vo', 3000 + i), point: [BRINK[0] + i * 0.0002, BRINK[1] - 0.00015], gebruiksdoel: 'woonfunctie', straat: 'Brink', huisnummer: 100 + i, postcode: '7411BT', woonplaats: 'Deventer' });
}

const onPremises = (n: number, extra: Partial<FakeAddress> = {}): FakeAddress => {
  const p = premises[n - 1]!;
  return {
    straat: 'Brink',
    huisnummer: n,
    postcode: '7411BT',
    woonplaats: 'Deventer',
    gemeente: 'Deventer',
    point: p.point,
    nummeraanduidingId: bagId('na', 1000 + n),
    adresseerbaarObjectId: p.id,
    ...extra,
  };
};

const addresses: FakeAddress[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => onPremises(n)),
  // "Brink 12" has no plain number: 12A and 12B score alike, so the row is unsure.
  onPremises(12, { huisletter: 'A' }),
  { ...onPremises(13), huisnummer: 12, huisletter: 'B', nummeraanduidingId: bagId('na', 2012) },
];

export const deventerPdok = { premises, addresses };
