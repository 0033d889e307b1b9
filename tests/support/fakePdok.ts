import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for PDOK on loopback (issue 14): Locatieserver v3.1 `free` under /locatieserver and
 * the BAG OGC API Features under /bag, answering in their documented shapes. Faults are injected per
 * service: a status (429 with Retry-After, 500) for the next n requests, a delay, or a hang (no answer).
 * Nothing here reaches the internet.
 */

export interface FakeAddress {
  straat: string;
  huisnummer: number;
  huisletter?: string;
  toevoeging?: string;
  postcode: string;
  woonplaats: string;
  gemeente: string;
  point: [number, number];
  nummeraanduidingId: string;
  adresseerbaarObjectId: string;
}

export interface FakePremises {
  id: string;
  point: [number, number];
  gebruiksdoel: string;
  straat: string;
  huisnummer: number;
  huisletter?: string;
  postcode: string;
  woonplaats: string;
}

export interface Fault {
  status?: 429 | 500 | 503;
  /** How many requests get `status` (default: all until cleared). */
  times?: number;
  delayMs?: number;
  /** Never answer (the client's timeout must end it). */
  hang?: boolean;
}

export interface FakePdok {
  url: string;
  locatieserverUrl: string;
  bagUrl: string;
  stats: { locatieserver: number; bag: number };
  setFault(service: 'locatieserver' | 'bag', fault: Fault | null): void;
  data: { addresses: FakeAddress[]; premises: FakePremises[] };
  close(): Promise<void>;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function label(a: FakeAddress): string {
  const nr = `${a.huisnummer}${a.huisletter ?? ''}${a.toevoeging ? `-${a.toevoeging}` : ''}`;
  return `${a.straat} ${nr}, ${a.postcode} ${a.woonplaats}`;
}

/** Scores like Locatieserver's in order of magnitude: an exact address far above a near one. */
export function searchAddresses(addresses: readonly FakeAddress[], q: string, fq: string[], rows: number) {
  const gemeente = fq.map((f) => /^gemeentenaam:"?([^"]+)"?$/.exec(f)?.[1]).find(Boolean);
  const pc = /\b([1-9]\d{3})\s?([A-Za-z]{2})\b/.exec(q);
  const rest = pc ? q.replace(pc[0], ' ') : q;
  const [streetPart, town] = rest.split(',').map((s) => s.trim());
  const nrMatch = /(\d+)\s*([A-Za-z])?\b\s*(\S+)?$/.exec(streetPart ?? '');
  const number = nrMatch ? Number(nrMatch[1]) : NaN;
  const letter = nrMatch?.[2]?.toUpperCase();
  const street = pc ? '' : norm((streetPart ?? '').replace(/\d.*$/, ''));
  const scored: { a: FakeAddress; score: number }[] = [];
  for (const a of addresses) {
    if (gemeente && a.gemeente.toLowerCase() !== gemeente.toLowerCase()) continue;
    if (pc) {
      if (norm(a.postcode) !== norm(pc[0])) continue;
    } else {
      if (norm(a.straat) !== street) continue;
      if (town && norm(a.woonplaats) !== norm(town)) continue;
    }
    if (a.huisnummer !== number) continue;
    const exactLetter = (a.huisletter ?? '').toUpperCase() === (letter ?? '');
    scored.push({ a, score: exactLetter ? 14.2 : 11.1 });
  }
  scored.sort((x, y) => y.score - x.score);
  const docs = scored.slice(0, rows).map(({ a, score }) => ({
    type: 'adres',
    weergavenaam: label(a),
    id: `adr-${a.nummeraanduidingId}`,
    score,
    centroide_ll: `POINT(${a.point[0]} ${a.point[1]})`,
    centroide_rd: 'POINT(207000.0 473000.0)',
    nummeraanduiding_id: a.nummeraanduidingId,
    adresseerbaarobject_id: a.adresseerbaarObjectId,
    gemeentenaam: a.gemeente,
    woonplaatsnaam: a.woonplaats,
    straatnaam: a.straat,
    postcode: a.postcode,
    huisnummer: a.huisnummer,
    ...(a.huisletter ? { huisletter: a.huisletter } : {}),
  }));
  return { response: { numFound: scored.length, start: 0, maxScore: scored[0]?.score ?? 0, numFoundExact: true, docs } };
}

