import { bbox as turfBbox } from '@turf/bbox';
import type { Area } from '../../domain/area';
import { expandBbox, tileRangeForBbox, type LonLatBbox, type TileRange } from '../../domain/coords';

/** Zoom range of a pack unless the person picks another: the whole town (13) down to street level (19). */
export const DEFAULT_MIN_ZOOM = 13;
export const DEFAULT_MAX_ZOOM = 19;
/** Tiles are fetched this far around the area's bounding box, so its edges are not blank on the walk. */
export const DEFAULT_MARGIN_METRES = 150;
/**
 * Average size of one basemap tile, for the estimate shown before a download. PDOK BRT-Achtergrondkaart
 * PNG tiles (256 px) over Dutch town centres average roughly 15 KB; sparse tiles are smaller, dense
 * ones at z17-19 larger. It is an estimate only: the pack record keeps the real size once downloaded.
 */
export const DEFAULT_BYTES_PER_TILE = 15_000;
/** Zoom levels a pack may span. Basemaps in the app stop at 19. */
export const PACK_ZOOM_LIMITS = { min: 0, max: 19 } as const;

export interface PlanPackOptions {
  minZoom?: number;
  maxZoom?: number;
  marginMetres?: number;
  /** Average bytes per tile: one number for all zoom levels, or a value per zoom level. */
  bytesPerTile?: number | ((z: number) => number);
}

export interface ZoomPlan extends TileRange {
  count: number;
}

export interface PackPlan {
  minZoom: number;
  maxZoom: number;
  marginMetres: number;
  /** The area's bounding box grown by the margin, [west, south, east, north] in degrees. */
  bbox: LonLatBbox;
  perZoom: ZoomPlan[];
  tileCount: number;
  estimatedBytes: number;
}

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

function checkZoom(name: string, z: number): void {
  if (!Number.isInteger(z) || z < PACK_ZOOM_LIMITS.min || z > PACK_ZOOM_LIMITS.max) {
    throw new RangeError(`${name} must be an integer from ${PACK_ZOOM_LIMITS.min} to ${PACK_ZOOM_LIMITS.max}, got ${z}`);
  }
}

/** Which tiles an offline pack of this area holds, how many, and about how large it will be. Pure. */
export function planPack(area: Pick<Area, 'geometry'>, options: PlanPackOptions = {}): PackPlan {
  const {
    minZoom = DEFAULT_MIN_ZOOM,
    maxZoom = DEFAULT_MAX_ZOOM,
    marginMetres = DEFAULT_MARGIN_METRES,
    bytesPerTile = DEFAULT_BYTES_PER_TILE,
  } = options;
  checkZoom('minZoom', minZoom);
  checkZoom('maxZoom', maxZoom);
  if (minZoom > maxZoom) throw new RangeError(`minZoom ${minZoom} is above maxZoom ${maxZoom}`);

  const [west, south, east, north] = turfBbox(area.geometry);
  const bbox = expandBbox([west, south, east, north], marginMetres);
  const perTile = typeof bytesPerTile === 'function' ? bytesPerTile : () => bytesPerTile;

  const perZoom: ZoomPlan[] = [];
  let tileCount = 0;
  let estimatedBytes = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    const range = tileRangeForBbox(bbox, z);
    const count = (range.maxX - range.minX + 1) * (range.maxY - range.minY + 1);
    perZoom.push({ ...range, count });
    tileCount += count;
    estimatedBytes += count * perTile(z);
  }
  return { minZoom, maxZoom, marginMetres, bbox, perZoom, tileCount, estimatedBytes: Math.round(estimatedBytes) };
}

/** Every tile of the plan once, zoom level by zoom level, row by row. */
export function* packTiles(plan: Pick<PackPlan, 'perZoom'>): Generator<TileAddress> {
  for (const { z, minX, maxX, minY, maxY } of plan.perZoom) {
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) yield { z, x, y };
    }
  }
}

/** Bytes as megabytes for people, one decimal below 10 MB, nl-NL (1 MB = 1024 × 1024 bytes, like the storage status). */
export function formatMegabytes(bytes: number, locale = 'nl-NL'): string {
  const mb = bytes / 1024 ** 2;
  const digits = mb < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(mb)} MB`;
}
