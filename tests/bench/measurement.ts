// One figure of the bench report, with what it is compared with in the same run.
export interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  withinBudget?: boolean;
  /** The figure this one is compared with, measured in the same run; the report adds the ratio. */
  baseline?: { name: string; value: number };
  detail?: Record<string, unknown>;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))]!;
}

export const median = (xs: readonly number[]) => percentile(xs, 0.5);
