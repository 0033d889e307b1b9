import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AreaGeometry } from './geojson';
import type { Shop } from './shop';

/**
 * BAG shop premises as the check on the register (issue 14). A premises is a BAG verblijfsobject whose
 * gebruiksdoel holds `winkelfunctie`, read from PDOK's BAG OGC API Features (GeoJSON, CRS84 [lon, lat]).
 * Its id is the verblijfsobject identificatie, which Locatieserver calls adresseerbaarobject_id, so a
 * geocoded shop (Shop.bag) is matched by id; other shops by address text, then by distance.
 */

export interface BagPremises {
  /** verblijfsobject identificatie, 16 digits. */
  id: string;
  point: [number, number];
  /** "Brink 12A, 7411BT Deventer". */
  address: string;
  gebruiksdoel: string[];
  status: string;
}

export const premisesDecisionKinds = ['leeg', 'opslag', 'horeca', 'anders'] as const;
export type PremisesDecisionKind = (typeof premisesDecisionKinds)[number];

export interface PremisesDecision {
  premisesId: string;
  kind: PremisesDecisionKind;
  decidedBy: string;
  decidedAt: string;
}

export const SHOP_FUNCTION = 'winkelfunctie';
/** A shop this close to a premises is its match when neither id nor address matched. */
export const MATCH_DISTANCE_M = 8;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export interface OgcPage {
  premises: BagPremises[];
  /** Every verblijfsobject of the page (also other uses), to count what was read. */
  read: number;
  next: string | null;
  numberMatched: number | null;
  numberReturned: number | null;
}

/** One page of `collections/verblijfsobject/items` as premises (all uses; filter with `isShopPremises`). */
export function readOgcPage(body: unknown): OgcPage | null {
  const b = body as { type?: unknown; features?: unknown; links?: unknown; numberMatched?: unknown; numberReturned?: unknown } | null;
  if (!b || b.type !== 'FeatureCollection' || !Array.isArray(b.features)) return null;
  const premises: BagPremises[] = [];
  for (const f of b.features as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }[]) {
    const c = f?.geometry?.type === 'Point' ? (f.geometry.coordinates as unknown[]) : null;
    const p = f?.properties ?? {};
    const id = str(p.identificatie);
    if (!c || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !/^\d{16}$/.test(id)) continue;
    const uses = Array.isArray(p.gebruiksdoel) ? p.gebruiksdoel.map(str) : str(p.gebruiksdoel).split(',');
    const nr = `${str(p.huisnummer)}${str(p.huisletter)}${p.toevoeging ? `-${str(p.toevoeging)}` : ''}`;
    const street = [str(p.openbare_ruimte_naam), nr].filter(Boolean).join(' ');
    const town = [str(p.postcode), str(p.woonplaats_naam)].filter(Boolean).join(' ');
    premises.push({
      id,
      point: [c[0], c[1]],
      address: [street, town].filter(Boolean).join(', '),
      gebruiksdoel: uses.map((u) => u.trim().toLowerCase()).filter(Boolean),
      status: str(p.status),
    });
  }
  const links = Array.isArray(b.links) ? (b.links as { rel?: unknown; href?: unknown }[]) : [];
  const next = links.find((l) => l?.rel === 'next' && typeof l.href === 'string')?.href as string | undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { premises, read: b.features.length, next: next ?? null, numberMatched: num(b.numberMatched), numberReturned: num(b.numberReturned) };
}

export function isShopPremises(p: BagPremises): boolean {
  return p.gebruiksdoel.includes(SHOP_FUNCTION) && !/ingetrokken|niet gerealiseerd|gesloopt|buiten gebruik/i.test(p.status);
}

