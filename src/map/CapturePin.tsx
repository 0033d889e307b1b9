import { useMemo } from 'react';
import { Circle, Marker, Pane, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import { fromLatLng, toLatLng } from '../domain/coords';

type LonLat = [number, number];

// A DOM marker (not canvas) because it must be draggable and reachable; there is only ever one.
// 48 × 56 px so a gloved finger can grab it.
const pinIcon = L.divIcon({
  className: 'capture-pin',
  html: '<span class="capture-pin-head"></span>',
  iconSize: [48, 56],
  iconAnchor: [24, 56],
});

interface Props {
  point: LonLat | null;
  /** The GPS fix with its accuracy radius in metres, drawn as a circle. */
  gps: { point: LonLat; accuracy: number } | null;
  label: string;
  onMove: (point: LonLat) => void;
}

/** The pin of the finding being placed: dropped by GPS or a tap, dragged to correct. */
export function CapturePin({ point, gps, label, onMove }: Props) {
  const handlers = useMemo(
    () => ({ dragend: (e: L.DragEndEvent) => onMove(fromLatLng((e.target as L.Marker).getLatLng())) }),
    [onMove],
  );
  return (
    <>
      {/* Under the findings' canvas (overlay pane, 400), as the live position is: a cluster at the fix keeps its count readable. */}
      {gps && (
        <Pane name="capture-gps" style={{ zIndex: 390, pointerEvents: 'none' }}>
        <Circle
          center={toLatLng(gps.point)}
          radius={gps.accuracy}
          interactive={false}
          className="gps-accuracy"
          pathOptions={{ color: '#154273', weight: 2, fillColor: '#1f5fbf', fillOpacity: 0.12 }}
        />
        </Pane>
      )}
      {point && <Marker position={toLatLng(point)} icon={pinIcon} draggable autoPan title={label} alt={label} eventHandlers={handlers} />}
    </>
  );
}

/** Taps on the map while placing: the pin goes where the person taps. */
export function MapTap({ onTap }: { onTap: (point: LonLat) => void }) {
  useMapEvents({ click: (e) => onTap(fromLatLng(e.latlng)) });
  return null;
}
