import { describe, expect, it } from 'vitest';
import {
  findingEventSchema,
  findingSchema,
  findingStatuses,
  type Finding,
  type FindingEvent,
  type FindingStatus,
} from '../../src/domain/finding';
import {
  applyFindingCommand,
  createFinding,
  findingCommandSchema,
  type Actor,
  type FindingCommand,
  type FindingCommandKind,
} from '../../src/domain/findingStatus';
import { categoryListSchema, defaultCategories } from '../../src/domain/categories';
import type { PointGeometry } from '../../src/domain/geojson';
import { reasonCodes, reasonMessage, type ReasonCode } from '../../src/domain/reasons';

const ID = '01960000-0000-7000-8000-000000000001';
const EARLIER_TARGET = '01960000-0000-7000-8000-000000000002';
const NEW_TARGET = '01960000-0000-7000-8000-000000000003';
const PHOTO_A = 'a'.repeat(64);
const PHOTO_B = 'b'.repeat(64);
const CREATED = '2026-03-10T09:00:00.000Z';
const NOW = new Date('2026-04-01T10:00:00.000Z');

const actors = {
  partner: { id: 'u-partner', roles: ['partner'] },
  schouwer_own: { id: 'u-walker', roles: ['schouwer'] },
  schouwer_other: { id: 'u-walker-2', roles: ['schouwer'] },
  wijkbeheerder: { id: 'u-wb', roles: ['wijkbeheerder'] },
  coordinator: { id: 'u-coord', roles: ['coordinator'] },
} satisfies Record<string, Actor>;
type ActorKey = keyof typeof actors;

/** A valid finding made by 'u-walker', in the given status, with what that status implies. */
function findingIn(status: FindingStatus): Finding {
  const open: Finding = {
    id: ID,
    municipality: 'deventer',
    areaId: 'centrum',
    point: { type: 'Point', coordinates: [6.16, 52.255] },
    categoryCode: 'lighting',
    description: 'Lamp kapot',
    severity: 'medium',
    photoHashes: [PHOTO_A],
    owner: null,
    dueDate: null,
    status: 'open',
    fixNote: null,
    wontFixReason: null,
    duplicateOf: null,
    createdAt: CREATED,
    createdBy: 'u-walker',
    updatedAt: CREATED,
    removed: false,
  };
  if (status === 'open') return open;
  const followed: Finding = { ...open, status, owner: 'municipality', dueDate: '2026-05-01' };
  switch (status) {
    case 'fixed':
    case 'verified':
      return { ...followed, fixNote: 'Lamp vervangen' };
    case 'wont_fix':
      return { ...followed, wontFixReason: 'Particulier terrein' };
    case 'duplicate':
      return { ...followed, duplicateOf: EARLIER_TARGET };
    default:
      return followed;
  }
}

// One command of each kind, each of which changes something on every fixture above.
const commands: Record<FindingCommandKind, FindingCommand> = {
  assign: { kind: 'assign', owner: 'police', dueDate: '2026-06-15' },
  set_owner: { kind: 'set_owner', owner: 'shops' },
  set_due_date: { kind: 'set_due_date', dueDate: '2026-07-01' },
  start: { kind: 'start' },
  fix: { kind: 'fix', note: 'Lamp vervangen door gemeente' },
  verify: { kind: 'verify' },
  wont_fix: { kind: 'wont_fix', reason: 'Valt buiten de afspraken' },
  mark_duplicate: { kind: 'mark_duplicate', targetId: NEW_TARGET },
  reopen: { kind: 'reopen' },
  comment: { kind: 'comment', text: 'Eigenaar gebeld' },
  move: { kind: 'move', point: { type: 'Point', coordinates: [6.1605, 52.254] }, areaId: 'centrum' },
  change_category: { kind: 'change_category', categoryCode: 'graffiti_vandalism' },
  change_description: { kind: 'change_description', description: 'Lamp in de steeg brandt niet' },
  change_severity: { kind: 'change_severity', severity: 'high' },
  add_photo: { kind: 'add_photo', photoHash: PHOTO_B },
  remove: { kind: 'remove' },
};

