import { useEffect } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';
import type { Feature } from 'geojson';
import type { Area } from '../domain/area';
import { geometryBounds } from '../domain/coords';

/**
 * The walked area's outline. Not interactive, so a tap inside it reaches the map (to place a pin)
 * instead of selecting the area. Fits the map to the area once, without animation, when it opens.
 */
export function WalkAreaOutline({ area }: { area: Area }) {
  const map = useMap();
  useEffect(() => {
    map.fitBounds(geometryBounds(area.geometry), { padding: [24, 24], maxZoom: 18, animate: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new area moves the map
  }, [area.id, map]);
  return (
    <GeoJSON
      key={area.id}
      data={{ type: 'Feature', properties: {}, geometry: area.geometry } as Feature}
      interactive={false}
      style={{ color: '#111111', weight: 4, fill: true, fillColor: '#1f5fbf', fillOpacity: 0.06, dashArray: '10 6' }}
    />
  );
}
