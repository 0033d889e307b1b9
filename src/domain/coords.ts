/**
 * The one place that converts coordinates (DESIGN.md), in two modules: this one (plain arithmetic:
 * RD plausibility, Web Mercator tiles, bounding boxes) and `coordsRd.ts` (RD New ↔ WGS84 through
 * proj4). The split keeps proj4 (about 40 KB gzip) off the map's first screen: only the screens that
 * convert RD (imports) load it.
 */

/**
 * Whether x, y look like RD coordinates in the Netherlands (the RD validity range, x -7 to 300 km,
 * y 289 to 629 km). Catches degrees typed into RD columns (x = 6.16) and swapped x and y.
 */
export function isPlausibleRd(x: number, y: number): boolean {
  return Number.isFinite(x) && Number.isFinite(y) && x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000;
}

// --- Web Mercator tiles (XYZ, "slippy map") ------------------------------------------------------
// Offline packs and Leaflet's EPSG:3857 tile layers address tiles as {z}/{x}/{y}, y counted from the
// north. Bounding boxes here are GeoJSON order [west, south, east, north] in degrees (lon, lat).

/** [west, south, east, north] in degrees, GeoJSON order. */
export type LonLatBbox = [west: number, south: number, east: number, north: number];

export interface TileXY {
  x: number;
  y: number;
}

export interface TileRange {
  z: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Web Mercator cuts the world off at this latitude, so that it is square. */
export const MERCATOR_MAX_LAT = 85.0511287798066;
/** Mean Earth radius (IUGG), used to turn a margin in metres into degrees. */
const EARTH_MEAN_RADIUS_M = 6_371_008.8;
/** A bbox edge within this fraction of a tile from a tile edge counts as on it (absorbs float noise). */
const TILE_EDGE_EPSILON = 1e-9;

function assertZoom(z: number): void {
  if (!Number.isInteger(z) || z < 0 || z > 30) throw new RangeError(`invalid zoom level: ${z}`);
}

function clampTo(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Fractional tile coordinates of a point: the integer part is the tile, the rest is the place in it. */
function lonLatToTileFraction(lon: number, lat: number, z: number): TileXY {
  const n = 2 ** z;
  const latRad = (clampTo(lat, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT) * Math.PI) / 180;
  return {
    x: ((clampTo(lon, -180, 180) + 180) / 360) * n,
    y: ((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n,
  };
}

/** The tile at zoom z that contains the point (lon, lat); points on the far edges stay in the last tile. */
export function lonLatToTile(lon: number, lat: number, z: number): TileXY {
  assertZoom(z);
  const max = 2 ** z - 1;
  const f = lonLatToTileFraction(lon, lat, z);
  return { x: clampTo(Math.floor(f.x), 0, max), y: clampTo(Math.floor(f.y), 0, max) };
}

/** The tile's extent as [west, south, east, north] in degrees. */
export function tileBounds(z: number, x: number, y: number): LonLatBbox {
  assertZoom(z);
  const n = 2 ** z;
  const lon = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/**
 * The tiles at zoom z that cover the bbox. A bbox edge that lies exactly on a tile edge does not pull in
 * the neighbouring tile, so tileRangeForBbox(tileBounds(z, x, y), z) is that one tile.
 */
export function tileRangeForBbox(bbox: LonLatBbox, z: number): TileRange {
  assertZoom(z);
  const [west, south, east, north] = bbox;
  if (!(west <= east && south <= north)) throw new RangeError(`invalid bbox: ${bbox.join(',')}`);
  const max = 2 ** z - 1;
  const nw = lonLatToTileFraction(west, north, z);
  const se = lonLatToTileFraction(east, south, z);
  const minX = clampTo(Math.floor(nw.x + TILE_EDGE_EPSILON), 0, max);
  const minY = clampTo(Math.floor(nw.y + TILE_EDGE_EPSILON), 0, max);
  const maxX = clampTo(Math.ceil(se.x - TILE_EDGE_EPSILON) - 1, minX, max);
  const maxY = clampTo(Math.ceil(se.y - TILE_EDGE_EPSILON) - 1, minY, max);
  return { z, minX, maxX, minY, maxY };
}

/**
 * The bbox grown by at least marginMetres on every side (on a sphere with the mean Earth radius; the
 * east-west margin is taken at the latitude nearest a pole, so it is never short). Clamped to the
 * Web Mercator world.
 */
export function expandBbox(bbox: LonLatBbox, marginMetres: number): LonLatBbox {
  if (!(marginMetres >= 0) || !Number.isFinite(marginMetres)) {
    throw new RangeError(`invalid margin: ${marginMetres}`);
  }
  const [west, south, east, north] = bbox;
  const dLat = (marginMetres / EARTH_MEAN_RADIUS_M) * (180 / Math.PI);
  const newSouth = clampTo(south - dLat, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT);
  const newNorth = clampTo(north + dLat, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT);
  const poleward = Math.max(Math.abs(newSouth), Math.abs(newNorth));
  const dLon = dLat / Math.cos((poleward * Math.PI) / 180);
  return [clampTo(west - dLon, -180, 180), newSouth, clampTo(east + dLon, -180, 180), newNorth];
}

// --- Leaflet ---------------------------------------------------------------------------------------
// Leaflet takes [lat, lng]; everything else in the product is GeoJSON [lon, lat]. These are the only
// two places where the order flips.

/** GeoJSON [lon, lat] → Leaflet [lat, lng]. */
export function toLatLng([lon, lat]: readonly [number, number] | readonly number[]): [number, number] {
  return [lat!, lon!];
}

/** Leaflet {lat, lng} → GeoJSON [lon, lat]. */
export function fromLatLng(latlng: { lat: number; lng: number }): [number, number] {
  return [latlng.lng, latlng.lat];
}

/** Bounds of a Polygon/MultiPolygon as Leaflet [[south, west], [north, east]]. */
export function geometryBounds(geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }): [[number, number], [number, number]] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates as number[][][]] : (geometry.coordinates as number[][][][]);
  for (const poly of rings)
    for (const ring of poly)
      for (const [lon, lat] of ring) {
        if (lon! < w) w = lon!;
        if (lon! > e) e = lon!;
        if (lat! < s) s = lat!;
        if (lat! > n) n = lat!;
      }
  return [
    [s, w],
    [n, e],
  ];
}

// --- Web Mercator metres ---------------------------------------------------------------------------

const MERCATOR_R = 6_378_137;

/**
 * GeoJSON [lon, lat] → EPSG:3857 [x, y] in metres (y to the north), the plane Leaflet draws on.
 * Used for drawings without Leaflet, such as the printed report's inline SVG map.
 */
export function toWebMercator([lon, lat]: readonly [number, number] | readonly number[]): [number, number] {
  const phi = (clampTo(lat!, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT) * Math.PI) / 180;
  return [(MERCATOR_R * lon! * Math.PI) / 180, MERCATOR_R * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}
