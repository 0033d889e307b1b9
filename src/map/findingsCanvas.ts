/**
 * Draws a FindingIndex on one Leaflet canvas: only the clusters and findings of the current view
 * (plus a margin), recomputed when the map stops moving, and patched by key so a pan that keeps most
 * items changes only the few that came or went. Tapping a cluster zooms in to where it falls apart;
 * at the highest zoom (findings at one spot) it spreads its findings out on short legs instead.
 */
import L from 'leaflet';
import { toLatLng } from '../domain/coords';
import type { FindingIndex, MapItem, MapPoint } from './findingIndex';
import { clusterMarkerStyle, findingMarkerStyle } from './findingStyle';
import { createClusterMarker } from './clusterMarker';
import { createShapeMarker, shapeMarkerOptions } from './shapeMarker';
import { fanOut, spreadPoints } from './spread';

interface Drawn {
  layer: L.Path;
  signature: string;
}
interface Wanted {
  signature: string;
  create: () => L.Path;
  front?: boolean;
}

/** Named in the page's User Timing when findings first appear on a map (read by `npm run bench`). */
export const FIRST_DRAW_MARK = 'schouwkaart:findings-drawn';
/** Spread findings sit this far apart (px): two markers of radius 12 and their edges do not touch. */
const SPREAD_GAP = 30;
const SPREAD_CIRCLE_MAX = 12;

export class FindingsCanvas {
  private index: FindingIndex | null = null;
  private byId = new Map<string, MapPoint>();
  private selectedId: string | null = null;
  private spread: { clusterId: number; lon: number; lat: number } | null = null;
  private drawn = new Map<string, Drawn>();
  private marked = false;
  private firstCalled = false;

  constructor(
    private readonly map: L.Map,
    private readonly renderer: L.Canvas,
    private readonly onSelect: (id: string) => void,
    private readonly formatCount: (n: number) => string,
    /** Called once, in the animation frame after the first data was drawn (even none in view). */
    private readonly onFirstDraw: () => void = () => undefined,
  ) {
    map.on('moveend', this.refresh, this);
    map.on('zoomstart', this.collapse, this);
    map.on('click', this.collapse, this);
  }

  setData(index: FindingIndex, points: readonly MapPoint[]) {
    this.index = index;
    this.byId = new Map(points.map((p) => [p.id, p]));
    this.refresh();
  }

  setSelected(id: string | null) {
    this.selectedId = id;
    this.refresh();
  }

  destroy() {
    this.map.off('moveend', this.refresh, this);
    this.map.off('zoomstart', this.collapse, this);
    this.map.off('click', this.collapse, this);
    for (const d of this.drawn.values()) d.layer.remove();
    this.drawn.clear();
  }

  private collapse() {
    if (!this.spread) return;
    this.spread = null;
    this.refresh();
  }