export async function startFakePdok(data: { addresses?: FakeAddress[]; premises?: FakePremises[] } = {}, port = 0): Promise<FakePdok> {
  const state = { addresses: data.addresses ?? [], premises: data.premises ?? [] };
  const stats = { locatieserver: 0, bag: 0 };
  const faults: Record<'locatieserver' | 'bag', Fault | null> = { locatieserver: null, bag: null };
  const hanging = new Set<http.ServerResponse>();

  const send = (res: http.ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/__fault') {
      // For tests that run the fake in another process (e2e): {"service": "...", "fault": {...} | null}.
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const { service, fault } = JSON.parse(body || '{}') as { service: 'locatieserver' | 'bag'; fault: Fault | null };
        faults[service] = fault;
        send(res, 200, { ok: true });
      });
      return;
    }
    if (url.pathname === '/__stats') return send(res, 200, stats);
    const service = url.pathname.startsWith('/locatieserver/') ? 'locatieserver' : url.pathname.startsWith('/bag/') ? 'bag' : null;
    if (!service) return send(res, 404, { error: 'not found' });
    stats[service] += 1;
    const fault = faults[service];
    const answer = () => {
      if (fault?.status) {
        if (fault.times !== undefined) {
          fault.times -= 1;
          if (fault.times <= 0) faults[service] = null;
        }
        if (fault.status === 429) res.setHeader('retry-after', '0');
        return send(res, fault.status, { code: fault.status, title: 'fault' });
      }
      if (service === 'locatieserver') {
        if (url.pathname !== '/locatieserver/free') return send(res, 404, { error: 'not found' });
        const q = url.searchParams.get('q') ?? '';
        const rows = Number(url.searchParams.get('rows') ?? 10);
        return send(res, 200, searchAddresses(state.addresses, q, url.searchParams.getAll('fq'), rows));
      }
      if (url.pathname !== '/bag/collections/verblijfsobject/items') return send(res, 404, { code: 'NotFound' });
      const bbox = (url.searchParams.get('bbox') ?? '').split(',').map(Number);
      const limit = Math.min(1000, Number(url.searchParams.get('limit') ?? 10));
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const inside = state.premises.filter(
        (p) => bbox.length !== 4 || (p.point[0] >= bbox[0]! && p.point[0] <= bbox[2]! && p.point[1] >= bbox[1]! && p.point[1] <= bbox[3]!),
      );
      const page = inside.slice(offset, offset + limit);
      const next = new URL(url.toString());
      next.searchParams.set('offset', String(offset + limit));
      const host = `http://${req.headers.host}`;
      return send(
        res,
        200,
        {
          type: 'FeatureCollection',
          timeStamp: '2026-12-01T00:00:00Z',
          numberMatched: inside.length,
          numberReturned: page.length,
          links: [
            { rel: 'self', type: 'application/geo+json', href: `${host}${url.pathname}${url.search}` },
            ...(offset + limit < inside.length ? [{ rel: 'next', type: 'application/geo+json', href: `${host}${next.pathname}${next.search}` }] : []),
          ],
          features: page.map((p) => ({
            type: 'Feature',
            id: `vbo-${p.id}`,
            geometry: { type: 'Point', coordinates: p.point },
            properties: {
              identificatie: p.id,
              gebruiksdoel: p.gebruiksdoel,
              status: 'Verblijfsobject in gebruik',
              openbare_ruimte_naam: p.straat,
              huisnummer: p.huisnummer,
              ...(p.huisletter ? { huisletter: p.huisletter } : {}),
              postcode: p.postcode,
              woonplaats_naam: p.woonplaats,
              oppervlakte: 80,
            },
          })),
        },
        'application/geo+json',
      );
    };
    if (fault?.hang) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault?.delayMs) setTimeout(answer, fault.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    locatieserverUrl: `${url}/locatieserver`,
    bagUrl: `${url}/bag`,
    stats,
    data: state,
    setFault: (service, fault) => {
      faults[service] = fault ? { ...fault } : null;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A 16-digit BAG id from a small number (test data). */
export const bagId = (kind: 'na' | 'vo', n: number) => `0150${kind === 'na' ? '20' : '01'}${String(n).padStart(10, '0')}`;
