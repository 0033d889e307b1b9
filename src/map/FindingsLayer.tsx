import { memo, useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import L from 'leaflet';
import type { Finding } from '../domain/finding';
import { themeOf } from '../domain/categories';
import { isOverdue } from '../domain/overdue';
import { toLatLng } from '../domain/coords';
import { findingMarkerStyle } from './findingStyle';
import { createShapeMarker, shapeMarkerOptions, type ShapeMarker } from './shapeMarker';

interface Props {
  findings: readonly Finding[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Overdue is computed against this moment; passed in so all markers agree. */
  now: Date;
}

/** Findings on one shared canvas renderer; one small component per finding, redrawn only when it changed. */
export function FindingsLayer({ findings, selectedId, onSelect, now }: Props) {
  const renderer = useMemo(() => L.canvas({ padding: 0.5, tolerance: 8 }), []);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  return (
    <>
      {findings.map((f) => (
        <FindingMarker key={f.id} finding={f} selected={f.id === selectedId} overdue={isOverdue(f, now)} renderer={renderer} select={select} />
      ))}
    </>
  );
}

interface MarkerProps {
  finding: Finding;
  selected: boolean;
  overdue: boolean;
  renderer: L.Canvas;
  select: { current: (id: string) => void };
}

const FindingMarker = memo(
  function FindingMarker({ finding, selected, overdue, renderer, select }: MarkerProps) {
    const map = useMap();
    const layer = useRef<ShapeMarker | null>(null);
    const id = finding.id;
    const [lon, lat] = finding.point.coordinates;
    const theme = themeOf(finding.categoryCode) ?? { colour: '#555555', glyph: '?' };
    const style = findingMarkerStyle(finding.status, theme, { overdue, selected });

    useEffect(() => {
      const marker = createShapeMarker(toLatLng([lon!, lat!]), { ...shapeMarkerOptions(style), renderer });
      marker.on('click', () => select.current(id));
      marker.addTo(map);
      layer.current = marker;
      return () => {
        marker.remove();
        layer.current = null;
      };
      // Created once per finding; position and style are patched by the effects below.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [map, renderer, id]);

    useEffect(() => {
      layer.current?.setLatLng(toLatLng([lon!, lat!]));
    }, [lon, lat]);

    const styleKey = JSON.stringify(style);
    useEffect(() => {
      const marker = layer.current;
      if (!marker) return;
      Object.assign(marker.options, shapeMarkerOptions(style));
      marker.setStyle({}).setRadius(style.radius);
      if (selected) marker.bringToFront();
      // eslint-disable-next-line react-hooks/exhaustive-deps -- styleKey stands for style
    }, [styleKey, selected]);
    return null;
  },
    // Records from a live query are new objects on every change anywhere; updatedAt says whether this one changed.
  (a, b) =>
    (a.finding === b.finding || (a.finding.id === b.finding.id && a.finding.updatedAt === b.finding.updatedAt)) &&
    a.selected === b.selected &&
    a.overdue === b.overdue &&
    a.renderer === b.renderer,
);
