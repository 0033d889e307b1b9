/**
 * Simulated devices for the fault suite: each makes findings through the domain functions (as the
 * app's repositories do), keeps them in its own outbox and pushes them the way the sync engine does
 * (R3 order, R5 answers, R8 acting on them), over real HTTP to a real server process.
 */
import fs from 'node:fs';
import path from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { v7 as uuidv7 } from 'uuid';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/domain/authConstants';
import { createFinding, type Actor } from '../../src/domain/findingStatus';
import { changedFields } from '../../src/storage/outbox';
import type { Mutation, MutationResult, PullResponse } from '../../src/sync/protocol';

export interface Session {
  baseUrl: () => string;
  cookie: string;
  actor: Actor;
}

const deventer = JSON.parse(fs.readFileSync(path.resolve('geo/deventer.geojson'), 'utf8')) as {
  features: { id?: string; properties: { id?: string }; geometry: Parameters<typeof booleanPointInPolygon>[1] }[];
};

/** The area a point lies in, as the app derives it. */
function areaOf(point: [number, number]): string | null {
  for (const f of deventer.features) if (booleanPointInPolygon(point, f.geometry)) return f.id ?? f.properties.id ?? null;
  return null;
}

export { rng } from '../support/rng';

export interface Answer {
  status: 'accepted' | 'rejected';
  revision?: number;
  reason?: string;
}

export class FaultDevice {
  readonly clientId = crypto.randomUUID();
  private seq = 0;
  readonly outbox: Mutation[] = [];
  /** What the server acknowledged: mutationId → its answer. */
  readonly acknowledged = new Map<string, Answer>();
  readonly sent = new Map<string, Mutation>();
  failures = 0;

  constructor(
    private readonly session: Session,
    private readonly random: () => number,
  ) {}

  capture(n: number): void {
    for (let i = 0; i < n; i++) {
      const point: [number, number] = [6.1585 + (this.random() - 0.5) * 0.004, 52.2512 + (this.random() - 0.5) * 0.002];
      const made = createFinding(
        {
          id: uuidv7(),
          municipality: 'deventer',
          areaId: areaOf(point),
          point: { type: 'Point', coordinates: point },
          categoryCode: 'lighting',
          description: `Lamp kapot ${this.clientId.slice(0, 4)}-${this.seq + 1}`,
          severity: 'medium',
        },
        this.session.actor,
        new Date(),
      );
      if (!made.ok) throw new Error(`the domain refused a test finding: ${made.reason}`);
      const m = {
        mutationId: uuidv7(),
        clientId: this.clientId,
        seq: ++this.seq,
        table: 'findings',
        recordId: made.finding.id,
        baseRevision: null,
        changes: changedFields(null, made.finding),
        events: made.events,
      } as Mutation;
      this.outbox.push(m);
      this.sent.set(m.mutationId, m);
    }
  }

  /** One push of up to `batch` entries; answers are acted on as the engine does. */
  async pushOnce(batch = 10): Promise<void> {
    const mutations = this.outbox.slice(0, batch);
    if (mutations.length === 0) return;
    const results = await postPush(this.session, mutations).catch(() => null);
    if (!results) {
      this.failures++;
      return;
    }
    for (const r of results) {
      if (r.status === 'retry') break; // R5: the rest of the batch waits too
      this.acknowledged.set(r.mutationId, r.status === 'accepted' ? { status: 'accepted', revision: r.revision } : { status: 'rejected', reason: r.reason });
      const i = this.outbox.findIndex((m) => m.mutationId === r.mutationId);
      if (i >= 0) this.outbox.splice(i, 1);
    }
  }
}

