import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { latLngBounds } from 'leaflet';
import type { Area } from '../domain/area';
import { geometryBounds } from '../domain/coords';

/** The first view shows every area (whatever the screen's shape); later the person pans freely. */
export function FitAll({ areas, skip }: { areas: readonly Area[]; skip: boolean }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || areas.length === 0) return;
    done.current = true;
    if (skip) return;
    const bounds = latLngBounds(areas.flatMap((a) => geometryBounds(a.geometry)));
    map.fitBounds(bounds, { padding: [28, 28], maxZoom: 15, animate: false });
  }, [areas, map, skip]);
  return null;
}
