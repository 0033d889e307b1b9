/**
 * Which map labels to show so that none hides another. Pure: given each label's box in screen space
 * and its priority, keep the most important labels and drop any that would overlap one already kept.
 * Zooming in moves the boxes apart, so lower-priority labels appear from a closer zoom by themselves.
 */
export interface LabelBox {
  id: string;
  /** Centre and size in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher shows first; ties go by id so the choice is stable between redraws. */
  priority: number;
}

export function pickLabels(labels: readonly LabelBox[], gap = 2): Set<string> {
  const order = [...labels].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept: LabelBox[] = [];
  for (const l of order) {
    const hits = kept.some(
      (k) => Math.abs(k.x - l.x) * 2 < k.width + l.width + 2 * gap && Math.abs(k.y - l.y) * 2 < k.height + l.height + 2 * gap,
    );
    if (!hits) kept.push(l);
  }
  return new Set(kept.map((k) => k.id));
}
