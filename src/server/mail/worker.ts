/**
 * The mail worker: takes the one sender lease (several server processes on one database send through
 * one of them at a time), queues due reminders and digests, and sends queued mails with retries and
 * exponential back-off.
 *
 * Delivery: each mail is claimed ('sending', with a lease) before it is handed to SMTP and marked
 * 'sent' right after. A process killed before the claim or between claim and SMTP leaves the mail to
 * be sent once, by whoever runs next (after the claim's lease expired). A process killed after SMTP
 * accepted the mail but before it was marked sent makes the one at-least-once case: the mail is sent
 * again after its lease expires, with the same Message-ID (derived from the idempotency key), so a
 * receiving system can drop the copy.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { closedStatuses } from '../../domain/finding';
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from '../../domain/mailSchedule';
import { amsterdamDate } from '../../domain/overdue';
import type { Store } from '../store/Store';
import type { MailRow } from '../store/MailStore';
import type { SurveyMailPayload } from '../../domain/survey/mailing';
import { renderMail } from './render';
import { renderSurveyMail } from './surveyMail';
import { scheduleMails, type ScheduleOptions } from './schedule';
import { messageIdFor, type MailTransport } from './transport';

export interface MailWorkerOptions extends ScheduleOptions {
  store: Pick<Store, 'mail' | 'owners' | 'listAreas' | 'surveyMail'>;
  /** Null when SMTP is not configured: mails are queued and shown, never sent. */
  transport: MailTransport | null;
  from: string;
  baseUrl: string;
  municipalityName: (id: string) => string;
  clock?: () => Date;
  /** How long a claimed mail stays claimed (default 2 minutes). */
  sendLeaseMs?: number;
  /** How long the sender lease lasts without renewal (default 60 s; renewed every tick). */
  workerLeaseMs?: number;
  log?: (message: string) => void;
}

export const WORKER_LEASE = 'mail-sender';
// A mail without addresses waits for the coordinator to add one; checked again every hour.
const NO_RECIPIENTS_RETRY_MS = 3600_000;

export interface TickResult {
  leader: boolean;
  queued: number;
  sent: number;
  failed: number;
}

export class MailWorker {
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<TickResult> | null = null;
  private readonly clock: () => Date;

  constructor(private readonly o: MailWorkerOptions) {
    this.clock = o.clock ?? (() => new Date());
  }

  /** One round; never two at once in this process. */
  tick(): Promise<TickResult> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<TickResult> {
    const { store } = this.o;
    const result: TickResult = { leader: false, queued: 0, sent: 0, failed: 0 };
    if (!(await store.mail.acquireLease(WORKER_LEASE, this.holder, this.clock(), this.o.workerLeaseMs ?? 60_000))) return result;
    result.leader = true;
    result.queued = await scheduleMails(store.mail, this.clock(), this.o);
    if (!this.o.transport) return result;
    // At most 100 a round, so the sender lease (renewed per round) never runs out mid-way.
    for (let i = 0; i < 100; i++) {
      const mail = await store.mail.claimNext(this.clock(), this.o.sendLeaseMs ?? 120_000);
      if (!mail) break;
      const outcome = await this.send(mail, this.o.transport);
      if (outcome === 'sent') result.sent++;
      else if (outcome === 'failed') result.failed++;
    }
    return result;
  }

  private async send(mail: MailRow, transport: MailTransport): Promise<'sent' | 'failed' | 'waiting'> {
    const { store } = this.o;
    if (mail.organisationId === null) return this.sendSurvey(mail, transport);
    const organisation = await store.owners.get(mail.municipality, mail.organisationId);
    if (!organisation || organisation.emails.length === 0) {
      await store.mail.markFailed(mail.key, 'no_recipients', new Date(this.clock().getTime() + NO_RECIPIENTS_RETRY_MS), false);
      return 'waiting';
    }
    let findings = await store.mail.findings(mail.key);
    // A reminder or digest about work that was closed meanwhile says nothing; an assignment stays as it was.
    if (mail.kind !== 'assignment') findings = findings.filter((f) => !f.removed && !closedStatuses.includes(f.status));
    if (findings.length === 0) {
      await store.mail.markSent(mail.key, this.clock(), [], '(niets meer te melden)');
      return 'sent';
    }
    const areas = new Map((await store.listAreas(mail.municipality)).map((a) => [a.id, a.name]));
    const rendered = renderMail({
      kind: mail.kind,
      organisationName: organisation.name,
      municipalityName: this.o.municipalityName(mail.municipality),
      baseUrl: this.o.baseUrl,
      areaName: (id) => (id === null ? 'buiten de winkelgebieden' : (areas.get(id) ?? id)),
      findings,
      today: amsterdamDate(this.clock()),
    });
    try {
      await transport.send({ from: this.o.from, to: organisation.emails, ...rendered, messageId: messageIdFor(mail.key, this.o.from) });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = mail.attempts >= MAX_MAIL_ATTEMPTS;
      await store.mail.markFailed(mail.key, message, last ? null : new Date(this.clock().getTime() + retryDelayMs(mail.attempts)));
      this.o.log?.(`mail ${mail.key}: attempt ${mail.attempts} failed (${message})${last ? '; giving up' : ''}`);
      return last ? 'failed' : 'waiting';
    }
    await store.mail.markSent(mail.key, this.clock(), organisation.emails, rendered.subject);
    return 'sent';
  }

  /**
   * A survey link to a shop: to the shop's address as it is now (removed meanwhile: not sent). A link
   * answered or revoked meanwhile, or a shop closed, needs no mail: marked sent without recipients.
   */
  private async sendSurvey(mail: MailRow, transport: MailTransport): Promise<'sent' | 'failed' | 'waiting'> {
    const { store } = this.o;
    const to = mail.surveyLinkId ? await store.surveyMail.addressee(mail.surveyLinkId) : null;
    const payload = mail.payload as SurveyMailPayload | null;
    if (!to || !payload || to.linkStatus !== 'open' || !to.shopOpen) {
      await store.mail.markSent(mail.key, this.clock(), [], '(niet meer nodig)');
      return 'sent';
    }
    if (to.email === null) {
      await store.mail.markFailed(mail.key, 'no_address', null);
      return 'failed';
    }
    const rendered = renderSurveyMail(payload, mail.kind === 'survey_reminder');
    try {
      await transport.send({ from: this.o.from, to: [to.email], ...rendered, messageId: messageIdFor(mail.key, this.o.from) });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = mail.attempts >= MAX_MAIL_ATTEMPTS;
      await store.mail.markFailed(mail.key, message, last ? null : new Date(this.clock().getTime() + retryDelayMs(mail.attempts)));
      this.o.log?.(`mail ${mail.key}: attempt ${mail.attempts} failed (${message})${last ? '; giving up' : ''}`);
      return last ? 'failed' : 'waiting';
    }
    await store.mail.markSent(mail.key, this.clock(), [to.email], rendered.subject);
    return 'sent';
  }

  start(intervalMs: number): void {
    const run = () =>
      void this.tick().catch((err: unknown) => this.o.log?.(`mail worker: ${err instanceof Error ? err.message : String(err)}`));
    this.timer = setInterval(run, intervalMs);
    run();
  }

  /** Stops the timer, waits for the round in progress, and hands the sender lease on. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.o.store.mail.releaseLease(WORKER_LEASE, this.holder).catch(() => undefined);
    this.o.transport?.close();
  }
}
