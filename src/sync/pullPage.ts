/**
 * The check of a pull page on the device (SPEC.md R10). The zod schema in protocol.ts describes the
 * same shape, but walking ten thousand rows through zod costs more than decoding them; this check
 * looks at what the device relies on (the row kinds, ids, revisions in order, objects where objects
 * go) and refuses a page that breaks it, naming the row.
 */
import type { FindingEvent } from '../domain/finding';
import { syncTables, type Conflict, type PullResponse, type RecordVersion, type SyncTable } from './protocol';

export class BadPullPage extends Error {
  constructor(path: string, why: string) {
    super(`pull page: ${path} ${why}`);
    this.name = 'BadPullPage';
  }
}

const tables = new Set<string>(syncTables);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRevision = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function record(v: unknown, i: number): RecordVersion {
  const at = `records/${i}`;
  if (!isObject(v)) throw new BadPullPage(at, 'is not an object');
  if (typeof v.table !== 'string' || !tables.has(v.table)) throw new BadPullPage(`${at}/table`, 'is not a sync table');
  if (typeof v.id !== 'string' || v.id === '') throw new BadPullPage(`${at}/id`, 'is not an id');
  if (!isRevision(v.revision)) throw new BadPullPage(`${at}/revision`, 'is not a revision');
  if (!isObject(v.data)) throw new BadPullPage(`${at}/data`, 'is not an object');
  if (!Array.isArray(v.conflicts) || !v.conflicts.every(isObject)) throw new BadPullPage(`${at}/conflicts`, 'is not a list of conflicts');
  return { table: v.table as SyncTable, id: v.id, revision: v.revision, data: v.data as RecordVersion['data'], conflicts: v.conflicts as Conflict[] };
}

function event(v: unknown, i: number): FindingEvent {
  const at = `events/${i}`;
  if (!isObject(v) || v.table !== 'findings' || !isRevision(v.revision)) throw new BadPullPage(at, 'is not a finding event row');
  const e = v.event;
  if (!isObject(e) || typeof e.id !== 'string' || typeof e.findingId !== 'string' || typeof e.kind !== 'string' || typeof e.at !== 'string') {
    throw new BadPullPage(`${at}/event`, 'is not a finding event');
  }
  return e as unknown as FindingEvent;
}

/** A checked page: the records, the events (just the event, as the device stores them) and the cursor. */
export interface PullPage {
  records: RecordVersion[];
  events: FindingEvent[];
  revision: number;
  nextCursor: string | null;
  /** The server's epoch and head revision (R35); null from a server that does not send them. */
  epoch: string | null;
  head: number | null;
  /** The backup this epoch was restored from (R54); null when never restored or not sent. */
  restoredFrom: { epoch: string; head: number } | null;
}

function restoredFrom(v: unknown): PullPage['restoredFrom'] {
  if (v === undefined) return null;
  if (!isObject(v) || typeof v.epoch !== 'string' || v.epoch === '' || v.epoch.length > 100 || !isRevision(v.head)) throw new BadPullPage('restoredFrom', 'is not an epoch and head');
  return { epoch: v.epoch, head: v.head };
}

export function readPullPage(v: unknown): PullPage {
  if (!isObject(v) || !Array.isArray(v.records) || !Array.isArray(v.events)) throw new BadPullPage('', 'has no records and events');
  if (!isRevision(v.revision)) throw new BadPullPage('revision', 'is not a revision');
  if (v.nextCursor !== null && (typeof v.nextCursor !== 'string' || !/^\d{1,15}$/.test(v.nextCursor))) throw new BadPullPage('nextCursor', 'is not a cursor');
  if (v.epoch !== undefined && (typeof v.epoch !== 'string' || v.epoch === '' || v.epoch.length > 100)) throw new BadPullPage('epoch', 'is not an epoch');
  if (v.head !== undefined && !isRevision(v.head)) throw new BadPullPage('head', 'is not a revision');
  const page = v as unknown as PullResponse;
  return {
    records: page.records.map(record),
    events: page.events.map(event),
    revision: page.revision,
    nextCursor: page.nextCursor,
    epoch: page.epoch ?? null,
    head: page.head ?? null,
    restoredFrom: restoredFrom(v.restoredFrom),
  };
}
