import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { toLatLng } from '../domain/coords';

/**
 * Fits the map to a set of [lon, lat] points whenever `fitKey` changes (e.g. a new filter), not on
 * every update of the points, so the person can pan and zoom freely in between.
 */
export function FitPoints({ points, fitKey }: { points: readonly (readonly number[])[]; fitKey: string }) {
  const map = useMap();
  useEffect(() => {
    if (points.length === 0) return;
    const latLngs = points.map((p) => toLatLng(p));
    if (latLngs.length === 1) map.setView(latLngs[0]!, Math.max(map.getZoom(), 16));
    else map.fitBounds(latLngs, { padding: [40, 40], maxZoom: 17 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new fitKey moves the map
  }, [fitKey, map, points.length > 0]);
  return null;
}
