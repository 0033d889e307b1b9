import type { Role } from '../../domain/findingStatus';
import type { Conflict, EventVersion, RecordVersion, SyncTable } from '../../sync/protocol';
import type { SqlExecutor, SqlQueryable } from './executor';
import { queueMails } from './SqlMailStore';
import {
  NOT_ALLOWED_FOR_MUNICIPALITY,
  type Decision,
  type FieldWriter,
  type MunicipalityScope,
  type MutationMeta,
  type PullJsonPage,
  type PullOptions,
  type PullPage,
  type ServerHead,
  type StoredRecord,
  type StoredResult,
  type SyncStore,
} from './SyncStore';

interface RecordRow {
  [key: string]: unknown;
  kind: string;
  id: string;
  data: unknown;
  field_revisions: unknown;
  field_clients: unknown;
  conflicts: unknown;
  created_by: string;
  revision: unknown;
  municipality: string | null;
}

const RECORD_COLUMNS = 'kind, id, municipality, data, field_revisions, field_clients, conflicts, created_by, revision::text AS revision';

// jsonb comes back parsed from PGlite and pg alike, but a driver setting can make it text: accept both.
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
// bigint is read as text (pg would give a string anyway) and made a number: revisions stay far below 2^53.
const num = (v: unknown): number => Number(v);

function rowToRecord(row: RecordRow): StoredRecord {
  return {
    table: row.kind as SyncTable,
    id: row.id,
    municipality: row.municipality,
    data: json(row.data),
    fieldRevisions: json(row.field_revisions),
    fieldWriters: json<Record<string, FieldWriter>>(row.field_clients),
    conflicts: json<Conflict[]>(row.conflicts),
    createdBy: row.created_by,
    revision: num(row.revision),
  };
}

// R39: every event but a finding's `created` (the device derives it). Written as the predicate of the
// partial index of migration 050, so the planner can walk that index.
const HISTORY_EVENT = `(data->>'kind') <> 'created'`;

/** `SyncStore` in the SQL that PGlite and PostgreSQL both run (migration 004). */
export class SqlSyncStore implements SyncStore {
  constructor(private readonly db: SqlExecutor) {}

