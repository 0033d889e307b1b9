import type { AreaGeometry } from '../../domain/geojson';
import { svgMap, type NumberedFinding } from './reportModel';

/** The area's outline with numbered pins as inline SVG: no tiles, so it prints offline too. */
export function ReportMap({ geometry, items, title }: { geometry: AreaGeometry | null; items: readonly NumberedFinding[]; title: string }) {
  const map = svgMap(geometry, items, 680, 28);
  return (
    <svg className="report-map" overflow="visible" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
      <title>{title}</title>
      {map.paths.map((d, i) => (
        <path key={i} d={d} fill="#e8eef7" stroke="#111" strokeWidth={2.5} strokeDasharray="8 5" fillRule="evenodd" />
      ))}
      {/* Pins moved aside so none hides another keep a line to their real spot. */}
      {map.pins
        .filter((p) => p.moved)
        .map((p) => (
          <g key={`l${p.number}`}>
            <line x1={p.fromX} y1={p.fromY} x2={p.x} y2={p.y} stroke="#111" strokeWidth={1.5} />
            <circle cx={p.fromX} cy={p.fromY} r={3} fill="#111" />
          </g>
        ))}
      {map.pins.map((p) => (
        <g key={p.number} transform={`translate(${p.x} ${p.y})`}>
          <circle r={11} fill="#154273" stroke="#fff" strokeWidth={2.5} />
          <text textAnchor="middle" dominantBaseline="central" fill="#fff" fontSize={p.number > 99 ? 9 : 12} fontWeight={700}>
            {p.number}
          </text>
        </g>
      ))}
    </svg>
  );
}