/*
 * The expected outcome of every command × role × status, written out by hand from the rules in
 * DOMAIN.md and the brief (not from the code). Columns, in order:
 *   open  assigned  in_progress  fixed  verified  wont_fix  duplicate
 * ok = allowed; role = not_allowed_for_role; trans = invalid_transition; same = no_change.
 */
const ROLE = 'role  role  role  role  role  role  role';
const table: Record<FindingCommandKind, Record<ActorKey, string>> = {
  assign: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    trans trans trans trans',
    coordinator: 'ok    ok    ok    trans trans trans trans',
  },
  set_owner: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    trans trans trans trans',
    coordinator: 'ok    ok    ok    trans trans trans trans',
  },
  set_due_date: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    trans trans trans trans',
    coordinator: 'ok    ok    ok    trans trans trans trans',
  },
  start: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'trans ok    same  trans trans trans trans',
    coordinator: 'trans ok    same  trans trans trans trans',
  },
  fix: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    same  trans trans trans',
    coordinator: 'ok    ok    ok    same  trans trans trans',
  },
  verify: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'trans trans trans ok    same  trans trans',
    coordinator: 'trans trans trans ok    same  trans trans',
  },
  wont_fix: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    trans trans same  trans',
    coordinator: 'ok    ok    ok    trans trans same  trans',
  },
  mark_duplicate: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    trans trans trans same',
    coordinator: 'ok    ok    ok    trans trans trans same',
  },
  reopen: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'same  trans trans ok    ok    ok    ok',
    coordinator: 'same  trans trans ok    ok    ok    ok',
  },
  comment: {
    partner: ROLE,
    schouwer_own: ROLE,
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    ok    ok    ok    ok',
    coordinator: 'ok    ok    ok    ok    ok    ok    ok',
  },
  move: {
    partner: ROLE,
    schouwer_own: 'ok    role  role  role  role  role  role',
    schouwer_other: ROLE,
    wijkbeheerder: ROLE,
    coordinator: 'ok    ok    ok    ok    ok    ok    ok',
  },
  change_category: {
    partner: ROLE,
    schouwer_own: 'ok    role  role  role  role  role  role',
    schouwer_other: ROLE,
    wijkbeheerder: ROLE,
    coordinator: 'ok    ok    ok    ok    ok    ok    ok',
  },
  change_description: {
    partner: ROLE,
    schouwer_own: 'ok    role  role  role  role  role  role',
    schouwer_other: ROLE,
    wijkbeheerder: ROLE,
    coordinator: 'ok    ok    ok    ok    ok    ok    ok',
  },
  change_severity: {
    partner: ROLE,
    schouwer_own: 'ok    role  role  role  role  role  role',
    schouwer_other: ROLE,
    wijkbeheerder: ROLE,
    coordinator: 'ok    ok    ok    ok    ok    ok    ok',
  },
  add_photo: {
    partner: ROLE,
    schouwer_own: 'ok    role  role  role  role  role  role',
    schouwer_other: ROLE,
    wijkbeheerder: 'ok    ok    ok    ok    ok    ok    ok',
    coordinator: 'ok    ok    ok    ok    ok    ok    ok',
  },
  remove: {
    partner: ROLE,
    schouwer_own: 'ok    role  role  role  role  role  role',
    schouwer_other: ROLE,
    wijkbeheerder: ROLE,
    coordinator: 'ok    ok    ok    ok    ok    ok    ok',
  },
};

const shorthand: Record<string, ReasonCode | 'ok'> = {
  ok: 'ok',
  role: 'not_allowed_for_role',
  trans: 'invalid_transition',
  same: 'no_change',
};
const statusColumns: FindingStatus[] = ['open', 'assigned', 'in_progress', 'fixed', 'verified', 'wont_fix', 'duplicate'];

const cases = (Object.keys(table) as FindingCommandKind[]).flatMap((kind) =>
  (Object.keys(actors) as ActorKey[]).flatMap((who) => {
    const cells = table[kind][who].trim().split(/\s+/);
    return statusColumns.map((status, i) => ({ kind, who, status, expected: shorthand[cells[i]!]! }));
  }),
);