  async findMutations(ids: readonly string[]) {
    const out = new Map<string, { contentHash: string; result: StoredResult }>();
    if (ids.length === 0) return out;
    const rows = await this.db.query<{ mutation_id: string; content_hash: string; result: unknown }>(
      `SELECT mutation_id, content_hash, result FROM sync_mutations
        WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(ids)],
    );
    for (const r of rows) out.set(r.mutation_id, { contentHash: r.content_hash, result: json(r.result) });
    return out;
  }

  async applyMutation(
    meta: MutationMeta,
    scope: MunicipalityScope,
    decide: (current: StoredRecord | null, revision: number, roles: readonly Role[]) => Decision,
  ) {
    return this.db.transaction(async (tx) => {
      // Claiming the id first: a concurrent push of the same mutation waits here on the unique key, then
      // sees it taken and returns the answer the first one stored (R6).
      const claimed = await tx.query(
        `INSERT INTO sync_mutations (mutation_id, client_id, seq, actor_id, content_hash, result)
         VALUES ($1, $2, $3, $4, $5, '{}'::jsonb) ON CONFLICT (mutation_id) DO NOTHING RETURNING mutation_id`,
        [meta.mutationId, meta.clientId, meta.seq, meta.actorId, meta.contentHash],
      );
      if (claimed.length === 0) {
        const [row] = await tx.query<{ content_hash: string; result: unknown }>(
          'SELECT content_hash, result FROM sync_mutations WHERE mutation_id = $1',
          [meta.mutationId],
        );
        return { result: json<StoredResult>(row!.result), contentHash: row!.content_hash };
      }
      // Taking the revision before reading the record holds the counter's row lock: writers are serial,
      // so revisions become visible in commit order (migration 001) and the record cannot change under us.
      const [rev] = await tx.query<{ r: string }>('SELECT next_revision()::text AS r');
      const revision = num(rev!.r);
      const current = await readRecord(tx, meta.table, meta.recordId, true);
      const decision = decideInScope(current, meta, scope, (roles) => decide(current, revision, roles));
      let result: StoredResult;
      if (decision.kind === 'reject') {
        result = { status: 'rejected', reason: decision.reason, ...(decision.field ? { field: decision.field } : {}) };
      } else if (decision.kind === 'noop') {
        result = { status: 'accepted', revision: current?.revision ?? revision };
      } else {
        const municipality = decision.write.data.municipality as string;
        result = { status: 'accepted', revision: await writeRecord(tx, meta, municipality, current, decision.write, revision) };
        if (decision.write.mails) await queueMails(tx, decision.write.mails);
      }
      await tx.query('UPDATE sync_mutations SET result = $2::jsonb WHERE mutation_id = $1', [meta.mutationId, JSON.stringify(result)]);
      return { result, contentHash: meta.contentHash };
    });
  }

  async getRecord(table: SyncTable, id: string, scope: MunicipalityScope): Promise<StoredRecord | null> {
    const record = await readRecord(this.db, table, id, false);
    return record && inScope(record.municipality, scope) ? record : null;
  }

  /**
   * Rows of one page; `asText` keeps the jsonb columns as the database prints them. Only the (kind,
   * municipality) pairs the actor may read are even selected (R30).
   */
  private pageRows(after: number, limit: number, scope: MunicipalityScope, tablesFor: (roles: readonly Role[]) => readonly SyncTable[], asText: boolean, options: PullOptions) {
    const cast = asText ? '::text' : '';
    const pairs = JSON.stringify(Object.entries(scope).flatMap(([m, roles]) => tablesFor(roles).map((t) => ({ t, m }))));
    // Keyset paging per (municipality, kind) the actor may read: each is a bounded range scan of the
    // (municipality, kind, revision) indexes of migration 050, merged and cut to the limit, so a page
    // costs O(pairs × limit) however many rows lie before or after it. (Filtering one revision index
    // by scope let the planner pick the municipality index and read every row of it for each page.)
    const half = (src: string, table: string, columns: string, extra: string) =>
      `(SELECT '${src}' AS src, h.* FROM jsonb_array_elements($3::jsonb) x CROSS JOIN LATERAL (
          SELECT ${columns} FROM ${table}
           WHERE municipality = x->>'m' AND kind = x->>'t' AND revision > $1${extra} ORDER BY revision LIMIT $2) h
        ORDER BY h.revision LIMIT $2)`;
    return this.db.query<{ src: string; kind: string; id: string; data: unknown; conflicts: unknown; revision: string }>(
      `SELECT src, kind, id, data${cast} AS data, conflicts${cast} AS conflicts, revision::text AS revision FROM (
         ${half('r', 'sync_records', 'kind, id, data, conflicts, revision', '')}
         UNION ALL
         ${half('e', 'sync_events', 'kind, id, data, NULL::jsonb AS conflicts, revision', options.foldCreated ? ` AND ${HISTORY_EVENT}` : '')}
       ) u ORDER BY u.revision LIMIT $2` /* u.revision: the bigint, not the text alias */,
      [after, limit, pairs],
    );
  }

  async pullJson(after: number, limit: number, scope: MunicipalityScope, tablesFor: (roles: readonly Role[]) => readonly SyncTable[], options: PullOptions = {}): Promise<PullJsonPage> {
    const rows = await this.pageRows(after, limit, scope, tablesFor, true, options);
    const records: string[] = [];
    const events: string[] = [];
    let last = after;
    for (const r of rows) {
      const revision = num(r.revision);
      last = Math.max(last, revision);
      // jsonb's text form is JSON; kind and id are quoted by JSON.stringify, the revision is a number.
      if (r.src === 'r') records.push(`{"table":${JSON.stringify(r.kind)},"id":${JSON.stringify(r.id)},"revision":${revision},"data":${r.data as string},"conflicts":${r.conflicts as string}}`);
      else events.push(`{"table":"findings","revision":${revision},"event":${r.data as string}}`);
    }
    return { records: `[${records.join(',')}]`, events: `[${events.join(',')}]`, last, count: rows.length };
  }

  async head(): Promise<ServerHead> {
    const [row] = await this.db.query<{ value: unknown; epoch: string | null; from_epoch: string | null; from_head: unknown }>(
      `SELECT c.value, e.epoch, e.restored_from_epoch AS from_epoch, e.restored_from_head AS from_head
         FROM revision_counter c LEFT JOIN server_epoch e ON true`,
    );
    const restoredFrom = row?.from_epoch ? { epoch: row.from_epoch, head: num(row.from_head ?? 0) } : null;
    return { epoch: row?.epoch ?? '', head: num(row?.value ?? 0), restoredFrom };
  }

  async pull(after: number, limit: number, scope: MunicipalityScope, tablesFor: (roles: readonly Role[]) => readonly SyncTable[], options: PullOptions = {}): Promise<PullPage> {
    const rows = await this.pageRows(after, limit, scope, tablesFor, false, options);
    const records: RecordVersion[] = [];
    const events: EventVersion[] = [];
    let last = after;
    for (const r of rows) {
      const revision = num(r.revision);
      last = Math.max(last, revision);
      if (r.src === 'r') {
        records.push({ table: r.kind as SyncTable, id: r.id, revision, data: json(r.data), conflicts: json(r.conflicts) });
      } else {
        events.push({ table: 'findings', revision, event: json(r.data) });
      }
    }
    return { records, events, last, count: rows.length };
  }

  async hasPhoto(sha256: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM photos WHERE sha256 = $1', [sha256])).length > 0;
  }

  async addPhoto(meta: { sha256: string; size: number; mime: string; storedBy: string }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO photos (sha256, size, mime, stored_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [meta.sha256, meta.size, meta.mime, meta.storedBy],
      );
      await tx.query('INSERT INTO photo_uploaders (sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [meta.sha256, meta.storedBy]);
      return rows.length > 0;
    });
  }

  async getPhotoMeta(sha256: string, viewer: { actorId: string; municipalities: readonly string[] }): Promise<{ size: number; mime: string } | null> {
    const [row] = await this.db.query<{ size: number; mime: string }>(
      `SELECT p.size, p.mime FROM photos p
        WHERE p.sha256 = $1
          AND (EXISTS (SELECT 1 FROM photo_uploaders o WHERE o.sha256 = p.sha256 AND o.user_id = $2)
            OR EXISTS (SELECT 1 FROM sync_records r
                        WHERE ((r.kind = 'findings' AND r.data->'photoHashes' ? $1) OR (r.kind = 'worries' AND r.data->>'photoHash' = $1))
                          AND r.municipality IN (SELECT jsonb_array_elements_text($3::jsonb))))`,
      [sha256, viewer.actorId, JSON.stringify(viewer.municipalities)],
    );
    return row ? { size: num(row.size), mime: row.mime } : null;
  }
}

function inScope(municipality: string | null, scope: MunicipalityScope): boolean {
  return municipality !== null && Object.hasOwn(scope, municipality);
}

/**
 * R30 around the domain's decision: the record's municipality (the stored one, or the one a new record
 * names) must be in scope, the domain decides with the roles held there, and a write may not move the
 * record to another municipality.
 */
function decideInScope(current: StoredRecord | null, meta: MutationMeta, scope: MunicipalityScope, decide: (roles: readonly Role[]) => Decision): Decision {
  const refuse: Decision = { kind: 'reject', reason: NOT_ALLOWED_FOR_MUNICIPALITY, field: 'municipality' };
  const municipality = current ? current.municipality : meta.municipality;
  if (municipality === null || !inScope(municipality, scope)) return refuse;
  const decision = decide(scope[municipality]!);
  if (decision.kind === 'write' && decision.write.data.municipality !== municipality) return refuse;
  return decision;
}

async function readRecord(q: SqlQueryable, table: SyncTable, id: string, lock: boolean): Promise<StoredRecord | null> {
  const [row] = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM sync_records WHERE kind = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [table, id],
  );
  return row ? rowToRecord(row) : null;
}

async function writeRecord(
  tx: SqlQueryable,
  meta: MutationMeta,
  municipality: string,
  current: StoredRecord | null,
  write: { data: Record<string, unknown>; changed: string[]; conflicts: Conflict[]; events: { id: string; data: Record<string, unknown> }[] },
  firstRevision: number,
): Promise<number> {
  // R14: an event is stored once; its own revision keeps every pulled row's revision unique.
  for (const e of write.events) {
    await tx.query(
      `INSERT INTO sync_events (id, kind, record_id, data, mutation_id, municipality, revision)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, next_revision()) ON CONFLICT (id) DO NOTHING`,
      [e.id, meta.table, meta.recordId, JSON.stringify(e.data), meta.mutationId, municipality],
    );
  }
  // The record's revision comes last, so "pull since the accepted revision" holds nothing of this write.
  let revision = firstRevision;
  if (write.events.length > 0) {
    const [rev] = await tx.query<{ r: string }>('SELECT next_revision()::text AS r');
    revision = num(rev!.r);
  }
  const fieldRevisions = { ...current?.fieldRevisions };
  const fieldWriters = { ...current?.fieldWriters };
  for (const f of write.changed) {
    fieldRevisions[f] = revision;
    fieldWriters[f] = { c: meta.clientId, a: meta.actorId };
  }
  const conflicts = write.conflicts.map((c) => (c.revision === firstRevision ? { ...c, revision } : c));
  await tx.query(
    `INSERT INTO sync_records (kind, id, data, field_revisions, field_clients, conflicts, created_by, revision, municipality)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, $9)
     ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, field_revisions = excluded.field_revisions,
       field_clients = excluded.field_clients, conflicts = excluded.conflicts, revision = excluded.revision, updated_at = now()`,
    [
      meta.table,
      meta.recordId,
      JSON.stringify(write.data),
      JSON.stringify(fieldRevisions),
      JSON.stringify(fieldWriters),
      JSON.stringify(conflicts),
      current?.createdBy ?? meta.actorId,
      revision,
      municipality,
    ],
  );
  return revision;
}
