import { useMemo } from 'react';
import { Marker, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import type { ClientConfig } from '../../services/config';
import type { Area } from '../../domain/area';
import { fromLatLng, toLatLng } from '../../domain/coords';
import { MapView } from '../../map/MapView';
import { AreasLayer } from '../../map/AreasLayer';

interface Props {
  config: ClientConfig;
  areas: Area[];
  point: [number, number] | null;
  markerLabel: string;
  onPlace: (lonLat: [number, number]) => void;
}

// A pin drawn in CSS, so no marker image has to be bundled or fetched.
const pin = L.divIcon({ className: 'shop-pin', html: '<span></span>', iconSize: [36, 36], iconAnchor: [18, 36] });

function TapToPlace({ onPlace }: { onPlace: Props['onPlace'] }) {
  useMapEvents({ click: (e) => onPlace(fromLatLng(e.latlng)) });
  return null;
}

/** Tap the map to place the shop; drag the pin to move it. */
export function PlaceShopMap({ config, areas, point, markerLabel, onPlace }: Props) {
  const handlers = useMemo(
    () => ({
      dragend: (e: L.LeafletEvent) => onPlace(fromLatLng((e.target as L.Marker).getLatLng())),
    }),
    [onPlace],
  );
  const basemap = config.basemaps.some((b) => b.id === 'brt-grey') ? 'brt-grey' : config.basemaps[0]!.id;
  const centred = point ? { ...config, municipality: { ...config.municipality, center: point, zoom: 17 } } : config;
  return (
    <div className="place-map">
      <MapView config={centred} basemapId={basemap}>
        <AreasLayer areas={areas} selectedId={null} onSelect={() => undefined} />
        <TapToPlace onPlace={onPlace} />
        {point && <Marker position={toLatLng(point)} draggable icon={pin} title={markerLabel} alt={markerLabel} eventHandlers={handlers} />}
      </MapView>
    </div>
  );
}
