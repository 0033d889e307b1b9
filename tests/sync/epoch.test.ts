/**
 * R35: the engine against a scripted server whose database was restored (another epoch, or a head below
 * the device's revision): it pulls everything again, the server's versions replace the device's, and
 * the outbox is kept with its pending fields.
 */
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/finding';
import type { Actor } from '../../src/domain/findingStatus';
import type { SchouwDb } from '../../src/storage/db';
import { applyFindingCommandTo, saveNewFinding } from '../../src/storage/findingsRepo';
import { knownKey, knownRecord } from '../../src/sync/apply';
import { SyncEngine } from '../../src/sync/engine';
import type { Fetch } from '../../src/sync/http';
import type { PullResponse, RecordVersion } from '../../src/sync/protocol';
import { EPOCH_KEY, REPULL_KEY, REVISION_KEY, staleness, storedRevision } from '../../src/sync/pull';
import { deviceDatabases } from '../support/deviceDb';

const newDeviceDb = deviceDatabases('epoch');

const actor: Actor = { id: uuidv7(), roles: ['schouwer'] };

describe('R35 staleness', () => {
  const cases: [string, { epoch: string | null; head: number | null }, number, string | null, ReturnType<typeof staleness>][] = [
    ['same epoch, behind the head', { epoch: 'A', head: 50 }, 40, 'A', null],
    ['same epoch, at the head', { epoch: 'A', head: 50 }, 50, 'A', null],
    ['same epoch, ahead of the head', { epoch: 'A', head: 50 }, 51, 'A', 'ahead_of_server'],
    ['another epoch', { epoch: 'B', head: 500 }, 40, 'A', 'epoch_changed'],
    ['another epoch and ahead', { epoch: 'B', head: 10 }, 40, 'A', 'epoch_changed'],
    ['no epoch known on the device yet', { epoch: 'B', head: 500 }, 40, null, null],
    ['no epoch known yet, ahead', { epoch: 'B', head: 10 }, 40, null, 'ahead_of_server'],
    ['a server without epoch and head', { epoch: null, head: null }, 40, 'A', null],
    ['a new device', { epoch: 'A', head: 0 }, 0, null, null],
  ];
  it.each(cases)('%s', (_name, page, since, stored, expected) => {
    expect(staleness(page, since, stored)).toBe(expected);
  });
});

interface Scripted {
  epoch: string;
  head: number;
  /** The server's rows, in revision order. */
  records: RecordVersion[];
  /** Rows per page. */
  limit: number;
  /** When set, the pull with this cursor fails once (the network went away). */
  failCursor?: string;
}

/** A server that answers pull from `state`, every push with `retry` (the outbox stays) and people with 304. */
function scriptedFetch(state: Scripted, log: string[]): Fetch {
  return async (url, init) => {
    const u = new URL(url, 'http://server');
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/sync/push') {
      const { mutations } = JSON.parse(String(init?.body)) as { mutations: { mutationId: string }[] };
      log.push(`push ${mutations.length}`);
      return json({ results: mutations.map((m) => ({ mutationId: m.mutationId, status: 'retry' })) });
    }
    if (u.pathname === '/api/sync/pull') {
      const since = Number(u.searchParams.get('since'));
      const cursor = u.searchParams.get('cursor');
      log.push(`pull since=${since} cursor=${cursor ?? '-'}`);
      if (cursor !== null && cursor === state.failCursor) {
        state.failCursor = undefined;
        throw new TypeError('Failed to fetch');
      }
      const after = Math.max(since, Number(cursor ?? 0));
      const rows = state.records.filter((r) => r.revision > after).slice(0, state.limit);
      const last = rows.length > 0 ? rows[rows.length - 1]!.revision : after;
      const page: PullResponse = { records: rows, events: [], revision: last, nextCursor: rows.length >= state.limit ? String(last) : null, epoch: state.epoch, head: state.head };
      return json(page);
    }
    if (u.pathname === '/api/people') return new Response(null, { status: 304 });
    throw new Error(`unexpected ${u.pathname}`);
  };
}

/**
 * A device that synced with epoch A up to revision 50: finding `f` known at revision 40, with a pending
 * description change made offline since.
 */
async function deviceAfterSync() {
  const db = newDeviceDb();
  const made = await saveNewFinding(db, { id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: 'begin', severity: 'low' }, actor);
  if (!made.ok) throw new Error(made.reason);
  // As if its creation was accepted at revision 40 and a pull went up to 50.
  await db.outbox.clear();
  await db.meta.bulkPut([
    { key: knownKey('findings', made.finding.id), value: { revision: 40, conflicts: [] } },
    { key: REVISION_KEY, value: 50 },
    { key: EPOCH_KEY, value: 'A' },
  ]);
  const changed = await applyFindingCommandTo(db, made.finding.id, { kind: 'change_description', description: 'offline getypt' }, actor);
  if (!changed.ok) throw new Error(changed.reason);
  return { db, finding: made.finding };
}

