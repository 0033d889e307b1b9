import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { buffer } from '@turf/buffer';
import { clustersDbscan } from '@turf/clusters-dbscan';
import { concave } from '@turf/concave';
import { difference } from '@turf/difference';
import { featureCollection, point as turfPoint } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { tidyGeometry } from './areaEdit';
import { checkAreaGeometry } from './areaRules';
import { isShopPremises, type BagPremises } from './bagPremises';
import type { AreaGeometry } from './geojson';

/**
 * "Stel een omtrek voor" (issue 14): an outline proposed from the dense clusters of BAG shop premises
 * (winkelfunctie) around an area. Pure: nothing is saved here; the editor shows the proposal as a
 * drawing the coordinator accepts, edits or discards, and only their save changes the area.
 *
 * 1. DBSCAN on the premises points (turf, geodesic distances): a premises with at least `minPoints`
 *    premises (itself included) within `clusterDistanceM` is a core; noise is left out.
 * 2. The clusters that have a premises inside the current outline (all of them when there is no
 *    outline yet, then the largest only).
 * 3. Per cluster the concave hull (edges at most `maxEdgeM`); a cluster along one street, whose hull is
 *    flat or missing, is drawn as the premises themselves. Buffered by `bufferM` to take in the street
 *    front, then joined.
 * 4. Clipped to the municipality and cut away from the neighbouring areas, so the proposal passes the
 *    area rules that any save goes through.
 */

export interface ProposalOptions {
  clusterDistanceM: number;
  minPoints: number;
  maxEdgeM: number;
  bufferM: number;
}

export const DEFAULT_PROPOSAL: ProposalOptions = { clusterDistanceM: 40, minPoints: 4, maxEdgeM: 150, bufferM: 20 };

export type ProposalRefusal = 'too_few_premises' | 'no_cluster' | 'no_cluster_in_area' | 'invalid_outline';

export interface Proposal {
  geometry: AreaGeometry;
  /** Premises in the clusters used. */
  premisesUsed: number;
  clusters: number;
  /** Shop premises considered (after the winkelfunctie filter). */
  premisesSeen: number;
}

export type ProposalResult = { ok: true; value: Proposal } | { ok: false; reason: ProposalRefusal; message: string; premisesSeen: number };

export interface ProposalInput {
  premises: readonly BagPremises[];
  /** The area's current outline (or the rough drawing of a new one); null: the largest cluster. */
  outline: AreaGeometry | null;
  boundary?: AreaGeometry | null;
  neighbours?: readonly AreaGeometry[];
  options?: Partial<ProposalOptions>;
}

const asFeature = (g: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry: g });

function refuse(reason: ProposalRefusal, message: string, premisesSeen: number): ProposalResult {
  return { ok: false, reason, message, premisesSeen };
}

export function proposeOutline({ premises, outline, boundary, neighbours = [], options }: ProposalInput): ProposalResult {
  const o = { ...DEFAULT_PROPOSAL, ...options };
  const shops = dedupe(premises.filter(isShopPremises));
  const seen = shops.length;
  if (seen < o.minPoints) {
    return refuse('too_few_premises', `${seen} shop premises around the area; a proposal needs at least ${o.minPoints}`, seen);
  }
  const points = featureCollection(shops.map((p) => turfPoint(p.point, { id: p.id })));
  const clustered = clustersDbscan(points, o.clusterDistanceM / 1000, { units: 'kilometers', minPoints: o.minPoints });
  const groups = new Map<number, [number, number][]>();
  for (const f of clustered.features) {
    const c = f.properties.cluster;
    if (c === undefined || f.properties.dbscan === 'noise') continue;
    const list = groups.get(c) ?? [];
    list.push(f.geometry.coordinates as [number, number]);
    groups.set(c, list);
  }
  if (groups.size === 0) {
    return refuse('no_cluster', `No ${o.minPoints} shop premises lie within ${o.clusterDistanceM} m of each other`, seen);
  }
  let chosen = [...groups.values()];
  if (outline) {
    chosen = chosen.filter((pts) => pts.some((p) => booleanPointInPolygon(p, outline, { ignoreBoundary: false })));
    if (chosen.length === 0) {
      return refuse('no_cluster_in_area', 'No cluster of shop premises lies inside the current outline', seen);
    }
  } else {
    chosen = [chosen.reduce((a, b) => (b.length > a.length ? b : a))];
  }

  const shapes: Feature<Polygon | MultiPolygon>[] = [];
  for (const pts of chosen) {
    const shape = clusterShape(pts, o);
    if (shape) shapes.push(shape);
  }
  let merged: Feature<Polygon | MultiPolygon> | null = shapes.length === 1 ? shapes[0]! : union(featureCollection(shapes));
  if (merged && boundary) merged = intersect(featureCollection([merged, asFeature(boundary)]));
  for (const n of neighbours) {
    if (!merged) break;
    merged = difference(featureCollection([merged, asFeature(n)]));
  }
  if (!merged) return refuse('invalid_outline', 'The proposal lies wholly outside the municipality or under neighbouring areas', seen);
  const geometry = tidyGeometry(merged.geometry);
  const issues = checkAreaGeometry(geometry);
  if (issues.length > 0) return refuse('invalid_outline', issues.map((i) => i.message).join('; '), seen);
  return { ok: true, value: { geometry, premisesUsed: chosen.reduce((n, pts) => n + pts.length, 0), clusters: chosen.length, premisesSeen: seen } };
}

/** The concave hull of a cluster buffered to the street front; the premises themselves when the hull fails (one street). */
function clusterShape(pts: [number, number][], o: ProposalOptions): Feature<Polygon | MultiPolygon> | null {
  const fc = featureCollection(pts.map((p) => turfPoint(p)));
  let hull: Feature<Polygon | MultiPolygon> | null;
  try {
    hull = concave(fc, { maxEdge: o.maxEdgeM / 1000, units: 'kilometers' });
  } catch {
    hull = null;
  }
  // The hull leaves out premises only when it failed on a flat cluster; the points then stand for it.
  const base: FeatureCollection<Polygon | MultiPolygon | Point> = hull ? featureCollection<Polygon | MultiPolygon | Point>([hull, ...fc.features]) : fc;
  // Points alone: each circle reaches half-way to the next premises of the cluster, so they join.
  const radius = hull ? o.bufferM : Math.max(o.bufferM, o.clusterDistanceM / 2 + 1);
  const buffered = buffer(base, radius / 1000, { units: 'kilometers', steps: 4 });
  if (!buffered) return null;
  const all = ('features' in buffered ? buffered.features : [buffered]) as Feature[];
  const polys = all.filter(
    (f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
  if (polys.length === 0) return null;
  return polys.length === 1 ? polys[0]! : union(featureCollection(polys));
}

function dedupe(premises: readonly BagPremises[]): BagPremises[] {
  const seen = new Set<string>();
  return premises.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}
