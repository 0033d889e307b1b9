/**
 * One seeded fuzz run (SPEC.md R1-R15): three devices with the real engine over fake-indexeddb, each
 * its own Dexie database, against the real server (buildApp + PGlite through app.inject). Devices go
 * on- and offline, write through the real repositories, sync at random, and sometimes lose the answer
 * to a push the server committed. At the end every device syncs until quiet; then each device must
 * equal the server, and every history event ever written is on the server or in a rejected entry.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Finding, FindingEvent, FindingOwner } from '../../src/domain/finding';
import type { Actor, FindingCommand } from '../../src/domain/findingStatus';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { applyFindingCommandTo, saveNewFinding } from '../../src/storage/findingsRepo';
import { readFindingHistory } from '../../src/storage/findingHistoryRepo';
import { SyncEngine } from '../../src/sync/engine';
import type { PullResponse } from '../../src/sync/protocol';
import { injectFetch, type Network } from '../support/injectFetch';
import type { SyncServer, TestUser } from '../support/syncServer';

import { rng } from '../support/rng';

export { rng };

interface Device {
  db: SchouwDb;
  engine: SyncEngine;
  net: Network;
  actor: Actor;
}

export interface FuzzUsers {
  schouwer: TestUser;
  beheerder: TestUser;
  coordinator: TestUser;
}

const owners: FindingOwner[] = ['municipality', 'police', 'shops'];
const words = ['lamp', 'graffiti', 'stoep', 'bank', 'fiets', 'hek'];

function randomCommand(r: () => number, f: Finding, now: Date): FindingCommand {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const day = now.toISOString().slice(0, 10);
  // Half the time one of two contested fields, so devices often change the same field (R13 conflicts).
  if (r() < 0.5) return r() < 0.5 ? { kind: 'change_description', description: `${pick(words)} ${Math.floor(r() * 100)}` } : { kind: 'set_owner', owner: pick(owners) };
  return pick<FindingCommand>([
    { kind: 'change_description', description: `${pick(words)} ${Math.floor(r() * 100)}` },
    { kind: 'change_severity', severity: pick(['low', 'medium', 'high'] as const) },
    { kind: 'move', point: { type: 'Point', coordinates: [6.15 + r() / 100, 52.25 + r() / 100] }, areaId: null },
    { kind: 'assign', owner: pick(owners), dueDate: day },
    { kind: 'set_owner', owner: pick(owners) },
    { kind: 'start' },
    { kind: 'fix', note: `gedaan ${Math.floor(r() * 10)}` },
    { kind: 'verify' },
    { kind: 'reopen', note: 'toch niet' },
    { kind: 'wont_fix', reason: 'niet van ons' },
    { kind: 'comment', text: `opmerking ${Math.floor(r() * 1000)}` },
    { kind: f.status === 'open' ? 'change_category' : 'comment', categoryCode: 'incidents', text: 'x' } as FindingCommand,
  ]);
}

export async function runFuzzSeed(server: SyncServer, users: FuzzUsers, seed: number, steps = 24): Promise<void> {
  const r = rng(seed);
  const written: FindingEvent[] = [];
  const devices: Device[] = [users.schouwer, users.coordinator, users.beheerder].map((u, i) => {
    const db = openDb(`fuzz-${seed}-${i}-${uuidv7()}`);
    const net: Network = { online: r() < 0.7, loseNextPushAnswer: false };
    const clientId = crypto.randomUUID();
    const engine = new SyncEngine({ db, fetch: injectFetch(server.app, () => u.headers, net), clientId: async () => clientId, isOnline: () => net.online, batchSize: 1 + Math.floor(r() * 5), pullLimit: 1 + Math.floor(r() * 8) });
    return { db, engine, net, actor: { id: u.id, roles: u.roles } };
  });
  let clock = Date.parse('2026-03-02T09:00:00Z');
  try {
    for (let step = 0; step < steps; step++) {
      const d = devices[Math.floor(r() * devices.length)]!;
      const now = new Date((clock += 60_000));
      const roll = r();
      if (roll < 0.15) d.net.online = !d.net.online;
      else if (roll < 0.35) {
        if (r() < 0.2) d.net.loseNextPushAnswer = true;
        await d.engine.syncNow();
      } else {
        const local = (await d.db.findings.toArray()).filter((f) => !f.removed);
        const res =
          local.length === 0 || r() < 0.15
            ? await saveNewFinding(d.db, { id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: words[Math.floor(r() * words.length)]!, severity: 'low' }, d.actor, { now })
            : await (async () => {
                const f = local[Math.floor(r() * local.length)]!;
                return applyFindingCommandTo(d.db, f.id, randomCommand(r, f, now), d.actor, { now });
              })();
        if (res.ok) written.push(...res.events);
      }
    }
    // Everyone back online; sync in rounds until no device has anything pending.
    for (const d of devices) d.net = Object.assign(d.net, { online: true, loseNextPushAnswer: false });
    for (let round = 0; round < 3; round++) for (const d of devices) await d.engine.syncNow();
    await checkConverged(server, users, devices, written, seed);
  } finally {
    for (const d of devices) {
      d.engine.stop();
      d.db.close();
      await Dexie.delete(d.db.name);
    }
  }
}

const sameCreated = (events: FindingEvent[]) => byId(events.map((e) => (e.kind === 'created' ? { ...e, id: e.findingId } : e)));
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
// jsonb keeps keys in its own order; equality is about values, so compare with sorted keys.
const canon = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canon).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${k}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v);

async function checkConverged(server: SyncServer, users: FuzzUsers, devices: Device[], written: FindingEvent[], seed: number): Promise<void> {
  const res = await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0&limit=1000', headers: users.coordinator.headers });
  const all = res.json() as PullResponse;
  if (all.nextCursor) throw new Error(`seed ${seed}: more than one page of server state; raise the limit`);
  const serverFindings = byId(all.records.filter((x) => x.table === 'findings').map((x) => x.data as unknown as Finding));
  const serverEvents = byId(all.events.map((e) => e.event));
  const fail = (what: string) => {
    throw new Error(`seed ${seed}: ${what}`);
  };
  const rejectedEvents = new Set<string>();
  for (const [i, d] of devices.entries()) {
    const state = d.engine.getStatus();
    if (state.state !== 'idle') fail(`device ${i} ended in state ${state.state} (${state.lastError})`);
    const outbox = await d.db.outbox.toArray();
    if (outbox.some((e) => e.status === 'pending')) fail(`device ${i} still has pending entries`);
    for (const e of outbox) for (const ev of e.events) rejectedEvents.add(ev.id);
    // R38: the device's known revision lives in the row (`_sync`); the finding is the rest.
    const stored = byId(await d.db.findings.toArray());
    const findings = stored.map(({ _sync, ...f }: Finding & { _sync?: unknown }) => f);
    if (canon(findings) !== canon(serverFindings)) fail(`device ${i} findings differ from the server:\n${canon(findings)}\n${canon(serverFindings)}`);
    // R39: history as the device reads it (pulled creation events derived); a derived creation event
    // has the finding's id, so creation events are compared by their finding.
    const events = sameCreated(byId((await Promise.all(stored.map((f) => readFindingHistory(d.db, f.id)))).flat()));
    if (canon(events) !== canon(sameCreated(serverEvents))) fail(`device ${i} history differs from the server (${events.length} vs ${serverEvents.length}):\n${canon(events)}\n${canon(sameCreated(serverEvents))}`);
  }
  const onServer = new Set(serverEvents.map((e) => e.id));
  const lost = written.filter((e) => !onServer.has(e.id) && !rejectedEvents.has(e.id));
  if (lost.length > 0) fail(`history events lost: ${lost.map((e) => `${e.kind}:${e.id}`).join(', ')}`);
}
