import { closedStatuses, type Finding } from './finding';

export const TIME_ZONE = 'Europe/Amsterdam';

// One formatter for the process: building an Intl.DateTimeFormat is costly, and isOverdue runs for
// every finding on the map.
const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day ('YYYY-MM-DD') it is in Deventer at `instant`, whatever the device's own zone.
 * Built from parts rather than from the formatted string, whose layout differs between engines.
 */
export function amsterdamDate(instant: Date): string {
  // isOverdue asks for the same `now` once per finding (10,000 on a big map): remember the last answer.
  const ms = instant.getTime();
  if (ms === lastDay.ms) return lastDay.day;
  const parts = amsterdamDay.formatToParts(instant);
  const get = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  lastDay = { ms, day };
  return day;
}
let lastDay = { ms: NaN, day: '' };

const amsterdamClock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Wall-clock time in Deventer at `instant`, 'YYYY-MM-DD HH:mm' (summer and winter time as on screen):
 * what exports write, so a spreadsheet shows the time people saw, not UTC.
 */
export function amsterdamDateTime(instant: Date): string {
  const parts = amsterdamClock.formatToParts(instant);
  const get = (type: 'hour' | 'minute') => parts.find((p) => p.type === type)?.value ?? '';
  return `${amsterdamDate(instant)} ${get('hour')}:${get('minute')}`;
}

/**
 * Overdue is computed, never stored, so it cannot go stale. The due date itself is still on time;
 * the finding is overdue from the next Amsterdam day. Removed findings are nobody's work any more.
 */
export function isOverdue(
  finding: Pick<Finding, 'dueDate' | 'status' | 'removed'>,
  now: Date,
): boolean {
  if (finding.dueDate === null || finding.removed) return false;
  if (closedStatuses.includes(finding.status)) return false;
  // 'YYYY-MM-DD' strings order like the days they name.
  return finding.dueDate < amsterdamDate(now);
}
