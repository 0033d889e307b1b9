import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';

/** Mirrors the zoom level on the map element, so styles (label size) and tests can read it. */
export function ZoomAttribute() {
  const map = useMap();
  useEffect(() => {
    map.getContainer().dataset.zoom = String(map.getZoom());
  }, [map]);
  useMapEvents({
    zoomend: () => {
      map.getContainer().dataset.zoom = String(map.getZoom());
    },
  });
  return null;
}
