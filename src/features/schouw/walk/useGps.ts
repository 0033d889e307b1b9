import { useEffect, useRef } from 'react';
import type { LivePosition } from '../../../map/usePositionWatch';
import type { PlacementAction } from './placement';

/**
 * Gives each capture (`active` counts them) one position: the live position the walk map already
 * watches (watchPosition reports every change, so its latest fix is where the person is now), or the
 * next one to arrive. A separate one-off request would compete with the watch (browsers answer it only
 * with a new fix). GPS refused or unavailable is reported, so the person knows to tap.
 */
export function useGps(active: number, position: LivePosition, dispatch: (a: PlacementAction) => void): void {
  const served = useRef(0);
  useEffect(() => {
    if (!active || served.current === active) return;
    if (position.kind === 'found') {
      served.current = active;
      dispatch({ kind: 'fix', point: position.lonLat, accuracy: position.accuracy });
    } else if (position.kind === 'error') {
      // Not served yet: a fix that arrives later (GPS came back) still places the pin.
      dispatch({ kind: 'gps_error', denied: position.denied });
    }
  }, [active, position, dispatch]);
}
