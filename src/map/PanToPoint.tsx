import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { toLatLng } from '../domain/coords';

/**
 * Brings a point into view when it changes: pans when it is off screen (keeping the zoom), or sets
 * the view at `zoom` when given. Nothing moves while the point stays the same.
 */
export function PanToPoint({ point, zoom }: { point: readonly number[] | null; zoom?: number }) {
  const map = useMap();
  const lon = point?.[0];
  const lat = point?.[1];
  useEffect(() => {
    if (lon === undefined || lat === undefined) return;
    const ll = toLatLng([lon, lat]);
    if (zoom !== undefined) map.setView(ll, zoom);
    else if (!map.getBounds().pad(-0.1).contains(ll)) map.panTo(ll);
  }, [map, lon, lat, zoom]);
  return null;
}
