// When two shop rows of an import are the same shop: the same name and address (both normalised, the
// address not empty), or the same name within a few metres.
import { normaliseHeader } from './csvRecords';

/** Same name within this distance is a duplicate. */
export const DUPLICATE_DISTANCE_M = 5;

export function textKey(s: string): string {
  return normaliseHeader(s);
}

function distanceM(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const [lon1, lat1] = [a[0]! * rad, a[1]! * rad];
  const [lon2, lat2] = [b[0]! * rad, b[1]! * rad];
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface DupKey {
  name: string;
  address: string;
  point: [number, number] | null;
}

export function isDuplicate(a: DupKey, b: DupKey): boolean {
  if (a.name === '' || a.name !== b.name) return false;
  if (a.address !== '' && a.address === b.address) return true;
  return a.point !== null && b.point !== null && distanceM(a.point, b.point) <= DUPLICATE_DISTANCE_M;
}
