/** Where mails go: SMTP through nodemailer in production, the same in tests (a real SMTP server on loopback). */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
  /** Derived from the mail's idempotency key: a resend after a crash carries the same Message-ID. */
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** `<hash-of-key@domain-of-sender>`: stable per mail, and says nothing about its content. */
export function messageIdFor(key: string, from: string): string {
  const domain = from.split('@')[1]?.replace(/[>\s]/g, '') || 'schouwkaart.invalid';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

/** SMTP_URL such as smtp://user:pass@host:587 or smtps://host:465. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: [...mail.to],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close: () => transporter.close(),
  };
}
