// Issue 14 benchmarks against the local fake PDOK on loopback (nothing leaves the machine): geocoding 300
// member-list addresses through POST /api/geocode (requests made, time, cache hits on a second run), and
// the BAG comparison of 2,000 shop premises with the register in one area. Measured, never asserted.
import { performance } from 'node:perf_hooks';
import { compareWithRegister, shopPremisesInside, type BagPremises } from '../../src/domain/bagPremises';
import type { AreaGeometry } from '../../src/domain/geojson';
import { newShop, type Shop } from '../../src/domain/shop';
import { pdokServices } from '../../src/server/pdok/services';
import { bagId, startFakePdok, type FakeAddress } from '../support/fakePdok';
import { testMunicipality } from '../support/fixtures';
import { startSyncServer } from '../support/syncServer';
import type { Measurement } from './measurement';

/** PDOK_RATE_PER_SECOND's default: the bench paces requests as production does. */
const RATE = 10;

export async function openDataBenchmarks(count = 300): Promise<Measurement[]> {
  const addresses: FakeAddress[] = Array.from({ length: count }, (_, i) => ({
    straat: `Straat ${Math.floor(i / 50)}`,
    huisnummer: (i % 50) + 1,
    postcode: `74${String(10 + Math.floor(i / 50)).padStart(2, '0')}AB`,
    woonplaats: 'Testdorp',
    gemeente: testMunicipality.name,
    point: [6.2 + (i % 50) * 0.0001, 52.25 + Math.floor(i / 50) * 0.0005],
    nummeraanduidingId: bagId('na', i + 1),
    adresseerbaarObjectId: bagId('vo', i + 1),
  }));
  const fake = await startFakePdok({ addresses });
  const server = await startSyncServer({ pdok: (store) => pdokServices({ locatieserverUrl: fake.locatieserverUrl, bagUrl: fake.bagUrl, ratePerSecond: RATE, timeoutMs: 10_000 }, store) });
  const out: Measurement[] = [];
  try {
    const coordinator = await server.user(['coordinator'], 'coordinator');
    const rows = addresses.map((a, i) => ({ row: i + 2, query: { postcode: a.postcode, huisnummer: String(a.huisnummer) } }));
    const run = async () => {
      const before = fake.stats.locatieserver;
      const t0 = performance.now();
      let cached = 0;
      let sure = 0;
      for (let i = 0; i < rows.length; i += 100) {
        const res = await server.app.inject({ method: 'POST', url: `/api/geocode?municipality=${testMunicipality.id}`, headers: coordinator.headers, payload: { rows: rows.slice(i, i + 100) } });
        if (res.statusCode !== 200) throw new Error(`geocode answered ${res.statusCode}: ${res.body}`);
        const body = res.json() as { cached: number; results: { status: string }[] };
        cached += body.cached;
        sure += body.results.filter((r) => r.status === 'sure').length;
      }
      return { ms: performance.now() - t0, requests: fake.stats.locatieserver - before, cached, sure };
    };
    const first = await run();
    const second = await run();
    out.push({ name: `geocode ${count} addresses, first run`, value: Math.round(first.ms), unit: 'ms', detail: { requests: first.requests, cacheHits: first.cached, sure: first.sure, ratePerSecond: RATE } });
    out.push({
      name: `geocode ${count} addresses, second run (cache)`,
      value: Math.round(second.ms),
      unit: 'ms',
      baseline: { name: `geocode ${count} addresses, first run`, value: Math.round(first.ms) },
      detail: { requests: second.requests, cacheHits: second.cached, sure: second.sure },
    });
  } finally {
    await server.close();
    await fake.close();
  }
  out.push(bagComparison());
  return out;
}

/** 2,000 shop premises in one area against 1,500 register shops (1,000 by BAG id, 300 by address, 200 by distance or none). */
function bagComparison(n = 2000): Measurement {
  const outline = { type: 'Polygon', coordinates: [[[6.15, 52.24], [6.17, 52.24], [6.17, 52.26], [6.15, 52.26], [6.15, 52.24]]] } as AreaGeometry;
  const premises: BagPremises[] = Array.from({ length: n }, (_, i) => ({
    id: bagId('vo', 10_000 + i),
    point: [6.151 + (i % 50) * 0.0003, 52.241 + Math.floor(i / 50) * 0.0004],
    address: `Markt ${i + 1}, 7411AA Deventer`,
    gebruiksdoel: ['winkelfunctie'],
    status: 'Verblijfsobject in gebruik',
  }));
  const shops: Shop[] = premises.slice(0, 1500).map((p, i) =>
    newShop({
      id: `s${i}`,
      municipality: 'deventer',
      name: `Winkel ${i}`,
      address: i >= 1000 && i < 1300 ? p.address : '',
      point: { type: 'Point', coordinates: [p.point[0] + (i >= 1300 ? 0.00003 : 0), p.point[1]] },
      ...(i < 1000 ? { bag: { nummeraanduidingId: bagId('na', i), adresseerbaarObjectId: p.id } } : {}),
    }),
  );
  const times: number[] = [];
  let result = null as ReturnType<typeof compareWithRegister> | null;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const inside = shopPremisesInside(premises, outline);
    result = compareWithRegister(inside, shops, []);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    name: `BAG comparison, ${n} premises in one area`,
    value: Math.round(times[2]! * 10) / 10,
    unit: 'ms',
    detail: { shops: shops.length, matched: result!.matched, withoutShop: result!.withoutShop.length, shopsWithoutPremises: result!.shopsWithoutPremises.length, runs: 5, statistic: 'median' },
  };
}
