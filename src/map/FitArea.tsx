import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { Area } from '../domain/area';
import { geometryBounds } from '../domain/coords';

/** Zooms to the selected area once per selection, leaving the person free to pan afterwards. */
export function FitArea({ area }: { area: Area | null }) {
  const map = useMap();
  const id = area?.id;
  useEffect(() => {
    if (!area) return;
    map.flyToBounds(geometryBounds(area.geometry), { padding: [32, 32], maxZoom: 18, duration: 0.6 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new selection moves the map
  }, [id, map]);
  return null;
}
