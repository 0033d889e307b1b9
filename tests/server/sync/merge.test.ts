/**
 * Table-driven merge cases (SPEC.md R12, R13, R15). Two devices change the same record from the same
 * base; every case runs in both arrival orders, and says what must hold in each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/finding';
import type { FindingCommand } from '../../../src/domain/findingStatus';
import type { Mutation, MutationResult, PullResponse, PushResponse, RecordVersion } from '../../../src/sync/protocol';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';
import { TestDevice } from '../../support/syncMutations';

let server: SyncServer;
const users: Record<'schouwer' | 'beheerder' | 'beheerder2' | 'coordinator', TestUser> = {} as never;

beforeAll(async () => {
  server = await startSyncServer();
  users.schouwer = await server.user(['schouwer']);
  users.beheerder = await server.user(['wijkbeheerder']);
  users.beheerder2 = await server.user(['wijkbeheerder']);
  users.coordinator = await server.user(['coordinator']);
});
afterAll(() => server.close());

type Who = keyof typeof users;
interface Side {
  who: Who;
  command: FindingCommand;
}
interface Outcome {
  first: MutationResult;
  second: MutationResult;
  record: RecordVersion;
  events: string[];
  /** Which side arrived first in this run. */
  order: 'ab' | 'ba';
}
interface Case {
  name: string;
  /** Commands on the finding before both devices go offline (by the coordinator, who may do all). */
  before?: FindingCommand[];
  a: Side;
  b: Side;
  check(o: Outcome, at: (side: 'a' | 'b') => MutationResult): void;
}

const cases: Case[] = [
  {
    name: 'R12: different fields edited on two devices both survive, without a conflict',
    a: { who: 'schouwer', command: { kind: 'change_description', description: 'Lamp knippert' } },
    b: { who: 'schouwer', command: { kind: 'change_severity', severity: 'high' } },
    check(o) {
      expect(o.record.data).toMatchObject({ description: 'Lamp knippert', severity: 'high' });
      expect(o.record.conflicts).toEqual([]);
    },
  },
  {
    name: 'R13: the same field on two devices: the later arrival wins, the loser stays in history and shows as conflict',
    a: { who: 'schouwer', command: { kind: 'change_description', description: 'versie A' } },
    b: { who: 'schouwer', command: { kind: 'change_description', description: 'versie B' } },
    check(o) {
      const [winner, loser] = o.order === 'ab' ? ['versie B', 'versie A'] : ['versie A', 'versie B'];
      expect(o.record.data.description).toBe(winner);
      expect(o.record.conflicts).toEqual([expect.objectContaining({ field: 'description', lost: loser, won: winner })]);
      expect(o.events.filter((e) => e === `description_changed:${loser}`)).toHaveLength(1);
      expect(o.events.filter((e) => e === `description_changed:${winner}`)).toHaveLength(1);
    },
  },
  {
    name: 'R12/R15: a schouwer moves the point while the wijkbeheerder sets the owner: both kept',
    a: { who: 'schouwer', command: { kind: 'move', point: { type: 'Point', coordinates: [6.17, 52.26] }, areaId: null } },
    b: { who: 'beheerder', command: { kind: 'set_owner', owner: 'police' } },
    check(o) {
      expect(o.record.data).toMatchObject({ owner: 'police', point: { type: 'Point', coordinates: [6.17, 52.26] } });
      expect(o.record.conflicts).toEqual([]);
    },
  },
  {
    name: "R15: the schouwer's late edit after follow-up started is refused by the domain, in whichever order it arrives",
    a: { who: 'schouwer', command: { kind: 'change_description', description: 'te laat?' } },
    b: { who: 'beheerder', command: { kind: 'assign', owner: 'municipality', dueDate: '2026-05-01' } },
    check(o, at) {
      // First the schouwer: allowed on the open finding; then the assign is allowed too.
      if (o.order === 'ab') {
        expect(at('a').status).toBe('accepted');
        expect(o.record.data).toMatchObject({ description: 'te laat?', status: 'assigned' });
      } else {
        expect(at('a')).toMatchObject({ status: 'rejected', reason: 'not_allowed_for_role' });
        expect(o.record.data).toMatchObject({ description: 'Lamp kapot', status: 'assigned' });
      }
      expect(at('b').status).toBe('accepted');
    },
  },
  {
    name: 'R15: two wijkbeheerders close the same finding differently: the first wins, the second is refused with invalid_transition',
    a: { who: 'beheerder', command: { kind: 'fix', note: 'gerepareerd' } },
    b: { who: 'beheerder2', command: { kind: 'wont_fix', reason: 'niet van ons' } },
    check(o, at) {
      const firstSide = o.order === 'ab' ? 'a' : 'b';
      const secondSide = o.order === 'ab' ? 'b' : 'a';
      expect(at(firstSide).status).toBe('accepted');
      expect(at(secondSide)).toMatchObject({ status: 'rejected', reason: 'invalid_transition' });
      expect(o.record.data.status).toBe(o.order === 'ab' ? 'fixed' : 'wont_fix');
    },
  },
  {
    name: 'R14/R15: comments from two devices are both kept; they never conflict',
    a: { who: 'beheerder', command: { kind: 'comment', text: 'gebeld' } },
    b: { who: 'beheerder2', command: { kind: 'comment', text: 'gemaild' } },
    check(o) {
      expect(o.events.filter((e) => e.startsWith('comment:')).sort()).toEqual(['comment:gebeld', 'comment:gemaild']);
      expect(o.record.conflicts).toEqual([]);
    },
  },
  {
    name: 'R15: the same fix from two devices: both accepted (no_change is not a refusal), the finding is fixed once',
    a: { who: 'beheerder', command: { kind: 'fix', note: 'klaar' } },
    b: { who: 'beheerder2', command: { kind: 'fix', note: 'klaar' } },
    check(o) {
      expect([o.first.status, o.second.status]).toEqual(['accepted', 'accepted']);
      expect(o.record.data).toMatchObject({ status: 'fixed', fixNote: 'klaar' });
    },
  },
];

