/**
 * Which findings an owner organisation is told about, and when (README "Mail"): a reminder some days
 * before the due date, and a weekly digest of what is open and overdue. Pure: the server's mail
 * scheduler feeds it the findings and the clock and queues what it returns.
 */
import { closedStatuses, type Finding } from './finding';
import { amsterdamDate } from './overdue';

export type MailFinding = Pick<Finding, 'id' | 'municipality' | 'owner' | 'dueDate' | 'status' | 'removed'>;

/** Someone is expected to act: owner known, not closed, not removed. */
function actionable(f: MailFinding): f is MailFinding & { owner: string } {
  return f.owner !== null && !f.removed && !closedStatuses.includes(f.status);
}

/** Whole days from `from` to `to` ('YYYY-MM-DD'), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The marker that a finding was reminded for one due date; a new due date earns a new reminder. */
export const reminderMarker = (f: Pick<Finding, 'id' | 'dueDate'>): string => `${f.id}@${f.dueDate ?? ''}`;

/**
 * Findings to remind today, per organisation: due within `days` days from today (today included, the
 * due day too) and not reminded for this due date yet. Overdue findings are left to the digest.
 */
export function selectReminders(
  findings: readonly MailFinding[],
  reminded: ReadonlySet<string>,
  now: Date,
  days: number,
): Map<string, MailFinding[]> {
  const today = amsterdamDate(now);
  const out = new Map<string, MailFinding[]>();
  for (const f of findings) {
    if (!actionable(f) || f.dueDate === null) continue;
    const left = daysBetween(today, f.dueDate);
    if (left < 0 || left > days || reminded.has(reminderMarker(f))) continue;
    out.set(f.owner, [...(out.get(f.owner) ?? []), f]);
  }
  return out;
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** ISO week of a day, '2026-W09': a digest is sent once per week and organisation. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  // The Thursday of the same ISO week decides the year.
  date.setUTCDate(date.getUTCDate() + 4 - isoWeekday(day));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The week whose digest is due at `now`, or null: from the digest weekday (1-7) to the end of that
 * week, so a server that was down on the day still sends it later that week (once: keyed by week).
 */
export function digestWeekDue(now: Date, digestDay: number): string | null {
  const today = amsterdamDate(now);
  return isoWeekday(today) >= digestDay ? isoWeek(today) : null;
}

export interface DigestContent {
  open: MailFinding[];
  overdue: MailFinding[];
}

/** Per organisation, its open findings and, of those, the overdue ones; organisations with none are left out. */
export function selectDigest(findings: readonly MailFinding[], now: Date): Map<string, DigestContent> {
  const today = amsterdamDate(now);
  const out = new Map<string, DigestContent>();
  for (const f of findings) {
    if (!actionable(f)) continue;
    const entry = out.get(f.owner) ?? { open: [], overdue: [] };
    if (f.dueDate !== null && f.dueDate < today) entry.overdue.push(f);
    else entry.open.push(f);
    out.set(f.owner, entry);
  }
  return out;
}

/** Retry delay after the n-th failed attempt (1-based): 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60, 2 ** Math.max(0, attempt - 1)) * 60_000;
}

/** After this many failed attempts a mail is marked failed and shown to the coordinator. */
export const MAX_MAIL_ATTEMPTS = 10;
