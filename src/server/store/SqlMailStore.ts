import { closedStatuses, type Finding } from '../../domain/finding';
import type { SqlExecutor, SqlQueryable } from './executor';
import type { MailRow, MailStatus, MailStore, NewMail } from './MailStore';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

const COLUMNS = `key, municipality, organisation_id, survey_link_id, payload, kind, status, attempts, next_attempt_at, lease_until, last_error,
  recipients, subject, created_at, sent_at,
  COALESCE((SELECT jsonb_agg(finding_id ORDER BY finding_id) FROM mail_items i WHERE i.mail_key = mail_outbox.key), '[]'::jsonb) AS finding_ids`;

function toRow(r: Record<string, unknown>): MailRow {
  return {
    key: r.key as string,
    municipality: r.municipality as string,
    organisationId: (r.organisation_id as string | null) ?? null,
    surveyLinkId: (r.survey_link_id as string | null) ?? null,
    payload: r.payload === null || r.payload === undefined ? null : json<unknown>(r.payload),
    kind: r.kind as MailRow['kind'],
    status: r.status as MailStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: iso(r.next_attempt_at),
    leaseUntil: isoOrNull(r.lease_until),
    lastError: (r.last_error as string | null) ?? null,
    recipients: json<string[]>(r.recipients),
    subject: (r.subject as string | null) ?? null,
    createdAt: iso(r.created_at),
    sentAt: isoOrNull(r.sent_at),
    findingIds: json<string[]>(r.finding_ids),
  };
}

/**
 * Writes mails inside the caller's transaction: the push that accepts an assignment calls this with
 * its own `tx`, so the mail exists if and only if the change does.
 */
export async function queueMails(tx: SqlQueryable, mails: readonly NewMail[]): Promise<string[]> {
  const added: string[] = [];
  for (const m of mails) {
    const inserted = await tx.query(
      `INSERT INTO mail_outbox (key, municipality, organisation_id, kind, batch, next_attempt_at, created_at, survey_link_id, payload)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8, $9::jsonb) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [
        m.key,
        m.municipality,
        m.organisationId,
        m.kind,
        m.batch ?? null,
        m.notBefore.toISOString(),
        m.createdAt.toISOString(),
        m.surveyLinkId ?? null,
        m.payload === undefined ? null : JSON.stringify(m.payload),
      ],
    );
    // A scheduled mail (reminder, digest) that exists already is complete: it may have gone out. Only
    // an assignment batch grows, one accepted mutation at a time, while its push holds it back.
    if (inserted.length > 0) added.push(m.key);
    if (inserted.length === 0 && m.batch === undefined) continue;
    for (const item of m.items) {
      // DO NOTHING on any unique key: the same finding twice in a batch, or a reminder marker taken.
      await tx.query(`INSERT INTO mail_items (mail_key, finding_id, marker) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        m.key,
        item.findingId,
        item.marker ?? null,
      ]);
    }
  }
  return added;
}

/** `MailStore` in the SQL that PGlite and PostgreSQL both run. */
export class SqlMailStore implements MailStore {
  constructor(private readonly db: SqlExecutor) {}

  async queue(mails: readonly NewMail[]): Promise<void> {
    await this.db.transaction((tx) => queueMails(tx, mails));
  }

  async releaseBatch(batch: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE mail_outbox SET next_attempt_at = $2::timestamptz WHERE batch = $1 AND status = 'queued' AND attempts = 0`, [
      batch,
      now.toISOString(),
    ]);
  }

  async remindedMarkers(markers: readonly string[]): Promise<Set<string>> {
    if (markers.length === 0) return new Set();
    const rows = await this.db.query<{ marker: string }>(
      'SELECT marker FROM mail_items WHERE marker IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [JSON.stringify(markers)],
    );
    return new Set(rows.map((r) => r.marker));
  }

  async ownedOpenFindings(): Promise<Finding[]> {
    const rows = await this.db.query<{ data: unknown }>(
      `SELECT data FROM sync_records
        WHERE kind = 'findings' AND data->>'owner' IS NOT NULL
          AND data->'removed' IS DISTINCT FROM 'true'::jsonb
          AND NOT (data->>'status' IN (SELECT jsonb_array_elements_text($1::jsonb)))`,
      [JSON.stringify(closedStatuses)],
    );
    return rows.map((r) => json<Finding>(r.data));
  }

  async acquireLease(name: string, holder: string, now: Date, ms: number): Promise<boolean> {
    // One statement: insert, or take over an expired lease, or renew our own; otherwise no row.
    const rows = await this.db.query(
      `INSERT INTO worker_leases (name, holder, lease_until) VALUES ($1, $2, $4::timestamptz)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
         WHERE worker_leases.holder = excluded.holder OR worker_leases.lease_until < $3::timestamptz
       RETURNING holder`,
      [name, holder, now.toISOString(), new Date(now.getTime() + ms).toISOString()],
    );
    return rows.length > 0;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.db.query('DELETE FROM worker_leases WHERE name = $1 AND holder = $2', [name, holder]);
  }

  async claimNext(now: Date, leaseMs: number): Promise<MailRow | null> {
    const at = now.toISOString();
    const rows = await this.db.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, lease_until = $2::timestamptz
        WHERE key = (
          SELECT key FROM mail_outbox
           WHERE (status = 'queued' AND next_attempt_at <= $1::timestamptz)
              OR (status = 'sending' AND lease_until < $1::timestamptz)
           ORDER BY created_at, key LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [at, new Date(now.getTime() + leaseMs).toISOString()],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async markSent(key: string, now: Date, recipients: readonly string[], subject: string): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = $2::timestamptz, lease_until = NULL, last_error = NULL,
         recipients = $3::jsonb, subject = $4, payload = NULL WHERE key = $1`,
      [key, now.toISOString(), JSON.stringify(recipients), subject],
    );
  }

  async markFailed(key: string, error: string, retryAt: Date | null, countAttempt = true): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET status = $3, last_error = $2, lease_until = NULL,
         next_attempt_at = COALESCE($4::timestamptz, next_attempt_at),
         attempts = attempts - $5,
         payload = CASE WHEN $3 = 'failed' THEN NULL ELSE payload END
       WHERE key = $1`,
      [key, error.slice(0, 500), retryAt === null ? 'failed' : 'queued', retryAt?.toISOString() ?? null, countAttempt ? 0 : 1],
    );
  }

  async findings(key: string): Promise<Finding[]> {
    const rows = await this.db.query<{ data: unknown }>(
      `SELECT r.data FROM mail_items i JOIN sync_records r ON r.kind = 'findings' AND r.id = i.finding_id
        WHERE i.mail_key = $1 ORDER BY r.data->>'dueDate' NULLS LAST, r.data->>'createdAt', r.id`,
      [key],
    );
    return rows.map((r) => json<Finding>(r.data));
  }

  async list(municipality: string, limit: number): Promise<{ mails: MailRow[]; counts: Record<MailStatus, number> }> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM mail_outbox WHERE municipality = $1 ORDER BY created_at DESC, key LIMIT $2`, [
      municipality,
      limit,
    ]);
    const counted = await this.db.query<{ status: MailStatus; n: number }>(
      'SELECT status, count(*)::int AS n FROM mail_outbox WHERE municipality = $1 GROUP BY status',
      [municipality],
    );
    const counts: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
    for (const c of counted) counts[c.status] = Number(c.n);
    return { mails: rows.map(toRow), counts };
  }
}
