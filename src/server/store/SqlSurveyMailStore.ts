/**
 * Survey links by e-mail (migration 092): the shops' business addresses (coordinator only, never
 * synced) and the survey mails in the shared outbox (MailStore.ts).
 */
import type { LinkStatus } from '../../domain/survey/link';
import type { SqlExecutor, SqlQueryable } from './executor';
import type { MailKind, MailStatus, NewMail } from './MailStore';
import { queueMails } from './SqlMailStore';

export interface ShopContact {
  shopId: string;
  email: string;
  updatedAt: string;
}

/** One survey mail of a link, as the links table shows it. */
export interface LinkMail {
  linkId: string;
  kind: Extract<MailKind, 'survey_invite' | 'survey_reminder'>;
  status: MailStatus;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** What the worker needs to send a survey mail: where it goes, and whether it is still wanted. */
export interface LinkAddressee {
  municipality: string;
  shopId: string;
  linkStatus: LinkStatus;
  shopOpen: boolean;
  email: string | null;
}

export interface LinkMailToQueue {
  linkId: string;
  /** The token hash the mailed link carries: it replaces the link's token when the mail is queued. */
  tokenHash: string;
  mail: NewMail;
}

/** Deletes the addresses of the municipality's shops that are closed or gone from the register. */
export async function pruneShopContacts(tx: SqlQueryable, municipality: string): Promise<number> {
  const rows = await tx.query(
    `DELETE FROM shop_contacts c WHERE c.municipality = $1 AND NOT EXISTS (
       SELECT 1 FROM sync_records r WHERE r.kind = 'shops' AND r.id = c.shop_id AND r.municipality = c.municipality
          AND r.data->'open' = 'true'::jsonb) RETURNING shop_id`,
    [municipality],
  );
  return rows.length;
}

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();

export class SqlSurveyMailStore {
  constructor(private readonly db: SqlExecutor) {}

  /** Retention: the address of a shop that is closed or no longer in the register is deleted. */
  prune(municipality: string): Promise<number> {
    return pruneShopContacts(this.db, municipality);
  }

  async listContacts(municipality: string): Promise<ShopContact[]> {
    await this.prune(municipality);
    const rows = await this.db.query<{ shop_id: string; email: string; updated_at: unknown }>(
      'SELECT shop_id, email, updated_at FROM shop_contacts WHERE municipality = $1 ORDER BY shop_id',
      [municipality],
    );
    return rows.map((r) => ({ shopId: r.shop_id, email: r.email, updatedAt: iso(r.updated_at) }));
  }

  /** Sets (email) or removes (null) the addresses, all in one transaction. */
  async setContacts(municipality: string, contacts: readonly { shopId: string; email: string | null }[], by: string, now: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const c of contacts) {
        if (c.email === null) await tx.query('DELETE FROM shop_contacts WHERE municipality = $1 AND shop_id = $2', [municipality, c.shopId]);
        else
          await tx.query(
            `INSERT INTO shop_contacts (municipality, shop_id, email, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5::timestamptz)
             ON CONFLICT (municipality, shop_id) DO UPDATE SET email = excluded.email, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
            [municipality, c.shopId, c.email, by, now.toISOString()],
          );
      }
    });
  }

  async removeContact(municipality: string, shopId: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM shop_contacts WHERE municipality = $1 AND shop_id = $2 RETURNING shop_id', [municipality, shopId]);
    return rows.length > 0;
  }

  /**
   * Queues the mails of open links, each in one step with its link (locked): the mail is added (its
   * key once only) and the link takes the mailed token. A link that is no longer open, or whose mail
   * key exists already, is left as it was. Returns the link ids mailed.
   */
  async queueLinkMails(municipality: string, year: number, items: readonly LinkMailToQueue[], now: Date): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const queued: string[] = [];
      for (const item of items) {
        const [link] = await tx.query<{ status: string }>('SELECT status FROM survey_links WHERE id = $1 AND municipality = $2 AND year = $3 FOR UPDATE', [
          item.linkId,
          municipality,
          year,
        ]);
        if (link?.status !== 'open') continue;
        const added = await queueMails(tx, [item.mail]);
        if (added.length === 0) continue;
        await tx.query('UPDATE survey_links SET token_hash = $2, issued_at = $3::timestamptz WHERE id = $1', [item.linkId, item.tokenHash, now.toISOString()]);
        queued.push(item.linkId);
      }
      return queued;
    });
  }

  /** Every survey mail of the year's links, oldest first. */
  async linkMails(municipality: string, year: number): Promise<LinkMail[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT o.survey_link_id, o.kind, o.status, o.created_at, o.sent_at, o.last_error FROM mail_outbox o
         JOIN survey_links l ON l.id = o.survey_link_id
        WHERE l.municipality = $1 AND l.year = $2 ORDER BY o.created_at, o.key`,
      [municipality, year],
    );
    return rows.map((r) => ({
      linkId: r.survey_link_id as string,
      kind: r.kind as LinkMail['kind'],
      status: r.status as MailStatus,
      createdAt: iso(r.created_at),
      sentAt: r.sent_at ? iso(r.sent_at) : null,
      lastError: (r.last_error as string | null) ?? null,
    }));
  }

  async addressee(linkId: string): Promise<LinkAddressee | null> {
    const [row] = await this.db.query<Record<string, unknown>>(
      `SELECT l.municipality, l.shop_id, l.status, (r.data->'open' = 'true'::jsonb) AS shop_open, c.email
         FROM survey_links l
         LEFT JOIN sync_records r ON r.kind = 'shops' AND r.id = l.shop_id AND r.municipality = l.municipality
         LEFT JOIN shop_contacts c ON c.municipality = l.municipality AND c.shop_id = l.shop_id
        WHERE l.id = $1`,
      [linkId],
    );
    if (!row) return null;
    return {
      municipality: row.municipality as string,
      shopId: row.shop_id as string,
      linkStatus: row.status as LinkStatus,
      shopOpen: row.shop_open === true,
      email: (row.email as string | null) ?? null,
    };
  }
}
