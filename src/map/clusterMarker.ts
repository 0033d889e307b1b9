/**
 * A cluster on Leaflet's canvas renderer: a white disc with the count, ringed by its theme colours
 * (see clusterMarkerStyle). Like shapeMarker.ts it overrides L.CircleMarker's internal _updatePath
 * (stable in Leaflet 1.x), so hit testing stays Leaflet's own circle test of the marker's radius.
 */
import L from 'leaflet';
import { clusterColours, type ClusterMarkerStyle } from './findingStyle';

interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
}
interface MarkerInternals {
  _renderer: CanvasInternals;
  _point: L.Point;
  _empty(): boolean;
  options: L.CircleMarkerOptions & { cluster: ClusterMarkerStyle };
}

const RING = 6;

const ClusterMarkerClass = L.CircleMarker.extend({
  _updatePath(this: MarkerInternals) {
    const renderer = this._renderer;
    if (!renderer._drawing || this._empty()) return;
    const ctx = renderer._ctx;
    const { x, y } = this._point;
    const { radius, arcs, label } = this.options.cluster;
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    // A dark hairline outside the ring keeps it readable on the aerial photo and on white.
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
    ctx.fillStyle = clusterColours.disc;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = clusterColours.edge;
    ctx.stroke();
    ctx.lineWidth = RING;
    for (const a of arcs) {
      ctx.beginPath();
      ctx.arc(x, y, radius - RING / 2 - 0.5, a.from, a.to);
      ctx.strokeStyle = a.colour;
      ctx.stroke();
    }
    ctx.fillStyle = clusterColours.label;
    ctx.font = `700 ${label.length > 3 ? 11 : 13}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, x, y + 1);
  },
});

export type ClusterMarker = L.CircleMarker;

export function createClusterMarker(latlng: L.LatLngExpression, style: ClusterMarkerStyle, renderer: L.Canvas): ClusterMarker {
  const Ctor = ClusterMarkerClass as unknown as new (ll: L.LatLngExpression, o: L.CircleMarkerOptions & { cluster: ClusterMarkerStyle }) => ClusterMarker;
  return new Ctor(latlng, { radius: style.radius, renderer, cluster: style, weight: 0, fillOpacity: 1 });
}
