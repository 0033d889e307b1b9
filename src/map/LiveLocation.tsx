import { useEffect } from 'react';
import { Circle, CircleMarker, Pane, useMap } from 'react-leaflet';
import { toLatLng } from '../domain/coords';
import type { LivePosition } from './usePositionWatch';
import { liveColours } from './liveStyle';

/** Under the overlay pane (400) that holds the findings' canvas: a cluster where the person stands keeps its count readable. */
const LIVE_PANE_Z = 390;

/**
 * Where the person is, on the map all the time: a dot with its accuracy circle. Neither takes taps
 * (a tap there places a pin or opens a finding). With `follow` on, the map keeps the dot in view.
 * Both lie under the findings: standing on a spot with findings, their markers and a cluster's count
 * stay on top, and the accuracy circle around them still says where the person is.
 */
export function LiveLocation({ position, follow }: { position: LivePosition; follow: boolean }) {
  const map = useMap();
  const found = position.kind === 'found' ? position : null;
  const lon = found?.lonLat[0];
  const lat = found?.lonLat[1];
  useEffect(() => {
    if (!follow || lon === undefined || lat === undefined) return;
    map.panTo(toLatLng([lon, lat]), { animate: true, duration: 0.4 });
  }, [follow, lon, lat, map]);
  if (!found) return null;
  const at = toLatLng(found.lonLat);
  return (
    <Pane name="live-position" style={{ zIndex: LIVE_PANE_Z, pointerEvents: 'none' }}>
      <Circle center={at} radius={found.accuracy} interactive={false} className="live-accuracy" pathOptions={{ color: liveColours.accuracyEdge, weight: 2, fillColor: liveColours.accuracyFill, fillOpacity: 0.1 }} />
      <CircleMarker center={at} radius={9} interactive={false} className="live-dot" pathOptions={{ color: liveColours.dotEdge, weight: 3, fillColor: liveColours.dot, fillOpacity: 1 }} />
    </Pane>
  );
}