/** The restored server's copy of the finding: older (revision 7), another severity and description. */
function restoredVersion(f: Finding, revision = 7): RecordVersion {
  return { table: 'findings', id: f.id, revision, data: { ...f, description: 'van de backup', severity: 'high' } as unknown as RecordVersion['data'], conflicts: [] };
}

function engine(db: SchouwDb, fetch: Fetch) {
  return new SyncEngine({ db, fetch, clientId: async () => crypto.randomUUID(), isOnline: () => true });
}

describe('R35 the engine after a restore', () => {
  it('another epoch: revision back to 0, everything pulled again, the older server version replaces the device\'s, the pending field stays and is still pushed', async () => {
    const { db, finding } = await deviceAfterSync();
    const log: string[] = [];
    const other = { table: 'findings' as const, id: uuidv7(), revision: 9, data: { ...finding, id: 'x' } as unknown as RecordVersion['data'], conflicts: [] };
    const state: Scripted = { epoch: 'B', head: 12, records: [restoredVersion(finding), { ...other, id: other.data.id as string }], limit: 100 };
    const e = engine(db, scriptedFetch(state, log));
    await e.syncNow();
    expect(e.getStatus()).toMatchObject({ state: 'idle', lastError: null });
    expect(log).toEqual(['push 1', 'pull since=50 cursor=-', 'pull since=0 cursor=-']);
    expect(await storedRevision(db)).toBe(9);
    expect((await db.meta.get(EPOCH_KEY))?.value).toBe('B');
    expect(await db.meta.get(REPULL_KEY)).toBeUndefined();
    expect((await knownRecord(db, 'findings', finding.id))?.revision).toBe(7);
    // R11: the server's severity, the device's pending description.
    expect(await db.findings.get(finding.id)).toMatchObject({ severity: 'high', description: 'offline getypt' });
    expect(await db.findings.get('x')).toBeDefined();
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: 'pending', changes: { description: 'offline getypt' } });

    // The next run is an ordinary pull from the new revision.
    log.length = 0;
    await e.syncNow();
    expect(log).toEqual(['push 1', 'pull since=9 cursor=-']);
  });

  it('the same epoch but a head below the device\'s revision: pulls everything again', async () => {
    const { db, finding } = await deviceAfterSync();
    const log: string[] = [];
    const e = engine(db, scriptedFetch({ epoch: 'A', head: 12, records: [restoredVersion(finding)], limit: 100 }, log));
    await e.syncNow();
    expect(log).toEqual(['push 1', 'pull since=50 cursor=-', 'pull since=0 cursor=-']);
    expect(await storedRevision(db)).toBe(7);
    expect(await db.findings.get(finding.id)).toMatchObject({ severity: 'high', description: 'offline getypt' });
  });

  it('the same epoch and a head above the revision: an ordinary pull, a server version older than the known one is not applied', async () => {
    const { db, finding } = await deviceAfterSync();
    const log: string[] = [];
    const e = engine(db, scriptedFetch({ epoch: 'A', head: 60, records: [restoredVersion(finding, 7)], limit: 100 }, log));
    await e.syncNow();
    expect(log).toEqual(['push 1', 'pull since=50 cursor=-']);
    expect(await storedRevision(db)).toBe(50);
    expect(await db.findings.get(finding.id)).toMatchObject({ severity: 'low' });
  });

  it('a device that knew no epoch yet takes the first one it is told without pulling again', async () => {
    const { db } = await deviceAfterSync();
    await db.meta.delete(EPOCH_KEY);
    const log: string[] = [];
    await engine(db, scriptedFetch({ epoch: 'A', head: 60, records: [], limit: 100 }, log)).syncNow();
    expect(log).toEqual(['push 1', 'pull since=50 cursor=-']);
    expect((await db.meta.get(EPOCH_KEY))?.value).toBe('A');
  });

  it('an interrupted re-pull goes on as a re-pull in the next run, from its last whole page', async () => {
    const { db, finding } = await deviceAfterSync();
    const log: string[] = [];
    // The device's finding comes on the second page; the fetch of that page fails once.
    const filler = Array.from({ length: 3 }, (_, i) => ({ ...restoredVersion({ ...finding, id: `fill-${i}` } as Finding, i + 1) }));
    const state: Scripted = { epoch: 'B', head: 12, records: [...filler, restoredVersion(finding, 7)], limit: 3, failCursor: '3' };
    const e = engine(db, scriptedFetch(state, log));
    await e.syncNow();
    expect(e.getStatus().state).toBe('error');
    expect(await storedRevision(db)).toBe(3);
    expect(await db.meta.get(REPULL_KEY)).toBeDefined();
    expect(await db.findings.get(finding.id)).toMatchObject({ severity: 'low' });
    log.length = 0;
    await e.syncNow();
    expect(log).toEqual(['push 1', 'pull since=3 cursor=-']);
    // Revision 7 is below the known 40 of the old epoch, and still replaces it.
    expect((await knownRecord(db, 'findings', finding.id))?.revision).toBe(7);
    expect(await db.findings.get(finding.id)).toMatchObject({ severity: 'high', description: 'offline getypt' });
    expect(await db.meta.get(REPULL_KEY)).toBeUndefined();
  });
});
