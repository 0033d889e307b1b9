/**
 * Pure building blocks of the printed reports: the numbered findings of an inspection, the inline
 * SVG map (area outline + numbered pins, no tiles, so it prints offline), and the action list per
 * owner.
 */
import type { AreaGeometry } from '../../domain/geojson';
import { closedStatuses, type Finding, type FindingOwner } from '../../domain/finding';
import { toWebMercator } from '../../domain/coords';
import { spreadPoints } from '../../map/spread';

export interface NumberedFinding {
  number: number;
  finding: Finding;
}

/** In the order they were noted on the walk, numbered from 1; removed findings are left out. */
export function numberFindings(findings: readonly Finding[]): NumberedFinding[] {
  return findings
    .filter((f) => !f.removed)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((finding, i) => ({ number: i + 1, finding }));
}

export interface SvgMap {
  width: number;
  height: number;
  /** One SVG path `d` per polygon (holes included, drawn even-odd). */
  paths: string[];
  /** Where each numbered pin is drawn; `fromX`, `fromY` is the finding's real spot (a leader line when moved). */
  pins: { number: number; x: number; y: number; fromX: number; fromY: number; moved: boolean }[];
}

/** Pins (radius 11) at least this far apart, so no number hides another. */
export const PIN_SPACING = 25;

function rings(geometry: AreaGeometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Fits the outline and the pins into `width` with `pad` pixels around, keeping the map's aspect
 * (Web Mercator, as on screen); the height follows from the shape.
 */
export function svgMap(geometry: AreaGeometry | null, pins: readonly NumberedFinding[], width: number, pad: number): SvgMap {
  const all: [number, number][] = [];
  const polys = geometry ? rings(geometry).map((poly) => poly.map((ring) => ring.map((p) => toWebMercator(p)))) : [];
  polys.forEach((poly) => poly.forEach((ring) => all.push(...ring)));
  const pinXY = pins.map((p) => ({ number: p.number, xy: toWebMercator(p.finding.point.coordinates) }));
  pinXY.forEach((p) => all.push(p.xy));
  if (all.length === 0) return { width, height: width / 2, paths: [], pins: [] };
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // At least 100 m across, so a single pin does not fill the page.
  const spanX = Math.max(maxX - minX, 100);
  const spanY = Math.max(maxY - minY, 100);
  const scale = Math.min((width - 2 * pad) / spanX, (width * 0.75 - 2 * pad) / spanY);
  const height = Math.round(spanY * scale + 2 * pad);
  const offX = (width - (maxX - minX) * scale) / 2;
  const offY = (height - (maxY - minY) * scale) / 2;
  const toPx = ([x, y]: [number, number]) => [round(offX + (x - minX) * scale), round(offY + (maxY - y) * scale)] as const;
  const paths = polys.map((poly) =>
    poly.map((ring) => ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${toPx(p).join(' ')}`).join(' ') + ' Z').join(' '),
  );
  const spread = spreadPoints(
    pinXY.map((p) => ({ id: String(p.number), x: toPx(p.xy)[0], y: toPx(p.xy)[1] })),
    PIN_SPACING,
  );
  const pinsOut = spread.map((p) => ({ number: Number(p.id), x: round(p.x), y: round(p.y), fromX: p.fromX, fromY: p.fromY, moved: p.moved }));
  return { width, height, paths, pins: pinsOut };
}

const round = (n: number) => Math.round(n * 10) / 10;

export interface OwnerActions {
  owner: FindingOwner;
  findings: Finding[];
}

/**
 * What each owner still has to do: findings with an owner that are not closed, grouped per owner
 * (in the order of `owners`), earliest due date first, those without a date last.
 */
export function actionsPerOwner(findings: readonly Finding[], owners: readonly FindingOwner[]): OwnerActions[] {
  return owners
    .map((owner) => ({
      owner,
      findings: findings
        .filter((f) => !f.removed && f.owner === owner && !closedStatuses.includes(f.status))
        .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.createdAt.localeCompare(b.createdAt)),
    }))
    .filter((g) => g.findings.length > 0);
}