/** [minLon, minLat, maxLon, maxLat] of an outline. */
export function outlineBbox(g: AreaGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      for (const [x, y] of ring as number[][]) {
        if (x! < minX) minX = x!;
        if (y! < minY) minY = y!;
        if (x! > maxX) maxX = x!;
        if (y! > maxY) maxY = y!;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** The shop premises inside the outline (boundary counts as inside), each once, by id. */
export function shopPremisesInside(premises: readonly BagPremises[], outline: AreaGeometry): BagPremises[] {
  const [a, b, c, d] = outlineBbox(outline);
  const seen = new Set<string>();
  const out: BagPremises[] = [];
  for (const p of premises) {
    if (seen.has(p.id) || !isShopPremises(p)) continue;
    const [x, y] = p.point;
    if (x < a || x > c || y < b || y > d) continue;
    if (!booleanPointInPolygon(p.point, outline, { ignoreBoundary: false })) continue;
    seen.add(p.id);
    out.push(p);
  }
  return out;
}

function addressKey(s: string): string {
  // "Brink 12A, 7411 BT Deventer" and "brink 12 a 7411bt deventer" are one address.
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function distanceM(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const dx = (b[0]! - a[0]!) * rad * Math.cos(((a[1]! + b[1]!) / 2) * rad);
  const dy = (b[1]! - a[1]!) * rad;
  return Math.sqrt(dx * dx + dy * dy) * 6_371_008.8;
}

export interface BagComparison {
  /** Shop premises in the area. */
  premises: number;
  /** Open register shops in the area. */
  shops: number;
  /** Premises with a register shop. */
  matched: number;
  /** Premises the coordinator marked as not a shop, by kind. */
  notShop: Record<PremisesDecisionKind, number>;
  notShopTotal: number;
  /** Premises with no register shop and no decision: the ones to look at. */
  withoutShop: BagPremises[];
  /** Open register shops in the area that match no premises (moved, closed, typo). */
  shopsWithoutPremises: Shop[];
  /** premises id → the shop matched to it. */
  shopOf: Map<string, string>;
}

/**
 * Premises against the register for one area. A shop matches a premises by BAG id, else by its address
 * text, else by lying within MATCH_DISTANCE_M of it (the nearest); every premises matches at most one
 * shop and every shop at most one premises. Closed shops are left out (they count nowhere).
 */
export function compareWithRegister(premises: readonly BagPremises[], shopsInArea: readonly Shop[], decisions: readonly PremisesDecision[]): BagComparison {
  const open = shopsInArea.filter((s) => s.open);
  const shopOf = new Map<string, string>();
  const usedShops = new Set<string>();
  const byId = new Map(premises.map((p) => [p.id, p]));
  // 1. BAG id.
  for (const s of open) {
    const id = s.bag?.adresseerbaarObjectId;
    if (id && byId.has(id) && !shopOf.has(id)) {
      shopOf.set(id, s.id);
      usedShops.add(s.id);
    }
  }
  // 2. Address text.
  const byAddress = new Map<string, BagPremises>();
  for (const p of premises) if (!shopOf.has(p.id)) byAddress.set(addressKey(p.address), p);
  for (const s of open) {
    if (usedShops.has(s.id) || s.address.trim() === '') continue;
    const p = byAddress.get(addressKey(s.address));
    if (p && !shopOf.has(p.id)) {
      shopOf.set(p.id, s.id);
      usedShops.add(s.id);
    }
  }
  // 3. Distance: the nearest free premises within MATCH_DISTANCE_M.
  for (const s of open) {
    if (usedShops.has(s.id)) continue;
    const sp = s.point.coordinates;
    let best: BagPremises | null = null;
    let bestD = MATCH_DISTANCE_M;
    for (const p of premises) {
      if (shopOf.has(p.id)) continue;
      if (Math.abs(p.point[1] - sp[1]) > 0.0002) continue;
      const d = distanceM(p.point, sp);
      if (d <= bestD) {
        best = p;
        bestD = d;
      }
    }
    if (best) {
      shopOf.set(best.id, s.id);
      usedShops.add(s.id);
    }
  }
  const decided = new Map(decisions.map((d) => [d.premisesId, d.kind]));
  const notShop: Record<PremisesDecisionKind, number> = { leeg: 0, opslag: 0, horeca: 0, anders: 0 };
  const withoutShop: BagPremises[] = [];
  for (const p of premises) {
    if (shopOf.has(p.id)) continue;
    const kind = decided.get(p.id);
    if (kind) notShop[kind] += 1;
    else withoutShop.push(p);
  }
  return {
    premises: premises.length,
    shops: open.length,
    matched: shopOf.size,
    notShop,
    notShopTotal: Object.values(notShop).reduce((a, b) => a + b, 0),
    withoutShop,
    shopsWithoutPremises: open.filter((s) => !usedShops.has(s.id)),
    shopOf,
  };
}
