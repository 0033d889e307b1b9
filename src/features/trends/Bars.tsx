/**
 * Small bar charts in plain SVG (no chart library): one bar per year, its value written above it.
 * Decorative for assistive technology (aria-hidden): the same numbers are in the section's table.
 */
export interface BarValue {
  year: number;
  value: number | null;
  label: string;
  /** Drawn lighter: a figure that is not final (this year, not frozen). */
  muted?: boolean;
}

const BAR = 30;
const GAP = 14;
const HEIGHT = 72;
const TOP = 16;
const BOTTOM = 18;

export function Bars({ values, max, reference, colour = '#0077BB', name }: { values: readonly BarValue[]; max: number; reference?: number; colour?: string; name: string }) {
  const width = values.length * (BAR + GAP) + GAP;
  const scale = (v: number) => (max > 0 ? (Math.min(v, max) / max) * HEIGHT : 0);
  const base = TOP + HEIGHT;
  return (
    <svg className="trend-chart" width={width} height={base + BOTTOM} viewBox={`0 0 ${width} ${base + BOTTOM}`} aria-hidden="true" focusable="false" data-chart={name}>
      <line x1={0} x2={width} y1={base} y2={base} stroke="#555" />
      {reference !== undefined && <line className="trend-reference" x1={0} x2={width} y1={base - scale(reference)} y2={base - scale(reference)} stroke="#555" strokeDasharray="4 3" />}
      {values.map((v, i) => {
        const x = GAP + i * (BAR + GAP);
        const h = v.value === null ? 0 : scale(v.value);
        return (
          <g key={v.year} data-year={v.year} data-value={v.value ?? ''} data-muted={v.muted ? 'true' : undefined}>
            {v.value !== null && <rect x={x} y={base - h} width={BAR} height={Math.max(h, 1)} fill={colour} fillOpacity={v.muted ? 0.45 : 1} stroke={colour} strokeDasharray={v.muted ? '3 2' : undefined} />}
            <text x={x + BAR / 2} y={base - h - 4} textAnchor="middle" fontSize="11">
              {v.label}
            </text>
            <text x={x + BAR / 2} y={base + 13} textAnchor="middle" fontSize="11">
              {v.year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface StackPart {
  key: string;
  value: number;
  colour: string;
}

/** Stacked bars: per year the parts on top of each other, the total above. */
export function StackedBars({ years, name }: { years: readonly { year: number; parts: readonly StackPart[] }[]; name: string }) {
  const width = years.length * (BAR + GAP) + GAP;
  const max = Math.max(1, ...years.map((y) => y.parts.reduce((n, p) => n + p.value, 0)));
  const base = TOP + HEIGHT;
  return (
    <svg className="trend-chart" width={width} height={base + BOTTOM} viewBox={`0 0 ${width} ${base + BOTTOM}`} aria-hidden="true" focusable="false" data-chart={name}>
      <line x1={0} x2={width} y1={base} y2={base} stroke="#555" />
      {years.map((y, i) => {
        const x = GAP + i * (BAR + GAP);
        let top = base;
        const total = y.parts.reduce((n, p) => n + p.value, 0);
        return (
          <g key={y.year} data-year={y.year} data-value={total}>
            {y.parts.map((p) => {
              const h = (p.value / max) * HEIGHT;
              top -= h;
              return p.value > 0 ? <rect key={p.key} data-part={p.key} data-value={p.value} x={x} y={top} width={BAR} height={h} fill={p.colour} stroke="#fff" strokeWidth={0.5} /> : null;
            })}
            <text x={x + BAR / 2} y={top - 4} textAnchor="middle" fontSize="11">
              {total}
            </text>
            <text x={x + BAR / 2} y={base + 13} textAnchor="middle" fontSize="11">
              {y.year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
