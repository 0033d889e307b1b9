/**
 * A circle marker that draws a shape and a one-letter glyph on Leaflet's canvas renderer. Canvas,
 * not DOM markers, because 10,000 findings must pan and zoom smoothly; Leaflet's own hit test (a
 * circle of the marker's radius) is close enough for these compact shapes.
 *
 * It overrides the internal _updatePath of L.CircleMarker (stable in Leaflet 1.x) and only works
 * with an L.Canvas renderer, which FindingsLayer always passes.
 */
import L from 'leaflet';
import type { FindingMarkerStyle, MarkerRing, MarkerShape } from './findingStyle';

export interface ShapeMarkerOptions extends L.CircleMarkerOptions {
  shape: MarkerShape;
  glyph: string;
  glyphColor: string;
  rings?: readonly MarkerRing[];
}

interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
  _fillStroke(ctx: CanvasRenderingContext2D, layer: unknown): void;
}
interface MarkerInternals {
  _renderer: CanvasInternals;
  _point: L.Point;
  _radius: number;
  _empty(): boolean;
  options: ShapeMarkerOptions;
}

function tracePath(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number) {
  ctx.beginPath();
  if (shape === 'square') {
    const s = r * 0.9;
    ctx.rect(x - s, y - s, 2 * s, 2 * s);
  } else if (shape === 'diamond') {
    const s = r * 1.2;
    ctx.moveTo(x, y - s);
    ctx.lineTo(x + s, y);
    ctx.lineTo(x, y + s);
    ctx.lineTo(x - s, y);
    ctx.closePath();
  } else {
    ctx.arc(x, y, r, 0, Math.PI * 2, false);
  }
}

const ShapeMarkerClass = L.CircleMarker.extend({
  _updatePath(this: MarkerInternals) {
    const renderer = this._renderer;
    if (!renderer._drawing || this._empty()) return;
    const ctx = renderer._ctx;
    const { x, y } = this._point;
    const r = Math.max(Math.round(this._radius), 1);
    tracePath(ctx, this.options.shape, x, y, r);
    const { rings = [], weight = 0 } = this.options;
    // State rings, outermost first, each a wider stroke of the same path; the fill and the edge then
    // cover their inner halves.
    let outside = rings.reduce((sum, ring) => sum + ring.width, 0);
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    for (let i = rings.length - 1; i >= 0; i--) {
      ctx.lineWidth = weight + 2 * outside;
      ctx.strokeStyle = rings[i]!.colour;
      ctx.stroke();
      outside -= rings[i]!.width;
    }
    renderer._fillStroke(ctx, this);
    ctx.globalAlpha = 1;
    ctx.fillStyle = this.options.glyphColor;
    ctx.font = `700 ${Math.round(r * 1.15)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.options.glyph, x, y + 1);
  },
});

export type ShapeMarker = L.CircleMarker & { options: ShapeMarkerOptions };

export function shapeMarkerOptions(style: FindingMarkerStyle): Omit<ShapeMarkerOptions, 'renderer'> {
  return {
    shape: style.shape,
    glyph: style.glyph,
    glyphColor: style.glyphColor,
    rings: style.rings,
    radius: style.radius,
    color: style.color,
    weight: style.weight,
    fillColor: style.fillColor,
    fillOpacity: 1,
    opacity: 1,
    dashArray: style.dashArray,
  };
}

export function createShapeMarker(latlng: L.LatLngExpression, options: ShapeMarkerOptions): ShapeMarker {
  return new (ShapeMarkerClass as unknown as new (ll: L.LatLngExpression, o: ShapeMarkerOptions) => ShapeMarker)(latlng, options);
}
