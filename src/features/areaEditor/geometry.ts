import type { LatLng } from 'leaflet';
import type { AreaGeometry, LonLat } from '../../domain/geojson';
import { fromLatLng, toLatLng } from '../../domain/coords';

// Leaflet polygons ↔ GeoJSON area geometries, through coords.ts (the one place the order flips).

type LatLngRing = [number, number][];

/** Polygon → [outer, ...holes]; MultiPolygon → [[outer, ...holes], ...], in Leaflet [lat, lng], rings open. */
export function toLeafletRings(g: AreaGeometry): LatLngRing[] | LatLngRing[][] {
  const open = (ring: number[][]) => ring.slice(0, -1).map((p) => toLatLng(p));
  return g.type === 'Polygon' ? g.coordinates.map(open) : g.coordinates.map((poly) => poly.map(open));
}

const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

function closeRing(latlngs: LatLng[]): LonLat[] {
  const ring = latlngs.map((ll) => fromLatLng(ll).map(r7) as LonLat);
  if (ring.length > 0) ring.push([...ring[0]!] as LonLat);
  return ring;
}

function isLatLng(v: unknown): v is LatLng {
  return typeof v === 'object' && v !== null && 'lat' in v && 'lng' in v;
}

/** What `polygon.getLatLngs()` returns (one level deeper per nesting) → a GeoJSON geometry, rings closed. */
export function fromLeafletLatLngs(latlngs: unknown): AreaGeometry | null {
  if (!Array.isArray(latlngs) || latlngs.length === 0) return null;
  if (isLatLng(latlngs[0])) return { type: 'Polygon', coordinates: [closeRing(latlngs as LatLng[])] };
  if (Array.isArray(latlngs[0]) && isLatLng(latlngs[0][0])) {
    return { type: 'Polygon', coordinates: (latlngs as LatLng[][]).map(closeRing) };
  }
  const polys = (latlngs as LatLng[][][]).map((p) => p.map(closeRing));
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

/** A drawn line (polyline latlngs) → GeoJSON positions. */
export function lineFromLatLngs(latlngs: LatLng[]): number[][] {
  return latlngs.map((ll) => fromLatLng(ll).map(r7));
}
