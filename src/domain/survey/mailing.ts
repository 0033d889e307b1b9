/**
 * Survey links by e-mail (issue 16): a shop's business contact address, and who gets a mail and who a
 * letter when the coordinator sends the links or a reminder. Pure: the server and the tests decide with
 * the same functions.
 */
import { contactEmailSchema } from '../ownerOrganisation';
import type { LinkStatus } from './link';

export type ShopEmailResult = { ok: true; email: string } | { ok: false; reason: 'invalid_email' | 'email_too_long' | 'email_missing' };

/** A business address (info@winkel.nl): trimmed, lower case, at most 254 characters. */
export function validateShopEmail(value: unknown): ShopEmailResult {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'email_missing' };
  if (value.trim().length > 254) return { ok: false, reason: 'email_too_long' };
  const parsed = contactEmailSchema.safeParse(value);
  return parsed.success ? { ok: true, email: parsed.data } : { ok: false, reason: 'invalid_email' };
}

export interface MailingShop {
  id: string;
  open: boolean;
}

export interface MailingLink {
  id: string;
  shopId: string;
  status: LinkStatus;
  /** An invitation mail was queued for this link already (whatever became of it). */
  invited: boolean;
}

export interface MailingPlan {
  /** Open shops without a link this year: a link is made for each (mailed or in a letter below). */
  newLinkMail: string[];
  newLinkLetter: string[];
  /** Existing open links that get a mail now (each with a new token: an earlier letter's link stops working). */
  mailLinks: string[];
  /** Existing open links of shops without an address that get a reminder letter (new token). */
  letterLinks: string[];
}

/**
 * Who gets what. `invite` (send the links): every open shop without a link gets one, by mail where it
 * has an address, else by letter; an open link whose shop has an address and was never mailed is mailed
 * (an address entered after the letters went out). A link mailed once is never mailed again by
 * `invite`: sending twice mails nobody twice. `reminder`: every open link of an open shop (not answered,
 * not revoked) is reminded, by mail where the shop has an address, else in the letter list.
 */
export function planSurveyMailing(mode: 'invite' | 'reminder', shops: readonly MailingShop[], links: readonly MailingLink[], hasAddress: (shopId: string) => boolean): MailingPlan {
  const plan: MailingPlan = { newLinkMail: [], newLinkLetter: [], mailLinks: [], letterLinks: [] };
  const openShops = new Set(shops.filter((s) => s.open).map((s) => s.id));
  const linked = new Set(links.filter((l) => l.status !== 'revoked').map((l) => l.shopId));
  if (mode === 'invite') {
    for (const s of shops) {
      if (!s.open || linked.has(s.id)) continue;
      (hasAddress(s.id) ? plan.newLinkMail : plan.newLinkLetter).push(s.id);
    }
  }
  for (const l of links) {
    if (l.status !== 'open' || !openShops.has(l.shopId)) continue;
    if (mode === 'invite') {
      if (!l.invited && hasAddress(l.shopId)) plan.mailLinks.push(l.id);
    } else (hasAddress(l.shopId) ? plan.mailLinks : plan.letterLinks).push(l.id);
  }
  return plan;
}

/** The outbox key of a link's mail: one invitation per link; one reminder per link and day (a double click is one mail). */
export function surveyMailKey(kind: 'survey_invite' | 'survey_reminder', linkId: string, day: string): string {
  return kind === 'survey_invite' ? `survey-invite:${linkId}` : `survey-reminder:${linkId}:${day}`;
}

/** What a survey mail needs besides the address (kept in the outbox until it is sent). */
export interface SurveyMailPayload {
  url: string;
  shopName: string;
  municipalityName: string;
  year: number;
  /** 'YYYY-MM-DD', when the coordinator gave one. */
  closesOn: string | null;
}

/** A closing date of the form 'YYYY-MM-DD' that exists, or null for none; undefined when bad. */
export function parseClosesOn(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d ? value : undefined;
}