  private refresh() {
    const index = this.index;
    if (!index) return;
    const b = this.map.getBounds().pad(0.25);
    const zoom = this.map.getZoom();
    const items = index.itemsIn([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    const wanted = new Map<string, Wanted>();
    let selectedDrawn = false;
    let spreadShown = false;
    for (const item of items) {
      if (item.kind === 'cluster' && this.spread?.clusterId === item.clusterId) {
        spreadShown = true;
        selectedDrawn = this.wantSpread(wanted, item, index) || selectedDrawn;
      } else if (item.kind === 'cluster') {
        this.wantCluster(wanted, item, index);
      } else {
        const selected = item.id === this.selectedId;
        selectedDrawn ||= selected;
        this.wantFinding(wanted, item.key, item, L.latLng(toLatLng([item.lon, item.lat])), selected);
      }
    }
    if (!spreadShown) this.spread = null;
    // The finding picked in the list shows on the map even where it is part of a cluster.
    const sel = this.selectedId ? this.byId.get(this.selectedId) : undefined;
    // It does not take taps: the cluster under it must still open (zoom in or spread).
    if (sel && !selectedDrawn) this.wantFinding(wanted, `sel:${sel.id}`, sel, L.latLng(toLatLng([sel.lon, sel.lat])), true, false);
    this.patch(wanted);
    if (!this.marked && this.drawn.size > 0) {
      this.marked = true;
      // The first draw, as `npm run bench` times it (and its baselines the same way): the first animation
      // frame after the markers went to the canvas renderer, whose own redraw was queued before this.
      requestAnimationFrame(() => performance.mark(FIRST_DRAW_MARK, { detail: { items: this.drawn.size, findings: index.size } }));
    }
    if (!this.firstCalled) {
      this.firstCalled = true;
      requestAnimationFrame(() => this.onFirstDraw());
    }
  }

  private wantFinding(wanted: Map<string, Wanted>, key: string, p: MapPoint, at: L.LatLng, selected: boolean, interactive = true) {
    const style = findingMarkerStyle(p.status, { colour: p.colour, glyph: p.glyph }, { overdue: p.overdue, selected });
    wanted.set(key, {
      signature: `${at.lat},${at.lng}|${JSON.stringify(style)}`,
      front: selected,
      create: () => {
        const m = createShapeMarker(at, { ...shapeMarkerOptions(style), renderer: this.renderer, interactive });
        if (interactive) m.on('click', () => this.onSelect(p.id));
        return m;
      },
    });
  }

  private wantCluster(wanted: Map<string, Wanted>, item: Extract<MapItem, { kind: 'cluster' }>, index: FindingIndex) {
    const style = clusterMarkerStyle(item.count, item.themes, this.formatCount);
    const at = L.latLng(toLatLng([item.lon, item.lat]));
    wanted.set(item.key, {
      signature: `${at.lat},${at.lng}|${item.count}|${style.arcs.map((a) => `${a.colour}:${a.to.toFixed(3)}`).join()}`,
      create: () => {
        const m = createClusterMarker(at, style, this.renderer);
        m.on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          const z = index.expansionZoom(item.clusterId);
          if (z > index.maxZoom || this.map.getZoom() >= this.map.getMaxZoom()) {
            this.spread = { clusterId: item.clusterId, lon: item.lon, lat: item.lat };
            this.refresh();
          } else this.map.setView(at, Math.min(z, this.map.getMaxZoom()));
        });
        return m;
      },
    });
  }

  /** The findings of one spot around it, each on a leg from the spot; true if the selected one is among them. */
  private wantSpread(wanted: Map<string, Wanted>, item: Extract<MapItem, { kind: 'cluster' }>, index: FindingIndex): boolean {
    const leaves = index.leaves(item.clusterId).sort((a, b) => a.id.localeCompare(b.id));
    const centre = L.latLng(toLatLng([item.lon, item.lat]));
    const origin = this.map.latLngToLayerPoint(centre);
    // A few on one circle around the spot; many fill rings outward from it (a circle of 50 would be huge).
    const onSpot = leaves.map((l) => ({ id: l.id, x: origin.x, y: origin.y }));
    const places = leaves.length <= SPREAD_CIRCLE_MAX ? fanOut(onSpot, SPREAD_GAP) : spreadPoints(onSpot, SPREAD_GAP);
    let selectedIn = false;
    places.forEach((o, i) => {
      const p = leaves[i]!;
      const at = this.map.layerPointToLatLng(L.point(o.x, o.y));
      const selected = p.id === this.selectedId;
      selectedIn ||= selected;
      wanted.set(`leg:${p.id}`, {
        signature: `${centre.lat},${centre.lng}|${at.lat},${at.lng}`,
        create: () => L.polyline([centre, at], { renderer: this.renderer, color: '#333333', weight: 1.5, interactive: false }),
      });
      this.wantFinding(wanted, `sp:${p.id}`, p, at, selected);
    });
    return selectedIn;
  }

  private patch(wanted: Map<string, Wanted>) {
    for (const [key, d] of this.drawn) {
      const w = wanted.get(key);
      if (!w || w.signature !== d.signature) {
        d.layer.remove();
        this.drawn.delete(key);
      }
    }
    const front: L.Path[] = [];
    for (const [key, w] of wanted) {
      if (this.drawn.has(key)) continue;
      const layer = w.create().addTo(this.map);
      this.drawn.set(key, { layer, signature: w.signature });
      if (w.front) front.push(layer);
    }
    for (const [key, w] of wanted) if (w.front && !front.includes(this.drawn.get(key)!.layer)) front.push(this.drawn.get(key)!.layer);
    // Spread findings and the selected one are drawn last, above the clusters they came from.
    for (const [key, d] of this.drawn) if (key.startsWith('sp:')) d.layer.bringToFront();
    front.forEach((l) => l.bringToFront());
  }
}
