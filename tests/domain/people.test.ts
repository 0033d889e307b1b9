import { describe, expect, it } from 'vitest';
import { actorName, type NameContext } from '../../src/domain/people';

/** SPEC.md R23b: who did a change, as the screens say it. Table-driven. */
const ctx: NameContext = {
  people: new Map([
    ['u-sanne', { name: 'Sanne Schouwer', organisation: 'Politie' }],
    ['u-blank', { name: '  ', organisation: null }],
  ]),
  pending: new Set(['e-local']),
};

const cases: [string, string | null | undefined, string | undefined, ReturnType<typeof actorName>][] = [
  ['a known person by name, with organisation', 'u-sanne', 'e-synced', { kind: 'person', name: 'Sanne Schouwer', organisation: 'Politie' }],
  ['a change still in the outbox is this device, whoever made it', 'u-sanne', 'e-local', { kind: 'thisDevice' }],
  ['an id nobody knows is unknown, not the id', 'b2fcd179-0000-4000-8000-000000000000', 'e-synced', { kind: 'unknown' }],
  ["an anonymous device's id that reached nobody's directory is unknown", 'device:abc', undefined, { kind: 'unknown' }],
  ['a person without a usable name is unknown', 'u-blank', undefined, { kind: 'unknown' }],
  ['no actor at all is unknown', null, undefined, { kind: 'unknown' }],
  ['without a change id only the directory counts', 'u-sanne', undefined, { kind: 'person', name: 'Sanne Schouwer', organisation: 'Politie' }],
];

describe('actorName', () => {
  for (const [what, actor, change, expected] of cases) {
    it(what, () => {
      expect(actorName(actor, ctx, change)).toEqual(expected);
    });
  }
  it('an empty outbox never says "this device"', () => {
    expect(actorName('u-sanne', { people: ctx.people }, 'e-local')).toMatchObject({ kind: 'person' });
  });
});
