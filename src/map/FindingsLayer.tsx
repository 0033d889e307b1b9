import { useEffect, useMemo, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import { buildFindingIndex, mapPointOf, type MapSource } from './findingIndex';
import { FindingsCanvas } from './findingsCanvas';

interface Props {
  /** Map index entries (storage/mapIndexColumns.ts) or anything with the same fields. */
  findings: readonly MapSource[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Overdue is computed against this moment; passed in so all markers agree. */
  now: Date;
  /** Once, in the frame after the findings were first on the map (a screen starts slower reads then). */
  onFirstDraw?: () => void;
}

/**
 * Findings on one shared canvas, clustered by a spatial index so a view draws a few hundred items
 * whatever the number of findings: clusters show their count and a ring of theme colours, single
 * findings their theme colour and status shape. The list beside the map is its keyboard twin.
 */
export function FindingsLayer({ findings, selectedId, onSelect, now, onFirstDraw }: Props) {
  const map = useMap();
  const { i18n } = useTranslation();
  const [renderer] = useState(() => L.canvas({ padding: 0.5, tolerance: 8 }));
  const select = useRef(onSelect);
  const drawn = useRef(onFirstDraw);
  useEffect(() => {
    select.current = onSelect;
    drawn.current = onFirstDraw;
  }, [onSelect, onFirstDraw]);
  const lang = i18n.language;
  const [canvas, setCanvas] = useState<FindingsCanvas | null>(null);
  useEffect(() => {
    const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
    const c = new FindingsCanvas(map, renderer, (id) => select.current(id), (n) => (n < 1000 ? String(n) : compact.format(n)), () => drawn.current?.());
    setCanvas(c);
    return () => c.destroy();
  }, [map, renderer, lang]);

  const points = useMemo(() => findings.map((f) => mapPointOf(f, now)), [findings, now]);
  const maxZoom = map.getMaxZoom();
  const minZoom = map.getMinZoom();
  const index = useMemo(() => {
    const t0 = performance.now();
    const built = buildFindingIndex(points, { maxZoom: Number.isFinite(maxZoom) ? maxZoom : 19, minZoom: Number.isFinite(minZoom) ? minZoom : 0 });
    // In the page's User Timing, so `npm run bench` can say where a first draw's time goes.
    performance.measure('schouwkaart:findings-index', { start: t0, detail: { findings: points.length } });
    return built;
  }, [points, maxZoom, minZoom]);
  useEffect(() => canvas?.setData(index, points), [canvas, index, points]);
  useEffect(() => canvas?.setSelected(selectedId), [canvas, selectedId]);
  return null;
}
