import { pruneShopContacts } from './SqlSurveyMailStore';
import { findingEventSchema, findingSchema, type FindingEvent } from '../../domain/finding';
import {
  RETENTION_MARKER,
  anonymiseCertification,
  anonymiseEvent,
  anonymiseFinding,
  anonymiseWorry,
  closedAt,
  defaultRetentionPolicy,
  retainedUntilClosed,
  retentionCutoff,
  type RetentionPolicy,
} from '../../domain/retention';
import { worrySchema } from '../../domain/worry';
import type { SqlExecutor, SqlQueryable } from './executor';
import type { RetentionOutcome, RetentionRun, RetentionStore } from './RetentionStore';

// One retention job at a time over every server process on this database (any constant of our own).
const RETENTION_LOCK_KEY = 727_011;
// Who "wrote" an anonymised field (R12/R13): not a device, so a later edit by a person never conflicts with it.
const WRITER = { c: 'retention', a: 'system' };

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

interface Row {
  [key: string]: unknown;
  kind: string;
  id: string;
  data: unknown;
}

export class SqlRetentionStore implements RetentionStore {
  constructor(private readonly db: SqlExecutor) {}

  async getPolicy(municipality: string): Promise<RetentionPolicy> {
    const [row] = await this.db.query<{ f: number; c: number }>(
      'SELECT closed_finding_years AS f, certification_years AS c FROM retention_policies WHERE municipality = $1',
      [municipality],
    );
    return row ? { closedFindingYears: Number(row.f), certificationYears: Number(row.c) } : { ...defaultRetentionPolicy };
  }

  async setPolicy(municipality: string, policy: RetentionPolicy, by: string): Promise<RetentionPolicy> {
    await this.db.query(
      `INSERT INTO retention_policies (municipality, closed_finding_years, certification_years, updated_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality) DO UPDATE SET closed_finding_years = excluded.closed_finding_years,
         certification_years = excluded.certification_years, updated_by = excluded.updated_by, updated_at = now()`,
      [municipality, policy.closedFindingYears, policy.certificationYears, by],
    );
    return this.getPolicy(municipality);
  }

