import { describe, expect, it } from 'vitest';
import { mayRunCommand, type Actor, type FindingCommandKind } from '../../src/domain/findingStatus';
import { finding } from './followupFixtures';

/** What the walk and follow-up screens offer on a finding: the same rule the domain (and so the server) applies. */
const walker: Actor = { id: 'u-walker', roles: ['schouwer'] };
const manager: Actor = { id: 'u-manager', roles: ['wijkbeheerder'] };
const partner: Actor = { id: 'u-partner', roles: ['partner'] };
const coordinator: Actor = { id: 'u-coord', roles: ['coordinator'] };
const ownOpen = finding({ createdBy: 'u-walker', status: 'open' });
const othersOpen = finding({ createdBy: 'u-someone', status: 'open' });
const ownAssigned = finding({ createdBy: 'u-walker', status: 'assigned', owner: 'police', dueDate: '2030-01-01' });

const rows: [string, Actor, ReturnType<typeof finding>, FindingCommandKind, boolean][] = [
  ['a schouwer moves their own open finding', walker, ownOpen, 'move', true],
  ['a schouwer removes their own open finding', walker, ownOpen, 'remove', true],
  ["a schouwer may not edit someone else's finding", walker, othersOpen, 'change_description', false],
  ['a schouwer may not edit their finding once follow-up started', walker, ownAssigned, 'change_description', false],
  ['a schouwer may not assign', walker, ownOpen, 'assign', false],
  ['a schouwer may not judge a finding fixed', walker, ownOpen, 'fix', false],
  ['a wijkbeheerder assigns any finding', manager, othersOpen, 'assign', true],
  ['a wijkbeheerder adds a progress photo', manager, ownAssigned, 'add_photo', true],
  ["a wijkbeheerder does not move a walker's point", manager, othersOpen, 'move', false],
  ['a partner comments on nothing', partner, othersOpen, 'comment', false],
  ['a coordinator may do anything', coordinator, ownAssigned, 'move', true],
];

describe('mayRunCommand', () => {
  for (const [what, actor, f, kind, expected] of rows) {
    it(what, () => {
      expect(mayRunCommand(kind, f, actor)).toBe(expected);
    });
  }
});
