import type { Finding } from '../../domain/finding';

export type MailKind = 'assignment' | 'reminder' | 'digest' | 'survey_invite' | 'survey_reminder';
export const surveyMailKinds: readonly MailKind[] = ['survey_invite', 'survey_reminder'];
export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** One finding of a mail to queue; `marker` makes a reminder once per finding and due date. */
export interface MailItem {
  findingId: string;
  marker?: string;
}

/** A mail to queue. The same key twice is one mail (ON CONFLICT DO NOTHING); its items are added. */
export interface NewMail {
  key: string;
  municipality: string;
  /** The owner organisation it goes to; null for a survey mail (it goes to a shop, by `surveyLinkId`). */
  organisationId: string | null;
  surveyLinkId?: string;
  /** A survey mail's content (SurveyMailPayload), emptied once sent or given up. */
  payload?: unknown;
  kind: MailKind;
  batch?: string;
  items: MailItem[];
  createdAt: Date;
  /** Not sent before this instant. */
  notBefore: Date;
}

export interface MailRow {
  key: string;
  municipality: string;
  organisationId: string | null;
  surveyLinkId: string | null;
  payload: unknown;
  kind: MailKind;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  leaseUntil: string | null;
  lastError: string | null;
  recipients: string[];
  subject: string | null;
  createdAt: string;
  sentAt: string | null;
  findingIds: string[];
}

/**
 * The transactional mail outbox (migration 026). Times come from the caller's clock, never from the
 * database's `now()`, so tests drive back-off and leases with an injected clock.
 */
export interface MailStore {
  queue(mails: readonly NewMail[]): Promise<void>;
  /** An assignment batch is complete: its mails may go out from `now`. */
  releaseBatch(batch: string, now: Date): Promise<void>;
  /** Markers (finding id @ due date) of findings already reminded, among `markers`. */
  remindedMarkers(markers: readonly string[]): Promise<Set<string>>;
  /** Open, owned findings of every municipality, for the reminder and digest schedule. */
  ownedOpenFindings(): Promise<Finding[]>;
  /** Takes (or renews) the named worker lease; false when another holder's lease is still running. */
  acquireLease(name: string, holder: string, now: Date, ms: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  /**
   * Claims the oldest mail that is due (queued and past its back-off, or sending with an expired
   * lease): status 'sending', attempts + 1, leased until now + leaseMs. Null when nothing is due.
   */
  claimNext(now: Date, leaseMs: number): Promise<MailRow | null>;
  /** Sent: also empties the payload (a survey link's token is not kept once mailed). */
  markSent(key: string, now: Date, recipients: readonly string[], subject: string): Promise<void>;
  /** Back to 'queued' until `retryAt`, or 'failed' when `retryAt` is null (the payload is emptied then). `countAttempt` false undoes the claim's +1. */
  markFailed(key: string, error: string, retryAt: Date | null, countAttempt?: boolean): Promise<void>;
  /** The findings (records as stored) a mail is about, in the order queued. */
  findings(key: string): Promise<Finding[]>;
  list(municipality: string, limit: number): Promise<{ mails: MailRow[]; counts: Record<MailStatus, number> }>;
}
