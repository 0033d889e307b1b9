import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';

/**
 * Mirrors the zoom level on the map element, so styles (label size) and tests can read it; and hands
 * the Leaflet map to `npm run bench` on that element (`leafletMap`), which pans and zooms it the way a
 * finger does (tests/bench/mapFrames.ts). Nothing in the app reads it.
 */
export function ZoomAttribute() {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer() as HTMLElement & { leafletMap?: unknown };
    el.dataset.zoom = String(map.getZoom());
    el.leafletMap = map;
    return () => void delete el.leafletMap;
  }, [map]);
  useMapEvents({
    zoomend: () => {
      map.getContainer().dataset.zoom = String(map.getZoom());
    },
  });
  return null;
}
