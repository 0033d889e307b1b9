/**
 * Findings at one spot (a cluster that no zoom level separates) spread out around it when tapped,
 * each on its own short leg, so every one can be seen and opened. Pure: offsets in screen pixels
 * from the spot, in a stable order (the order given), never closer than `gap` px to each other.
 *
 * Up to `circleMax` findings sit on one circle; more go on a spiral (as Leaflet.markercluster does),
 * which keeps the spacing for any number.
 */
export interface Offset {
  x: number;
  y: number;
}

export function spiderfy(count: number, opts: { gap?: number; circleMax?: number } = {}): Offset[] {
  const gap = opts.gap ?? 30;
  const circleMax = opts.circleMax ?? 9;
  if (count <= 0) return [];
  if (count === 1) return [{ x: 0, y: 0 }];
  if (count <= circleMax) {
    // Circumference count × gap, at least a radius that clears the spot's own marker.
    const radius = Math.max((gap * count) / (2 * Math.PI), gap);
    const start = -Math.PI / 2;
    return Array.from({ length: count }, (_, i) => {
      const a = start + (i * 2 * Math.PI) / count;
      return { x: round(radius * Math.cos(a)), y: round(radius * Math.sin(a)) };
    });
  }
  // Archimedean spiral with equal arc steps of `gap`: r = b·θ, step Δθ = gap / r.
  const b = gap / (2 * Math.PI);
  const out: Offset[] = [];
  let theta = (2 * gap) / b;
  for (let i = 0; i < count; i++) {
    const r = b * theta;
    out.push({ x: round(r * Math.cos(theta)), y: round(r * Math.sin(theta)) });
    theta += gap / r;
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;
