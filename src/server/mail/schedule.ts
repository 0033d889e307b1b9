/**
 * Queues the reminders and weekly digests that are due (src/domain/mailSchedule.ts decides which).
 * Safe to run on every tick: keys make each reminder (per organisation and day, with a marker per
 * finding and due date) and each digest (per organisation and ISO week) exist once.
 */
import type { Finding } from '../../domain/finding';
import { digestWeekDue, reminderMarker, selectDigest, selectReminders } from '../../domain/mailSchedule';
import { amsterdamDate } from '../../domain/overdue';
import type { MailStore, NewMail } from '../store/MailStore';

export interface ScheduleOptions {
  reminderDays: number;
  /** ISO weekday of the digest, 1 Monday … 7 Sunday. */
  digestDay: number;
}

function byMunicipality(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) out.set(f.municipality, [...(out.get(f.municipality) ?? []), f]);
  return out;
}

export async function scheduleMails(mail: MailStore, now: Date, options: ScheduleOptions): Promise<number> {
  const findings = await mail.ownedOpenFindings();
  const today = amsterdamDate(now);
  const reminded = await mail.remindedMarkers(findings.filter((f) => f.dueDate !== null).map(reminderMarker));
  const week = digestWeekDue(now, options.digestDay);
  const mails: NewMail[] = [];
  for (const [municipality, list] of byMunicipality(findings)) {
    for (const [organisationId, due] of selectReminders(list, reminded, now, options.reminderDays)) {
      mails.push({
        key: `reminder:${municipality}:${organisationId}:${today}`,
        municipality,
        organisationId,
        kind: 'reminder',
        items: due.map((f) => ({ findingId: f.id, marker: reminderMarker(f) })),
        createdAt: now,
        notBefore: now,
      });
    }
    if (week === null) continue;
    for (const [organisationId, digest] of selectDigest(list, now)) {
      mails.push({
        key: `digest:${municipality}:${organisationId}:${week}`,
        municipality,
        organisationId,
        kind: 'digest',
        items: [...digest.overdue, ...digest.open].map((f) => ({ findingId: f.id })),
        createdAt: now,
        notBefore: now,
      });
    }
  }
  if (mails.length > 0) await mail.queue(mails);
  return mails.length;
}
