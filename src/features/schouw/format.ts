/**
 * A walk's local wall-clock time ('YYYY-MM-DDTHH:mm', already Amsterdam time) the Dutch way,
 * '25-11-2026 19:30'. Rearranged as text: going through Date would apply the device's time zone.
 */
export function formatWalkTime(startsAt: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(startsAt);
  return m ? `${m[3]}-${m[2]}-${m[1]} ${m[4]}` : startsAt;
}
