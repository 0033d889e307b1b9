/**
 * The spatial index behind the findings map: 10,000 findings are clustered once (supercluster, a
 * KD-tree per zoom) so a viewport asks only for what it shows, a few hundred items at most. Pure:
 * no Leaflet, no DOM, so the rules (which items a view draws, counts, colours and shapes) are tested
 * on their own.
 */
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { Finding, FindingStatus } from '../domain/finding';
import { themeOf } from '../domain/categories';
import { isOverdue } from '../domain/overdue';

/** What the map needs of one finding: where, its theme colour and glyph, its status. */
export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  colour: string;
  glyph: string;
  status: FindingStatus;
  overdue: boolean;
}

/** One theme colour's share of a cluster, for the ring drawn around its count. */
export interface ThemeShare {
  colour: string;
  count: number;
}

export type MapItem =
  | { kind: 'cluster'; key: string; clusterId: number; lon: number; lat: number; count: number; themes: ThemeShare[] }
  | ({ kind: 'finding'; key: string } & MapPoint);

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

export interface FindingIndex {
  /** The clusters and single findings to draw for a viewport at a (whole) zoom level. */
  itemsIn(bbox: BBox, zoom: number): MapItem[];
  /** Every finding of a cluster, for the spread at the highest zoom. */
  leaves(clusterId: number): MapPoint[];
  /** The zoom at which a cluster falls apart; above `maxZoom` it never does (the same spot). */
  expansionZoom(clusterId: number): number;
  readonly size: number;
  readonly maxZoom: number;
}

const UNKNOWN_THEME = { colour: '#555555', glyph: '?' };

/** The fields of a finding a map point is made of: a full record's or a map index row's (storage/mapIndex.ts). */
export interface MapSource {
  id: string;
  lon: number;
  lat: number;
  categoryCode: string;
  status: FindingStatus;
  dueDate: string | null;
  removed: boolean;
}

export function mapPointOf(s: MapSource, now: Date): MapPoint {
  const theme = themeOf(s.categoryCode) ?? UNKNOWN_THEME;
  return { id: s.id, lon: s.lon, lat: s.lat, colour: theme.colour, glyph: theme.glyph, status: s.status, overdue: isOverdue(s, now) };
}

export function toMapPoint(f: Finding, now: Date): MapPoint {
  const [lon, lat] = f.point.coordinates as [number, number];
  return mapPointOf({ id: f.id, lon, lat, categoryCode: f.categoryCode, status: f.status, dueDate: f.dueDate, removed: f.removed }, now);
}

/**
 * `maxZoom` is the map's highest zoom: points closer than `radius` px there stay a cluster (the same
 * spot), which the map spreads out when tapped instead of zooming in.
 */
export function buildFindingIndex(points: readonly MapPoint[], opts: { maxZoom?: number; minZoom?: number; radius?: number } = {}): FindingIndex {
  const maxZoom = opts.maxZoom ?? 19;
  // No map/reduce: merging theme counts at every level while loading cost more than the whole tree
  // (10,000 findings × 11 zoom levels of object merges). A drawn cluster's ring is counted from its
  // leaves when it is first asked for and kept: a view asks for a few dozen clusters.
  const sc = new Supercluster<MapPoint>({
    maxZoom,
    // The map's lowest zoom: no level below it is ever asked for, so none is built.
    minZoom: opts.minZoom ?? 9,
    radius: opts.radius ?? 40,
    // Leaflet's tiles are 256 px, so the radius is in screen pixels (supercluster's default is 512).
    extent: 256,
  });
  points = points.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
  sc.load(points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: p })));
  const rings = new Map<number, ThemeShare[]>();
  const ringOf = (clusterId: number): ThemeShare[] => {
    let ring = rings.get(clusterId);
    if (!ring) {
      const counts = new Map<string, number>();
      for (const leaf of sc.getLeaves(clusterId, Infinity)) counts.set(leaf.properties.colour, (counts.get(leaf.properties.colour) ?? 0) + 1);
      ring = [...counts]
        .map(([colour, count]) => ({ colour, count }))
        .sort((a, b) => b.count - a.count || (a.colour < b.colour ? -1 : a.colour > b.colour ? 1 : 0));
      rings.set(clusterId, ring);
    }
    return ring;
  };

  return {
    size: points.length,
    maxZoom,
    itemsIn(bbox, zoom) {
      const z = Math.max(0, Math.min(Math.round(zoom), maxZoom + 1));
      return sc.getClusters(clampBBox(bbox), z).map((f): MapItem => {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const props = f.properties as MapPoint | ClusterProperties;
        if ('cluster' in props && props.cluster) {
          return { kind: 'cluster', key: `c${props.cluster_id}`, clusterId: props.cluster_id, lon, lat, count: props.point_count, themes: ringOf(props.cluster_id) };
        }
        const p = props as MapPoint;
        return { kind: 'finding', key: p.id, ...p };
      });
    },
    leaves: (clusterId) => sc.getLeaves(clusterId, Infinity).map((f) => f.properties),
    expansionZoom: (clusterId) => sc.getClusterExpansionZoom(clusterId),
  };
}

/** Supercluster wants longitudes in [-180, 180] and latitudes in [-90, 90]. */
function clampBBox([w, s, e, n]: BBox): BBox {
  if (e - w >= 360) return [-180, Math.max(s, -90), 180, Math.min(n, 90)];
  return [Math.max(w, -180), Math.max(s, -90), Math.min(e, 180), Math.min(n, 90)];
}
