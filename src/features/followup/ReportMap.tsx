import type { AreaGeometry } from '../../domain/geojson';
import { svgMap, type NumberedFinding } from './reportModel';

/** The area's outline with numbered pins as inline SVG: no tiles, so it prints offline too. */
export function ReportMap({ geometry, items, title }: { geometry: AreaGeometry | null; items: readonly NumberedFinding[]; title: string }) {
  const map = svgMap(geometry, items, 680, 28);
  return (
    <svg className="report-map" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
      <title>{title}</title>
      {map.paths.map((d, i) => (
        <path key={i} d={d} fill="#e8eef7" stroke="#111" strokeWidth={2.5} strokeDasharray="8 5" fillRule="evenodd" />
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
