/**
 * Retention (issue 12): what is kept how long, and what an expired record looks like afterwards. Pure:
 * the server's job reads the records, asks these functions and writes what they return.
 *
 * What goes: free text (descriptions, fix notes, reasons, comments, walk notes, evaluations, worries) and photos.
 * What stays: everything the counts and scores need: category (so theme), status, dates, area, point,
 * owner, severity, who (as an id) and the history's kinds and times.
 */
import { z } from 'zod';
import type { Finding, FindingEvent, FindingStatus } from './finding';
import type { Worry } from './worry';

/** The text that replaces removed free text, on every screen and in every export. */
export const RETENTION_MARKER = '[verwijderd na bewaartermijn]';

export const retentionPolicySchema = z.strictObject({
  /** Years after closing (verified, wont_fix, duplicate) that a finding keeps its text and photos; walk notes likewise after the walk. */
  closedFindingYears: z.number().int().min(1).max(30),
  /** Years after the certification year that certification details (evaluations) are kept: the certificate period. */
  certificationYears: z.number().int().min(1).max(30),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const defaultRetentionPolicy: RetentionPolicy = { closedFindingYears: 3, certificationYears: 3 };

/** Closed for good: a fixed finding still waits for verification, so its text is still needed. */
export const retainedUntilClosed: readonly FindingStatus[] = ['verified', 'wont_fix', 'duplicate'];

/** The instant `years` calendar years before `now`: what closed before it has expired. */
export function retentionCutoff(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/** When the finding was closed: the last event that set a closing status, else its last change. */
export function closedAt(finding: Pick<Finding, 'updatedAt'>, events: readonly Pick<FindingEvent, 'kind' | 'at' | 'after'>[]): string {
  const closing = events
    .filter((e) => e.kind === 'marked_duplicate' || (e.kind === 'status_changed' && retainedUntilClosed.includes(e.after as FindingStatus)))
    .map((e) => e.at)
    .sort();
  return closing[closing.length - 1] ?? finding.updatedAt;
}

const text = (v: string | null): string | null => (v === null || v === '' ? v : RETENTION_MARKER);

/**
 * The finding without its free text and photos. A verified finding needs a note or a photo (DOMAIN
 * rule), so a photo-only fix gets the marker as its note. Returns null when nothing is left to remove.
 */
export function anonymiseFinding(f: Finding): Finding | null {
  const photos = f.photoHashes.length > 0;
  const next: Finding = {
    ...f,
    description: f.description === '' ? '' : RETENTION_MARKER,
    fixNote: photos && f.status === 'verified' && f.fixNote === null ? RETENTION_MARKER : text(f.fixNote),
    wontFixReason: text(f.wontFixReason),
    photoHashes: [],
  };
  return JSON.stringify(next) === JSON.stringify(f) ? null : next;
}

/** A history event without free text or photo hashes; null when it holds none. */
export function anonymiseEvent(e: FindingEvent): FindingEvent | null {
  const next: FindingEvent = { ...e, note: text(e.note) };
  if (e.kind === 'description_changed') {
    next.before = typeof e.before === 'string' && e.before !== '' ? RETENTION_MARKER : e.before;
    next.after = typeof e.after === 'string' && e.after !== '' ? RETENTION_MARKER : e.after;
  }
  if (e.kind === 'photo_added') {
    next.before = null;
    next.after = null;
  }
  return JSON.stringify(next) === JSON.stringify(e) ? null : next;
}

/** The free-text fields of a certification record (whatever its shape), replaced; null when none. */
export function anonymiseCertification(data: Record<string, unknown>): Record<string, unknown> | null {
  const next = { ...data };
  if (typeof data.evaluation === 'string' && data.evaluation !== '' && data.evaluation !== RETENTION_MARKER) next.evaluation = RETENTION_MARKER;
  if (data.evaluations && typeof data.evaluations === 'object') {
    const evaluations = Object.fromEntries(Object.entries(data.evaluations as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' && v !== '' ? RETENTION_MARKER : v]));
    next.evaluations = evaluations;
  }
  return JSON.stringify(next) === JSON.stringify(data) ? null : next;
}

/**
 * A checked worry (confirmed or dismissed) without the shopkeeper's text, the dismiss reason and the
 * photo, once its check is `cutoff` or older; an accepted one is still to be checked on the walk, so it
 * keeps all. Null when there is nothing to remove (or it has not expired).
 */
export function anonymiseWorry(w: Worry, cutoff: Date): Worry | null {
  if (w.status === 'accepted' || w.checkedAt === null || w.checkedAt >= cutoff.toISOString()) return null;
  const next: Worry = { ...w, text: RETENTION_MARKER, photoHash: null, dismissReason: w.dismissReason === null ? null : RETENTION_MARKER };
  return JSON.stringify(next) === JSON.stringify(w) ? null : next;
}