  async listRuns(municipality: string, limit: number): Promise<RetentionRun[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT municipality, ran_at, findings, events, photos, inspections, certifications FROM retention_runs
        WHERE municipality = $1 ORDER BY ran_at DESC, id DESC LIMIT $2`,
      [municipality, limit],
    );
    return rows.map((r) => ({
      municipality: String(r.municipality),
      ranAt: new Date(r.ran_at as string).toISOString(),
      findings: Number(r.findings),
      events: Number(r.events),
      photos: Number(r.photos),
      inspections: Number(r.inspections),
      certifications: Number(r.certifications),
      worries: Number(r.worries ?? 0),
    }));
  }

  async anonymiseExpired(municipality: string, now: Date, options: { minGapMs?: number } = {}): Promise<RetentionOutcome | null> {
    const policy = await this.getPolicy(municipality);
    return this.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [RETENTION_LOCK_KEY]);
      if (!lock?.ok) return null; // another process is running the job right now
      if (options.minGapMs !== undefined) {
        const [last] = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM retention_runs WHERE municipality = $1 AND ran_at > $2::timestamptz',
          [municipality, new Date(now.getTime() - options.minGapMs).toISOString()],
        );
        if ((last?.n ?? 0) > 0) return null; // another process ran it today
      }
      const run: RetentionRun = { municipality, ranAt: now.toISOString(), findings: 0, events: 0, photos: 0, inspections: 0, certifications: 0, worries: 0 };
      const dropped = new Set<string>();
      await anonymiseFindings(tx, municipality, retentionCutoff(now, policy.closedFindingYears), run, dropped);
      await anonymiseWalks(tx, municipality, retentionCutoff(now, policy.closedFindingYears), run);
      await anonymiseCertifications(tx, municipality, now.getUTCFullYear() - policy.certificationYears, run);
      await anonymiseWorries(tx, municipality, retentionCutoff(now, policy.closedFindingYears), run, dropped);
      // The survey's business addresses of shops closed or gone (migration 092) go with them.
      await pruneShopContacts(tx, municipality);
      const removedPhotos = await removeUnreferencedPhotos(tx, [...dropped]);
      run.photos = removedPhotos.length;
      await tx.query(
        `INSERT INTO retention_runs (municipality, ran_at, findings, events, photos, inspections, certifications, worries)
         VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8)`,
        [municipality, run.ranAt, run.findings, run.events, run.photos, run.inspections, run.certifications, run.worries],
      );
      return { run, removedPhotos };
    });
  }
}

/** Writes anonymised data with a new revision; the changed fields get it too, written by "retention". */
async function rewrite(tx: SqlQueryable, kind: string, id: string, before: Record<string, unknown>, data: Record<string, unknown>): Promise<void> {
  const changed = Object.keys(data).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(data[k]));
  await tx.query(
    `UPDATE sync_records SET data = $3::jsonb, revision = r.rev,
       field_revisions = field_revisions || (SELECT coalesce(jsonb_object_agg(f, r.rev), '{}'::jsonb) FROM jsonb_array_elements_text($4::jsonb) f),
       field_clients = field_clients || (SELECT coalesce(jsonb_object_agg(f, $5::jsonb), '{}'::jsonb) FROM jsonb_array_elements_text($4::jsonb) f),
       -- A conflict keeps the lost value: the text it holds goes as well.
       conflicts = (SELECT coalesce(jsonb_agg(c), '[]'::jsonb) FROM jsonb_array_elements(conflicts) c WHERE NOT (c->>'field' IN (SELECT jsonb_array_elements_text($4::jsonb)))),
       updated_at = now()
       FROM (SELECT next_revision() AS rev) r
      WHERE kind = $1 AND id = $2`,
    [kind, id, JSON.stringify(data), JSON.stringify(changed), JSON.stringify(WRITER)],
  );
}

async function anonymiseFindings(tx: SqlQueryable, municipality: string, cutoff: Date, run: RetentionRun, dropped: Set<string>): Promise<void> {
  const rows = await tx.query<Row>(
    `SELECT kind, id, data FROM sync_records
      WHERE kind = 'findings' AND municipality = $1 AND data->>'status' IN (SELECT jsonb_array_elements_text($2::jsonb))
      FOR UPDATE`,
    [municipality, JSON.stringify(retainedUntilClosed)],
  );
  for (const row of rows) {
    const parsed = findingSchema.safeParse(json(row.data));
    if (!parsed.success) continue; // a record the domain cannot read is left alone, not guessed at
    const eventRows = await tx.query<{ id: string; data: unknown }>(`SELECT id, data FROM sync_events WHERE kind = 'findings' AND record_id = $1`, [row.id]);
    const events = eventRows.map((e) => ({ id: e.id, event: findingEventSchema.safeParse(json(e.data)) }));
    const readable = events.flatMap((e) => (e.event.success ? [e.event.data] : []));
    if (closedAt(parsed.data, readable) >= cutoff.toISOString()) continue;
    // Events first: their new revisions stay below the record's (R9).
    for (const e of events) {
      const next = e.event.success ? anonymiseEvent(e.event.data) : null;
      if (!next) continue;
      await tx.query('UPDATE sync_events SET data = $2::jsonb, revision = next_revision() WHERE id = $1', [e.id, JSON.stringify(next satisfies FindingEvent)]);
      if (e.event.success && e.event.data.kind === 'photo_added' && typeof e.event.data.after === 'string') dropped.add(e.event.data.after);
      run.events++;
    }
    const next = anonymiseFinding(parsed.data);
    if (next) {
      for (const h of parsed.data.photoHashes) dropped.add(h);
      await rewrite(tx, 'findings', row.id, json(row.data), next as unknown as Record<string, unknown>);
      run.findings++;
    }
  }
}

async function anonymiseWalks(tx: SqlQueryable, municipality: string, cutoff: Date, run: RetentionRun): Promise<void> {
  const rows = await tx.query<Row>(
    `SELECT kind, id, data FROM sync_records
      WHERE kind = 'inspections' AND municipality = $1 AND data->>'status' = 'done' AND data->>'notes' NOT IN ('', $2)
      FOR UPDATE`,
    [municipality, RETENTION_MARKER],
  );
  for (const row of rows) {
    const data = json<Record<string, unknown>>(row.data);
    const walked = String(data.walkEndedAt ?? data.startsAt ?? '');
    if (walked === '' || walked >= cutoff.toISOString().slice(0, walked.length)) continue;
    await rewrite(tx, 'inspections', row.id, data, { ...data, notes: RETENTION_MARKER });
    run.inspections++;
  }
}

async function anonymiseCertifications(tx: SqlQueryable, municipality: string, lastExpiredYear: number, run: RetentionRun): Promise<void> {
  // A record of year Y is kept for the years after Y; it expires once Y + period has passed.
  const rows = await tx.query<Row>(
    `SELECT kind, id, data FROM sync_records
      WHERE kind = 'certifications' AND municipality = $1 AND jsonb_typeof(data->'year') = 'number' AND (data->>'year')::int < $2
      FOR UPDATE`,
    [municipality, lastExpiredYear],
  );
  for (const row of rows) {
    const data = json<Record<string, unknown>>(row.data);
    const next = anonymiseCertification(data);
    if (!next) continue;
    await rewrite(tx, 'certifications', row.id, data, next);
    run.certifications++;
  }
}

/**
 * Worries like findings (issue 16): a checked worry's text, reason and photo go `closedFindingYears` after
 * its check (a confirmed one's photo lives on in its finding until that expires); a submission the server
 * keeps (rejected, or decided and synced) loses its text, photo and client key as long after its decision,
 * a pending one as long after it came in.
 */
async function anonymiseWorries(tx: SqlQueryable, municipality: string, cutoff: Date, run: RetentionRun, dropped: Set<string>): Promise<void> {
  const rows = await tx.query<Row>(`SELECT kind, id, data FROM sync_records WHERE kind = 'worries' AND municipality = $1 AND data->>'status' IN ('confirmed', 'dismissed') FOR UPDATE`, [municipality]);
  for (const row of rows) {
    const parsed = worrySchema.safeParse(json(row.data));
    if (!parsed.success) continue; // not guessed at
    const next = anonymiseWorry(parsed.data, cutoff);
    if (!next) continue;
    if (parsed.data.photoHash) dropped.add(parsed.data.photoHash);
    await rewrite(tx, 'worries', row.id, json(row.data), next as unknown as Record<string, unknown>);
    run.worries++;
  }
  const subs = await tx.query<{ id: string; photo_hash: string | null; synced: boolean }>(
    `UPDATE worry_submissions s SET text = $3, photo_hash = NULL, client_key = ''
      WHERE s.municipality = $1 AND coalesce(s.decided_at, s.submitted_at) < $2::timestamptz AND (s.text <> $3 OR s.photo_hash IS NOT NULL)
        -- An accepted one still waiting to be checked on the walk keeps its text with its record.
        AND NOT EXISTS (SELECT 1 FROM sync_records r WHERE r.kind = 'worries' AND r.id = s.id AND r.data->>'status' = 'accepted')
      RETURNING s.id, (SELECT p.photo_hash FROM worry_submissions p WHERE p.id = s.id) AS photo_hash,
                EXISTS (SELECT 1 FROM sync_records r WHERE r.kind = 'worries' AND r.id = s.id) AS synced`,
    [municipality, cutoff.toISOString(), RETENTION_MARKER],
  );
  for (const s of subs) {
    if (s.photo_hash) dropped.add(s.photo_hash);
    if (!s.synced) run.worries++; // a synced one was counted with its record
  }
}

/** Photos among `hashes` that no finding or worry lists any more (in any municipality): their rows go now. */
async function removeUnreferencedPhotos(tx: SqlQueryable, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await tx.query<{ sha256: string }>(
    `DELETE FROM photos p WHERE p.sha256 IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND NOT EXISTS (SELECT 1 FROM sync_records r WHERE r.kind = 'findings' AND r.data->'photoHashes' ? p.sha256)
       AND NOT EXISTS (SELECT 1 FROM sync_records r WHERE r.kind = 'worries' AND r.data->>'photoHash' = p.sha256)
       AND NOT EXISTS (SELECT 1 FROM worry_submissions w WHERE w.photo_hash = p.sha256)
     RETURNING p.sha256`,
    [JSON.stringify(hashes)],
  );
  return rows.map((r) => r.sha256);
}
