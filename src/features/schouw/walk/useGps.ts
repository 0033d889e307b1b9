import { useEffect } from 'react';
import type { PlacementAction } from './placement';

/**
 * Asks for one position per capture (`active` counts them). High accuracy and a fresh fix (never a
 * cached one: the team walks on between findings), with a time limit, so a tablet that cannot see
 * the sky tells the person instead of waiting forever; the person can always tap.
 */
export function useGps(active: number, dispatch: (a: PlacementAction) => void): void {
  useEffect(() => {
    if (!active) return;
    if (!('geolocation' in navigator)) {
      dispatch({ kind: 'gps_error', denied: false });
      return;
    }
    let alive = true;
    navigator.geolocation.getCurrentPosition(
      (pos) => alive && dispatch({ kind: 'fix', point: [pos.coords.longitude, pos.coords.latitude], accuracy: pos.coords.accuracy }),
      (err) => alive && dispatch({ kind: 'gps_error', denied: err.code === err.PERMISSION_DENIED }),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 15_000 },
    );
    return () => {
      alive = false;
    };
  }, [active, dispatch]);
}