let seq = 0;
const newId = () => `01960000-0000-7000-9000-${String(++seq).padStart(12, '0')}`;

describe('applyFindingCommand: every command × status × role', () => {
  it('the table covers every command, every status and every role', () => {
    const kinds = findingCommandSchema.options.map((o) => o.shape.kind.value);
    expect(Object.keys(table).sort()).toEqual([...kinds].sort());
    expect([...statusColumns].sort()).toEqual([...findingStatuses].sort());
    expect(cases).toHaveLength(kinds.length * findingStatuses.length * Object.keys(actors).length);
    for (const c of cases) expect(c.expected, `${c.kind} ${c.who} ${c.status}`).toBeDefined();
  });

  it.each(cases)('$kind by $who on $status → $expected', ({ kind, who, status, expected }) => {
    const before = findingIn(status);
    const frozen = structuredClone(before);
    const result = applyFindingCommand(before, commands[kind], actors[who], NOW, { newId });
    expect(before).toEqual(frozen); // pure: the input is not touched
    if (expected === 'ok') {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) return;
      expect(findingSchema.safeParse(result.finding).success).toBe(true);
      expect(result.events.length).toBeGreaterThan(0);
      for (const e of result.events) {
        expect(findingEventSchema.safeParse(e).success).toBe(true);
        expect(e).toMatchObject({ findingId: ID, at: NOW.toISOString(), by: actors[who].id });
      }
    } else {
      expect(result).toMatchObject({ ok: false, reason: expected });
    }
  });
});

type EventDraft = Pick<FindingEvent, 'kind' | 'before' | 'after' | 'note'>;