async function push(user: TestUser, m: Mutation): Promise<MutationResult> {
  const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: user.headers, payload: { mutations: [m] } });
  expect(res.statusCode).toBe(200);
  return (res.json() as PushResponse).results[0]!;
}

async function run(c: Case, order: 'ab' | 'ba'): Promise<void> {
  const origin = new TestDevice(users.schouwer);
  const created = origin.create();
  let base = (await push(users.schouwer, created.mutation)) as Extract<MutationResult, { status: 'accepted' }>;
  let finding: Finding = base.record!.data as unknown as Finding;
  const admin = new TestDevice(users.coordinator);
  for (const cmd of c.before ?? []) {
    const step = admin.change(finding, cmd, base.revision);
    base = (await push(users.coordinator, step.mutation)) as typeof base;
    finding = base.record!.data as unknown as Finding;
  }
  const made = { a: new TestDevice(users[c.a.who]).change(finding, c.a.command, base.revision), b: new TestDevice(users[c.b.who]).change(finding, c.b.command, base.revision) };
  const sides = order === 'ab' ? (['a', 'b'] as const) : (['b', 'a'] as const);
  const results = { a: undefined as unknown as MutationResult, b: undefined as unknown as MutationResult };
  for (const s of sides) results[s] = await push(users[c[s].who], made[s].mutation);
  const page = (await server.app.inject({ method: 'GET', url: '/api/sync/pull?since=0&limit=1000', headers: users.coordinator.headers })).json() as PullResponse;
  const record = page.records.find((r) => r.id === finding.id)!;
  const events = page.events.filter((e) => e.event.findingId === finding.id).map((e) => `${e.event.kind}:${e.event.kind === 'comment' ? e.event.note : String(e.event.after)}`);
  c.check({ first: results[sides[0]], second: results[sides[1]], record, events, order }, (s) => results[s]);
}

describe('merge', () => {
  for (const c of cases) {
    it(`${c.name} (A arrives first)`, () => run(c, 'ab'));
    it(`${c.name} (B arrives first)`, () => run(c, 'ba'));
  }
});
