import type { NewMail } from './MailStore';
import type { Conflict, MutationResult, RecordVersion, EventVersion, SyncTable } from '../../sync/protocol';

/** Who last wrote a field: a conflict (R13) needs another client; the actor says who lost. */
export interface FieldWriter {
  c: string;
  a: string;
}

/** A record as the server keeps it, with what per-field merge needs (R12). */
export interface StoredRecord {
  table: SyncTable;
  id: string;
  data: Record<string, unknown>;
  fieldRevisions: Record<string, number>;
  fieldWriters: Record<string, FieldWriter>;
  conflicts: Conflict[];
  createdBy: string;
  revision: number;
}

/** What a decided mutation writes; `data` is the whole new record. */
export interface RecordWrite {
  data: Record<string, unknown>;
  /** Fields whose value changed; they get the new revision and this client as writer. */
  changed: string[];
  conflicts: Conflict[];
  events: { id: string; data: Record<string, unknown> }[];
  /** Mails this change causes, queued in the same transaction (the transactional outbox). */
  mails?: NewMail[];
}

export type Decision =
  | { kind: 'write'; write: RecordWrite }
  /** Accepted, but nothing to store (already so). */
  | { kind: 'noop' }
  | { kind: 'reject'; reason: string; field?: string };

/** A decided mutation as kept for R6: the answer without the record (that is read fresh each time). */
export type StoredResult =
  | { status: 'accepted'; revision: number }
  | { status: 'rejected'; reason: string; field?: string };

export interface MutationMeta {
  mutationId: string;
  clientId: string;
  seq: number;
  actorId: string;
  contentHash: string;
  table: SyncTable;
  recordId: string;
}

export interface PullPage {
  records: RecordVersion[];
  events: EventVersion[];
  /** Highest revision returned, or `after` when nothing was. */
  last: number;
  /** Rows returned (records + events), to tell whether more may follow. */
  count: number;
}

export interface PullJsonPage {
  /** `[...]` of RecordVersion rows. */
  records: string;
  /** `[...]` of EventVersion rows. */
  events: string;
  last: number;
  count: number;
}

/**
 * The sync's storage (SPEC.md R6-R14), over the same SQL executor as `Store`. `decide` is pure and
 * runs inside the transaction with the record locked, so two pushes to one record never interleave.
 */
export interface SyncStore {
  /** Decided mutations among `ids`: their content hash and answer. */
  findMutations(ids: readonly string[]): Promise<Map<string, { contentHash: string; result: StoredResult }>>;
  /**
   * Decide and store one mutation in one transaction. `decide` gets the current record (locked) and the
   * revision this write would get. A mutation decided meanwhile by another request returns its answer.
   */
  applyMutation(
    meta: MutationMeta,
    decide: (current: StoredRecord | null, revision: number) => Decision,
  ): Promise<{ result: StoredResult; contentHash: string }>;
  getRecord(table: SyncTable, id: string): Promise<StoredRecord | null>;
  /** Records and events with revision > after, in revision order, at most `limit` rows in all (R10). */
  pull(after: number, limit: number, tables: readonly SyncTable[]): Promise<PullPage>;
  /**
   * The same page as `pull`, as the JSON text of `{records, events}` rows (PullResponse's lists): the
   * stored JSON goes out as the database prints it, not parsed and printed again (R10's cost).
   */
  pullJson(after: number, limit: number, tables: readonly SyncTable[]): Promise<PullJsonPage>;

  hasPhoto(sha256: string): Promise<boolean>;
  /** Records a stored photo; false when it was already there (R17: the first one stays). */
  addPhoto(meta: { sha256: string; size: number; mime: string; storedBy: string }): Promise<boolean>;
  getPhotoMeta(sha256: string): Promise<{ size: number; mime: string } | null>;
}

export function toRecordVersion(r: StoredRecord): RecordVersion {
  return { table: r.table, id: r.id, revision: r.revision, data: r.data as RecordVersion['data'], conflicts: r.conflicts };
}

export function resultWithRecord(mutationId: string, result: StoredResult, record: StoredRecord | null): MutationResult {
  const version = record ? toRecordVersion(record) : null;
  return result.status === 'accepted'
    ? { mutationId, status: 'accepted', revision: result.revision, record: version }
    : { mutationId, status: 'rejected', reason: result.reason, ...(result.field ? { field: result.field } : {}), record: version };
}