/** The push answers, or null for anything that is not a 200 (the engine then keeps its outbox). */
export async function postPush(session: Session, mutations: Mutation[]): Promise<MutationResult[] | null> {
  const res = await fetch(`${session.baseUrl()}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({ mutations }),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status !== 200) return null;
  return ((await res.json()) as { results: MutationResult[] }).results;
}

/** Every finding record the server has, by paging the pull from 0 (R10). */
export async function pullAllFindingIds(session: Session): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const q: string = cursor ? `?since=0&cursor=${cursor}&limit=1000` : '?since=0&limit=1000';
    const res = await fetch(`${session.baseUrl()}/api/sync/pull${q}`, { headers: { cookie: session.cookie } });
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as PullResponse;
    for (const r of page.records) if (r.table === 'findings') ids.push(r.id);
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}

/** The first coordinator through the one-time setup link that the server wrote to its DATA_DIR. */
export async function setupCoordinator(baseUrl: string, dataDir: string): Promise<Session> {
  const link = fs.readFileSync(path.join(dataDir, 'setup-link.txt'), 'utf8').trim();
  const token = link.slice(link.indexOf('#') + 1);
  const res = await fetch(`${baseUrl}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({ token, name: 'Fouten Coördinator', login: 'faults@deventer.nl', password: 'Storingsproef-wachtwoord 2026!' }),
  });
  if (res.status !== 201) throw new Error(`setup answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await res.json()) as { user: { id: string; roles: Actor['roles'] } };
  return { baseUrl: () => baseUrl, cookie, actor: { id: me.user.id, roles: me.user.roles } };
}

export interface Figures {
  scenario: string;
  acknowledged: number;
  present: number;
  duplicated: number;
  missing: number;
  resentSameAnswer: number;
  resent: number;
  rejected: number;
  pushFailures: number;
}

/** After the faults: every acknowledged mutation is in a pull, nothing twice, resends get the same answers (R6). */
export async function verify(scenario: string, session: Session, devices: FaultDevice[]): Promise<Figures> {
  const ids = await pullAllFindingIds(session);
  const present = new Set(ids);
  const acked = devices.flatMap((d) => [...d.acknowledged].map(([id, a]) => ({ m: d.sent.get(id)!, a })));
  const accepted = acked.filter((x) => x.a.status === 'accepted');
  const missing = accepted.filter((x) => !present.has(x.m.recordId)).length;
  let same = 0;
  for (const d of devices) {
    const mine = [...d.acknowledged.keys()].map((id) => d.sent.get(id)!).sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < mine.length; i += 50) {
      const results = await postPush(session, mine.slice(i, i + 50));
      if (!results) continue;
      for (const r of results) {
        const before = d.acknowledged.get(r.mutationId)!;
        if (r.status === before.status && (r.status !== 'accepted' || r.revision === before.revision)) same++;
      }
    }
  }
  const figures: Figures = {
    scenario,
    acknowledged: acked.length,
    present: accepted.length - missing,
    duplicated: ids.length - present.size,
    missing,
    resentSameAnswer: same,
    resent: acked.length,
    rejected: acked.length - accepted.length,
    pushFailures: devices.reduce((n, d) => n + d.failures, 0),
  };
  // Read in the CI log: what was acknowledged, what a pull holds, what came twice.
  console.log(
    `faults: ${scenario}: acknowledged ${figures.acknowledged}, present ${figures.present}, missing ${figures.missing}, duplicated ${figures.duplicated}, ` +
      `resends with the same answer ${figures.resentSameAnswer}/${figures.resent}, rejected ${figures.rejected}, failed pushes ${figures.pushFailures}`,
  );
  return figures;
}

/** Every device pushes until its outbox is empty, while `fault` runs beside them; bounded by rounds, not time. */
export async function pushUntilDrained(devices: FaultDevice[], maxRounds = 1500): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    const busy = devices.filter((d) => d.outbox.length > 0);
    if (busy.length === 0) return;
    const failuresBefore = busy.reduce((n, d) => n + d.failures, 0);
    await Promise.all(busy.map((d) => d.pushOnce()));
    const failed = busy.reduce((n, d) => n + d.failures, 0) > failuresBefore;
    // While the server or its database is away, wait a little longer between tries, as the engine does.
    await new Promise((r) => setTimeout(r, failed ? 100 : 25));
  }
}

/** Resolves once the devices together have this many acknowledged mutations (or gave up). */
export async function whenAcknowledged(devices: FaultDevice[], n: number, maxPolls = 3000): Promise<void> {
  for (let i = 0; i < maxPolls; i++) {
    if (devices.reduce((k, d) => k + d.acknowledged.size, 0) >= n) return;
    if (devices.every((d) => d.outbox.length === 0)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