/** Runs a command that must succeed and checks the whole finding and the exact events. */
function expectChange(
  before: Finding,
  command: FindingCommand,
  changed: Partial<Finding>,
  events: EventDraft[],
  actor: Actor = actors.coordinator,
) {
  const result = applyFindingCommand(before, command, actor, NOW, { newId });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (!result.ok) return;
  expect(result.finding).toEqual({ ...before, ...changed, updatedAt: NOW.toISOString() });
  expect(result.events.map(({ kind, before: b, after, note }) => ({ kind, before: b, after, note }))).toEqual(events);
  const ids = result.events.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('applyFindingCommand: exactly the expected change and events', () => {
  it('assign on an open finding: owner, due date and status, in that order', () => {
    expectChange(
      findingIn('open'),
      { kind: 'assign', owner: 'police', dueDate: '2026-06-15' },
      { owner: 'police', dueDate: '2026-06-15', status: 'assigned' },
      [
        { kind: 'owner_changed', before: null, after: 'police', note: null },
        { kind: 'due_date_changed', before: null, after: '2026-06-15', note: null },
        { kind: 'status_changed', before: 'open', after: 'assigned', note: null },
      ],
    );
  });

  it('assign while in progress keeps the status and reports only what changed', () => {
    expectChange(
      findingIn('in_progress'),
      { kind: 'assign', owner: 'municipality', dueDate: '2026-06-15' },
      { dueDate: '2026-06-15' },
      [{ kind: 'due_date_changed', before: '2026-05-01', after: '2026-06-15', note: null }],
      actors.wijkbeheerder,
    );
  });

  it('set_owner and set_due_date never move the status', () => {
    expectChange(findingIn('open'), { kind: 'set_owner', owner: 'fire_brigade' }, { owner: 'fire_brigade' }, [
      { kind: 'owner_changed', before: null, after: 'fire_brigade', note: null },
    ]);
    expectChange(findingIn('assigned'), { kind: 'set_due_date', dueDate: '2026-05-02' }, { dueDate: '2026-05-02' }, [
      { kind: 'due_date_changed', before: '2026-05-01', after: '2026-05-02', note: null },
    ]);
    const openWithDate = { ...findingIn('open'), dueDate: '2026-05-01' };
    expectChange(openWithDate, { kind: 'set_due_date', dueDate: null }, { dueDate: null }, [
      { kind: 'due_date_changed', before: '2026-05-01', after: null, note: null },
    ]);
  });

  it('start', () => {
    expectChange(findingIn('assigned'), { kind: 'start', note: 'Monteur besteld' }, { status: 'in_progress' }, [
      { kind: 'status_changed', before: 'assigned', after: 'in_progress', note: 'Monteur besteld' },
    ]);
  });

  it('fix with a note keeps the note on the finding and on the event', () => {
    expectChange(
      findingIn('in_progress'),
      { kind: 'fix', note: '  Lamp vervangen\n door Enexis ' },
      { status: 'fixed', fixNote: 'Lamp vervangen door Enexis' },
      [{ kind: 'status_changed', before: 'in_progress', after: 'fixed', note: 'Lamp vervangen door Enexis' }],
    );
  });

  it('fix with only a new photo adds the photo too', () => {
    expectChange(
      findingIn('assigned'),
      { kind: 'fix', photoHash: PHOTO_B },
      { status: 'fixed', photoHashes: [PHOTO_A, PHOTO_B] },
      [
        { kind: 'status_changed', before: 'assigned', after: 'fixed', note: null },
        { kind: 'photo_added', before: null, after: PHOTO_B, note: null },
      ],
    );
  });

  it('fix with a photo the finding already has adds no photo event', () => {
    expectChange(findingIn('open'), { kind: 'fix', photoHash: PHOTO_A }, { status: 'fixed' }, [
      { kind: 'status_changed', before: 'open', after: 'fixed', note: null },
    ]);
  });

  it('verify', () => {
    expectChange(findingIn('fixed'), { kind: 'verify' }, { status: 'verified' }, [
      { kind: 'status_changed', before: 'fixed', after: 'verified', note: null },
    ]);
  });

  it('wont_fix', () => {
    expectChange(
      findingIn('open'),
      { kind: 'wont_fix', reason: 'Particulier terrein' },
      { status: 'wont_fix', wontFixReason: 'Particulier terrein' },
      [{ kind: 'status_changed', before: 'open', after: 'wont_fix', note: 'Particulier terrein' }],
    );
  });

  it('mark_duplicate: the status and the target are two aspects, two events', () => {
    expectChange(
      findingIn('assigned'),
      { kind: 'mark_duplicate', targetId: NEW_TARGET },
      { status: 'duplicate', duplicateOf: NEW_TARGET },
      [
        { kind: 'status_changed', before: 'assigned', after: 'duplicate', note: null },
        { kind: 'marked_duplicate', before: null, after: NEW_TARGET, note: null },
      ],
    );
  });

  it('reopening a fixed finding adds a reopened event and clears the fix note', () => {
    expectChange(
      findingIn('fixed'),
      { kind: 'reopen', note: 'Lamp weer kapot' },
      { status: 'open', fixNote: null },
      [{ kind: 'reopened', before: 'fixed', after: 'open', note: 'Lamp weer kapot' }],
      actors.wijkbeheerder,
    );
  });

  it('reopening clears the reason and the duplicate target, keeps owner and due date', () => {
    expectChange(findingIn('wont_fix'), { kind: 'reopen' }, { status: 'open', wontFixReason: null }, [
      { kind: 'reopened', before: 'wont_fix', after: 'open', note: null },
    ]);
    expectChange(findingIn('duplicate'), { kind: 'reopen' }, { status: 'open', duplicateOf: null }, [
      { kind: 'reopened', before: 'duplicate', after: 'open', note: null },
    ]);
    expectChange(findingIn('verified'), { kind: 'reopen' }, { status: 'open', fixNote: null }, [
      { kind: 'reopened', before: 'verified', after: 'open', note: null },
    ]);
  });

  it('comment changes nothing on the finding but updatedAt', () => {
    expectChange(findingIn('in_progress'), { kind: 'comment', text: 'Eigenaar\ngebeld' }, {}, [
      { kind: 'comment', before: null, after: null, note: 'Eigenaar gebeld' },
    ]);
  });

  it('move records the old and new place, area included', () => {
    const to: PointGeometry = { type: 'Point', coordinates: [6.17, 52.25] };
    expectChange(
      findingIn('open'),
      { kind: 'move', point: to, areaId: null },
      { point: to, areaId: null },
      [
        {
          kind: 'moved',
          before: { point: { type: 'Point', coordinates: [6.16, 52.255] }, areaId: 'centrum' },
          after: { point: to, areaId: null },
          note: null,
        },
      ],
      actors.schouwer_own,
    );
  });

  it('category, description, severity, photo and remove', () => {
    const open = findingIn('open');
    const walker = actors.schouwer_own;
    expectChange(open, { kind: 'change_category', categoryCode: 'parking' }, { categoryCode: 'parking' }, [
      { kind: 'category_changed', before: 'lighting', after: 'parking', note: null },
    ], walker);
    expectChange(
      open,
      { kind: 'change_description', description: ' Lamp\r\nbij de steeg ' },
      { description: 'Lamp bij de steeg' },
      [{ kind: 'description_changed', before: 'Lamp kapot', after: 'Lamp bij de steeg', note: null }],
      walker,
    );
    expectChange(open, { kind: 'change_severity', severity: 'low' }, { severity: 'low' }, [
      { kind: 'severity_changed', before: 'medium', after: 'low', note: null },
    ], walker);
    expectChange(open, { kind: 'add_photo', photoHash: PHOTO_B }, { photoHashes: [PHOTO_A, PHOTO_B] }, [
      { kind: 'photo_added', before: null, after: PHOTO_B, note: null },
    ], walker);
    expectChange(open, { kind: 'remove', note: 'Dubbel getikt' }, { removed: true }, [
      { kind: 'removed', before: false, after: true, note: 'Dubbel getikt' },
    ], walker);
  });
});

describe('applyFindingCommand: refusals with their reason', () => {
  const run = (f: Finding, command: FindingCommand, actor: Actor = actors.coordinator) =>
    applyFindingCommand(f, command, actor, NOW, { newId });
  const refused = (reason: ReasonCode, field?: string) =>
    field === undefined ? { ok: false, reason } : { ok: false, reason, field };

  it('no_change when the values are already there', () => {
    const assigned = findingIn('assigned');
    expect(run(assigned, { kind: 'assign', owner: 'municipality', dueDate: '2026-05-01' })).toEqual(refused('no_change'));
    expect(run(assigned, { kind: 'set_owner', owner: 'municipality' })).toEqual(refused('no_change'));
    expect(run(assigned, { kind: 'move', point: assigned.point, areaId: 'centrum' })).toEqual(refused('no_change'));
    expect(run(assigned, { kind: 'change_category', categoryCode: 'lighting' })).toEqual(refused('no_change'));
    expect(run(assigned, { kind: 'change_description', description: ' Lamp kapot ' })).toEqual(refused('no_change'));
    expect(run(assigned, { kind: 'change_severity', severity: 'medium' })).toEqual(refused('no_change'));
    expect(run(assigned, { kind: 'add_photo', photoHash: PHOTO_A })).toEqual(refused('no_change'));
  });

  it('fix needs a note or a photo', () => {
    expect(run(findingIn('in_progress'), { kind: 'fix' })).toEqual(refused('needs_fix_note', 'note'));
    expect(run(findingIn('in_progress'), { kind: 'fix', note: ' \n ' })).toEqual(refused('needs_fix_note', 'note'));
    expect(run(findingIn('in_progress'), { kind: 'fix', photoHash: 'not-a-hash' })).toEqual(
      refused('invalid_photo', 'photoHash'),
    );
  });

  it('wont_fix needs a reason; mark_duplicate needs another finding', () => {
    expect(run(findingIn('open'), { kind: 'wont_fix', reason: '   ' })).toEqual(refused('needs_reason', 'reason'));
    expect(run(findingIn('open'), { kind: 'mark_duplicate', targetId: '' })).toEqual(
      refused('needs_duplicate_target', 'targetId'),
    );
    expect(run(findingIn('open'), { kind: 'mark_duplicate', targetId: ID })).toEqual(
      refused('duplicate_of_self', 'targetId'),
    );
    expect(run(findingIn('open'), { kind: 'mark_duplicate', targetId: 'x' })).toEqual(refused('invalid_input', 'targetId'));
  });

  it('a due date must be a real day, not before the finding was made', () => {
    const open = findingIn('open');
    for (const dueDate of ['2026-02-30', '15-06-2026', '', '2026-03-09']) {
      expect(run(open, { kind: 'assign', owner: 'police', dueDate }), dueDate).toEqual(
        refused('invalid_due_date', 'dueDate'),
      );
    }
    // Creation day itself (in Amsterdam) is fine.
    expect(run(open, { kind: 'assign', owner: 'police', dueDate: '2026-03-10' }).ok).toBe(true);
    // Once assigned, owner and due date cannot be cleared.
    expect(run(findingIn('assigned'), { kind: 'set_due_date', dueDate: null })).toEqual(
      refused('invalid_due_date', 'dueDate'),
    );
    expect(run(findingIn('in_progress'), { kind: 'set_owner', owner: null })).toEqual(refused('needs_owner', 'owner'));
    expect(run(open, { kind: 'set_owner', owner: null })).toEqual(refused('no_change'));
  });

  it('an invalid point, category, photo or text', () => {
    const open = findingIn('open');
    expect(run(open, { kind: 'move', point: { type: 'Point', coordinates: [6.16, 91] }, areaId: null })).toEqual(
      refused('invalid_point', 'point'),
    );
    expect(run(open, { kind: 'move', point: { type: 'Point', coordinates: [6.16] }, areaId: null })).toEqual(
      refused('invalid_point', 'point'),
    );
    expect(run(open, { kind: 'change_category', categoryCode: 'bike_wrecks' })).toEqual(
      refused('unknown_category', 'categoryCode'),
    );
    expect(run(open, { kind: 'add_photo', photoHash: PHOTO_A.toUpperCase() })).toEqual(
      refused('invalid_photo', 'photoHash'),
    );
    expect(run(open, { kind: 'change_description', description: 'x'.repeat(501) })).toEqual(
      refused('text_too_long', 'description'),
    );
    expect(run(open, { kind: 'change_description', description: 'x'.repeat(500) }).ok).toBe(true);
    expect(run(open, { kind: 'comment', text: ' ' })).toEqual(refused('needs_text', 'text'));
  });

  it("a municipality's own category is accepted with its list", () => {
    const list = categoryListSchema.parse(
      defaultCategories.map((t) =>
        t.code === 'overlast'
          ? { ...t, categories: [...t.categories, { code: 'bike_wrecks', labels: { nl: 'Fietswrakken', en: 'Bike wrecks' } }] }
          : t,
      ),
    );
    const result = applyFindingCommand(
      findingIn('open'),
      { kind: 'change_category', categoryCode: 'bike_wrecks' },
      actors.coordinator,
      NOW,
      { newId, categories: list },
    );
    expect(result.ok).toBe(true);
  });

  it('a removed finding takes no more commands, and the role is checked first', () => {
    const removed = { ...findingIn('open'), removed: true };
    expect(run(removed, { kind: 'comment', text: 'nog iets' })).toEqual(refused('finding_removed'));
    expect(run(removed, { kind: 'remove' }, actors.schouwer_own)).toEqual(refused('finding_removed'));
    expect(run(removed, { kind: 'comment', text: 'nog iets' }, actors.partner)).toEqual(refused('not_allowed_for_role'));
  });

  it('roles add up: a wijkbeheerder who also walks may edit their own open finding', () => {
    const both: Actor = { id: 'u-walker', roles: ['wijkbeheerder', 'schouwer'] };
    expect(run(findingIn('open'), commands.move, both).ok).toBe(true);
    expect(run(findingIn('assigned'), commands.move, both)).toEqual(refused('not_allowed_for_role'));
    expect(run(findingIn('assigned'), commands.start, both).ok).toBe(true);
    const none: Actor = { id: 'u-x', roles: [] };
    expect(run(findingIn('open'), commands.comment, none)).toEqual(refused('not_allowed_for_role'));
  });

  it('every reason has a Dutch and an English message', () => {
    for (const code of reasonCodes) {
      expect(reasonMessage(code, 'nl'), code).toMatch(/\S/);
      expect(reasonMessage(code, 'en'), code).toMatch(/\S/);
      expect(reasonMessage(code, 'nl')).not.toBe(reasonMessage(code, 'en'));
    }
  });
});

describe('createFinding', () => {
  const input = {
    id: ID,
    municipality: 'deventer',
    areaId: 'centrum',
    point: { type: 'Point' as const, coordinates: [6.16, 52.255] },
    categoryCode: 'containers',
    description: ' Container\nniet op slot ',
    severity: 'high' as const,
    photoHashes: [PHOTO_A, PHOTO_A],
  };

  it('makes an open finding and one created event', () => {
    const result = createFinding(input, actors.schouwer_own, NOW, { newId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const at = NOW.toISOString();
    expect(result.finding).toEqual({
      ...input,
      description: 'Container niet op slot',
      photoHashes: [PHOTO_A],
      owner: null,
      dueDate: null,
      status: 'open',
      fixNote: null,
      wontFixReason: null,
      duplicateOf: null,
      createdAt: at,
      createdBy: 'u-walker',
      updatedAt: at,
      removed: false,
    });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ findingId: ID, kind: 'created', at, by: 'u-walker' });
    expect(findingEventSchema.safeParse(result.events[0]).success).toBe(true);
  });

  it('outside every area: areaId null', () => {
    const result = createFinding({ ...input, areaId: null }, actors.coordinator, NOW, { newId });
    expect(result.ok && result.finding.areaId).toBe(null);
  });

  it('refuses roles that do not walk, and bad values with their reason', () => {
    expect(createFinding(input, actors.partner, NOW)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
    expect(createFinding(input, actors.wijkbeheerder, NOW)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
    expect(
      createFinding({ ...input, point: { type: 'Point', coordinates: [200, 52] } }, actors.schouwer_own, NOW),
    ).toEqual({ ok: false, reason: 'invalid_point', field: 'point' });
    expect(createFinding({ ...input, categoryCode: 'x' }, actors.schouwer_own, NOW)).toMatchObject({
      reason: 'unknown_category',
    });
    expect(createFinding({ ...input, description: 'x'.repeat(501) }, actors.schouwer_own, NOW)).toMatchObject({
      reason: 'text_too_long',
    });
    expect(createFinding({ ...input, photoHashes: ['abc'] }, actors.schouwer_own, NOW)).toMatchObject({
      reason: 'invalid_photo',
    });
    expect(createFinding({ ...input, id: 'not-a-uuid' }, actors.schouwer_own, NOW)).toEqual({
      ok: false,
      reason: 'invalid_input',
      field: 'id',
    });
  });

  it('the created finding then follows the whole path to verified and back', () => {
    const created = createFinding(input, actors.schouwer_own, NOW, { newId });
    if (!created.ok) throw new Error('create failed');
    const wb = actors.wijkbeheerder;
    const steps: FindingCommand[] = [
      { kind: 'assign', owner: 'shops', dueDate: '2026-04-15' },
      { kind: 'start' },
      { kind: 'fix', note: 'Slot erop' },
      { kind: 'verify' },
      { kind: 'reopen' },
    ];
    let f = created.finding;
    const kinds: string[] = [];
    for (const step of steps) {
      const r = applyFindingCommand(f, step, wb, NOW, { newId });
      if (!r.ok) throw new Error(`${step.kind}: ${r.reason}`);
      f = r.finding;
      kinds.push(...r.events.map((e) => e.kind));
    }
    expect(f.status).toBe('open');
    expect(kinds).toEqual([
      'owner_changed',
      'due_date_changed',
      'status_changed',
      'status_changed',
      'status_changed',
      'status_changed',
      'reopened',
    ]);
  });
});
