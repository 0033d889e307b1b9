import { useEffect, useState } from 'react';

export type LivePosition =
  | { kind: 'waiting' }
  | { kind: 'found'; lonLat: [number, number]; accuracy: number; at: number }
  | { kind: 'error'; denied: boolean };

/**
 * The device's position, live (watchPosition, high accuracy), for as long as the component is shown:
 * the walk map keeps a dot where the person is. Stops watching when the screen closes.
 */
export function usePositionWatch(active = true): LivePosition {
  const [pos, setPos] = useState<LivePosition>({ kind: 'waiting' });
  useEffect(() => {
    if (!active) return;
    if (!('geolocation' in navigator)) {
      // Reported once, after mount, like a refusal would be.
      const id = setTimeout(() => setPos({ kind: 'error', denied: false }));
      return () => clearTimeout(id);
    }
    const id = navigator.geolocation.watchPosition(
      (p) => setPos({ kind: 'found', lonLat: [p.coords.longitude, p.coords.latitude], accuracy: p.coords.accuracy, at: p.timestamp }),
      (err) => setPos((old) => (old.kind === 'found' && err.code !== err.PERMISSION_DENIED ? old : { kind: 'error', denied: err.code === err.PERMISSION_DENIED })),
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [active]);
  return pos;
}
