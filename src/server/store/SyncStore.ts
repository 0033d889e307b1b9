import type { NewMail } from './MailStore';
import type { Role } from '../../domain/findingStatus';
import type { Conflict, MutationResult, RecordVersion, EventVersion, SyncTable } from '../../sync/protocol';

/** Who last wrote a field: a conflict (R13) needs another client; the actor says who lost. */
export interface FieldWriter {
  c: string;
  a: string;
}

/**
 * The municipalities an actor belongs to, with their roles in each (R30). Every read and write of the
 * sync store takes one, so a route cannot forget the filter: what lies outside it does not exist.
 */
export type MunicipalityScope = Readonly<Record<string, readonly Role[]>>;

/** Refusal of a write whose record lies (or would lie) outside the actor's municipalities (R30). */
export const NOT_ALLOWED_FOR_MUNICIPALITY = 'not_allowed_for_municipality';

/** A record as the server keeps it, with what per-field merge needs (R12). */
export interface StoredRecord {
  table: SyncTable;
  id: string;
  /** From the record's data when it was written; null only for rows from before migration 010. */
  municipality: string | null;
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
  /** The municipality the pushed changes name, if any: where a new record would belong. */
  municipality: string | null;
}

export interface PullPage {
  records: RecordVersion[];
  events: EventVersion[];
  /** Highest revision returned, or `after` when nothing was. */
  last: number;
  /** Rows returned (records + events), to tell whether more may follow. */
  count: number;
}

export interface ServerHead {
  epoch: string;
  head: number;
  /** The backup this epoch was restored from: its epoch and head revision (R54); null if never restored. */
  restoredFrom: { epoch: string; head: number } | null;
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
   * Decide and store one mutation in one transaction. `decide` gets the current record (locked), the
   * revision this write would get and the actor's roles in the record's municipality. A record outside
   * `scope` (or a write that would move one out of it) is rejected with `not_allowed_for_municipality`
   * without calling `decide` (R30). A mutation decided meanwhile by another request returns its answer.
   */
  applyMutation(
    meta: MutationMeta,
    scope: MunicipalityScope,
    decide: (current: StoredRecord | null, revision: number, roles: readonly Role[]) => Decision,
  ): Promise<{ result: StoredResult; contentHash: string }>;
  /** The record, or null when it does not exist or lies outside `scope`. */
  getRecord(table: SyncTable, id: string, scope: MunicipalityScope): Promise<StoredRecord | null>;
  /**
   * Records and events with revision > after, in revision order, at most `limit` rows in all (R10), of
   * the tables `tablesFor` allows for the roles in each municipality of `scope` (R16, R30).
   */
  pull(after: number, limit: number, scope: MunicipalityScope, tablesFor: (roles: readonly Role[]) => readonly SyncTable[], options?: PullOptions): Promise<PullPage>;
  /**
   * The same page as `pull`, as the JSON text of `{records, events}` rows (PullResponse's lists): the
   * stored JSON goes out as the database prints it, not parsed and printed again (R10's cost).
   */
  pullJson(after: number, limit: number, scope: MunicipalityScope, tablesFor: (roles: readonly Role[]) => readonly SyncTable[], options?: PullOptions): Promise<PullJsonPage>;
  /**
   * The database's epoch (a random id, new after every restore) and its head revision (the revision
   * counter: no stored row has a higher one). A device ahead of the head, or of another epoch, pulls
   * everything again (R35).
   */
  head(): Promise<ServerHead>;

  hasPhoto(sha256: string): Promise<boolean>;
  /**
   * Records a stored photo and its uploader; false when it was already there (R17: the first one stays;
   * a second uploader of the same bytes is recorded too, they hold the photo anyway).
   */
  addPhoto(meta: { sha256: string; size: number; mime: string; storedBy: string }): Promise<boolean>;
  /**
   * The photo's metadata when `viewer` may see it: a finding in one of `municipalities` lists it, or the
   * viewer uploaded it (R18, R30). Null otherwise, also when the photo exists: its existence is not told.
   */
  getPhotoMeta(sha256: string, viewer: { actorId: string; municipalities: readonly string[] }): Promise<{ size: number; mime: string } | null>;
}

/** The municipalities of a scope where the roles include one of `roles`. */
export function municipalitiesWith(scope: MunicipalityScope, roles: readonly Role[]): string[] {
  return Object.entries(scope)
    .filter(([, rs]) => rs.some((r) => roles.includes(r)))
    .map(([m]) => m);
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

/**
 * R39: `foldCreated` leaves out the findings' `created` events: the device derives each from its
 * finding (`createdEventOf`), so a new finding is one row on the wire and on the device.
 */
export interface PullOptions {
  foldCreated?: boolean;
}
