/**
 * Where the pin of a finding being placed is, and why. Pure, so the rules are tested without a map:
 * - a GPS fix of at most 25 m accuracy drops the pin there;
 * - a worse fix does not place the pin: the app shows the circle and asks the person to tap;
 * - a tap or a drag always wins, also over a GPS fix that arrives later;
 * - GPS refused or unavailable: the person is told and taps;
 * - "use my position again" after a tap puts the pin back on the latest fix, however accurate (the
 *   person asked for it; the circle shows how sure it is).
 */
export const GOOD_ACCURACY_M = 25;

type LonLat = [number, number];
export type GpsState = 'locating' | 'good' | 'poor' | 'denied' | 'unavailable';

export interface Placement {
  point: LonLat | null;
  source: 'gps' | 'tap' | 'drag' | null;
  gps: GpsState;
  fix: { point: LonLat; accuracy: number } | null;
}

export type PlacementAction =
  | { kind: 'fix'; point: LonLat; accuracy: number }
  | { kind: 'gps_error'; denied: boolean }
  | { kind: 'tap'; point: LonLat }
  | { kind: 'drag'; point: LonLat }
  | { kind: 'use_gps'; point: LonLat; accuracy: number };

export const startPlacement = (point: LonLat | null = null): Placement => ({
  point,
  source: point ? 'drag' : null,
  gps: point ? 'unavailable' : 'locating',
  fix: null,
});

export function placementReducer(state: Placement, action: PlacementAction): Placement {
  switch (action.kind) {
    case 'fix': {
      const good = action.accuracy <= GOOD_ACCURACY_M;
      const personPlaced = state.source === 'tap' || state.source === 'drag';
      return {
        ...state,
        gps: good ? 'good' : 'poor',
        fix: { point: action.point, accuracy: action.accuracy },
        ...(personPlaced ? {} : good ? { point: action.point, source: 'gps' as const } : { point: null, source: null }),
      };
    }
    case 'gps_error':
      return { ...state, gps: action.denied ? 'denied' : 'unavailable' };
    case 'tap':
      return { ...state, point: action.point, source: 'tap' };
    case 'drag':
      return { ...state, point: action.point, source: 'drag' };
    case 'use_gps':
      return {
        ...state,
        point: action.point,
        source: 'gps',
        gps: action.accuracy <= GOOD_ACCURACY_M ? 'good' : 'poor',
        fix: { point: action.point, accuracy: action.accuracy },
      };
  }
}
