/**
 * The spatial index behind the findings map: 10,000 findings are clustered once (supercluster, a
 * KD-tree per zoom) so a viewport asks only for what it shows, a few hundred items at most. Pure:
 * no Leaflet, no DOM, so the rules (which items a view draws, counts, colours and shapes) are tested
 * on their own.
 */
import Supercluster from 'supercluster';
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

interface ClusterProps {
  themes: Record<string, number>;
}

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

export function toMapPoint(f: Finding, now: Date): MapPoint {
  const theme = themeOf(f.categoryCode) ?? UNKNOWN_THEME;
  return { id: f.id, lon: f.point.coordinates[0]!, lat: f.point.coordinates[1]!, colour: theme.colour, glyph: theme.glyph, status: f.status, overdue: isOverdue(f, now) };
}

/**
 * `maxZoom` is the map's highest zoom: points closer than `radius` px there stay a cluster (the same
 * spot), which the map spreads out when tapped instead of zooming in.
 */
export function buildFindingIndex(points: readonly MapPoint[], opts: { maxZoom?: number; minZoom?: number; radius?: number } = {}): FindingIndex {
  const maxZoom = opts.maxZoom ?? 19;
  const sc = new Supercluster<MapPoint, ClusterProps>({
    maxZoom,
    // The map's lowest zoom: no level below it is ever asked for, so none is built.
    minZoom: opts.minZoom ?? 9,
    radius: opts.radius ?? 40,
    // Leaflet's tiles are 256 px, so the radius is in screen pixels (supercluster's default is 512).
    extent: 256,
    // A theme colour count per cluster; merged bottom-up, so a cluster's counts are its leaves'.
    map: (p) => ({ themes: { [p.colour]: 1 } }),
    reduce: (acc, p) => {
      const merged = { ...acc.themes };
      for (const [c, n] of Object.entries(p.themes)) merged[c] = (merged[c] ?? 0) + n;
      acc.themes = merged;
    },
  });
  sc.load(points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: p })));

  return {
    size: points.length,
    maxZoom,
    itemsIn(bbox, zoom) {
      const z = Math.max(0, Math.min(Math.round(zoom), maxZoom + 1));
      return sc.getClusters(clampBBox(bbox), z).map((f): MapItem => {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const props = f.properties;
        if ('cluster' in props && props.cluster) {
          const themes = Object.entries(props.themes)
            .map(([colour, count]) => ({ colour, count }))
            .sort((a, b) => b.count - a.count || a.colour.localeCompare(b.colour));
          return { kind: 'cluster', key: `c${props.cluster_id}`, clusterId: props.cluster_id, lon, lat, count: props.point_count, themes };
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
