/**
 * Points in screen space (pixels) that must not hide each other: findings at one spot on the walk map,
 * numbered pins in the printable report. Pure, so the rules are table-tested without a map.
 */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

export interface SpreadPoint extends ScreenPoint {
  /** Where the point really is; differs from x, y when it was moved aside (draw a leader line). */
  fromX: number;
  fromY: number;
  moved: boolean;
}

/**
 * Groups points that lie within `pixelRadius` of each other (chained: a-b close and b-c close is one
 * group), in input order. A group of one is a point alone.
 */
export function groupNear<T extends ScreenPoint>(points: readonly T[], pixelRadius: number): T[][] {
  const group = points.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      if (Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y) < pixelRadius) group[find(j)] = find(i);
  const out = new Map<number, T[]>();
  points.forEach((p, i) => {
    const g = find(i);
    out.set(g, [...(out.get(g) ?? []), p]);
  });
  return [...out.values()];
}

/**
 * Moves points apart so that every two are at least `minDistance` pixels apart. Points are placed in
 * input order (put the most important first); a point that is already free stays where it is, one
 * that is not goes to the nearest free place on a spiral around its own position, so it stays close
 * to where it belongs and a leader line can show the way back.
 */
export function spreadPoints(points: readonly ScreenPoint[], minDistance: number): SpreadPoint[] {
  const placed: SpreadPoint[] = [];
  const free = (x: number, y: number) => placed.every((q) => Math.hypot(q.x - x, q.y - y) >= minDistance - 1e-9);
  for (const p of points) {
    let at = { x: p.x, y: p.y };
    if (!free(at.x, at.y)) {
      // Rings of growing radius, each with as many candidates as fit at minDistance spacing.
      search: for (let ring = 1; ; ring++) {
        const r = ring * minDistance;
        const n = Math.max(6, Math.floor((2 * Math.PI * r) / minDistance));
        for (let k = 0; k < n; k++) {
          const a = -Math.PI / 2 + (2 * Math.PI * k) / n;
          const x = p.x + r * Math.cos(a);
          const y = p.y + r * Math.sin(a);
          if (free(x, y)) {
            at = { x, y };
            break search;
          }
        }
      }
    }
    placed.push({ id: p.id, x: at.x, y: at.y, fromX: p.x, fromY: p.y, moved: at.x !== p.x || at.y !== p.y });
  }
  return placed;
}

/**
 * A group of points at (nearly) one spot, fanned out on a circle around their centre, so each can be
 * tapped: neighbours are `spacing` pixels apart and none lies on the centre.
 */
export function fanOut(points: readonly ScreenPoint[], spacing: number): SpreadPoint[] {
  const n = points.length;
  if (n < 2) return points.map((p) => ({ ...p, fromX: p.x, fromY: p.y, moved: false }));
  const cx = points.reduce((s, p) => s + p.x, 0) / n;
  const cy = points.reduce((s, p) => s + p.y, 0) / n;
  // Chord between neighbours = 2 r sin(π/n) ≥ spacing.
  const r = Math.max(spacing, spacing / (2 * Math.sin(Math.PI / n)));
  return points.map((p, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { id: p.id, x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), fromX: p.x, fromY: p.y, moved: true };
  });
}
