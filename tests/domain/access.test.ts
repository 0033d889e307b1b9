import { describe, expect, it } from 'vitest';
import { accessTable, allows, can, capabilities, type Capability } from '../../src/domain/access';
import { roles, type Role } from '../../src/domain/findingStatus';
import { accessTable as serverTable } from '../../src/server/auth/accessTable';

/**
 * The role → capability function the menus, the routes and the sync engine ask. Table-driven: one
 * row per capability with the roles that have it (nobody signed in has none). The routes behind the
 * capabilities are the same entries the server's role matrix (tests/server/roleMatrix.test.ts) walks.
 */
const expected: Record<Capability, readonly Role[]> = {
  sync: ['coordinator', 'schouwer', 'wijkbeheerder'],
  people: ['coordinator', 'schouwer', 'wijkbeheerder'],
  manageUsers: ['coordinator'],
  editAreas: ['coordinator'],
  walk: ['coordinator', 'schouwer'],
  followUpView: ['coordinator', 'schouwer', 'wijkbeheerder'],
  followUp: ['coordinator', 'wijkbeheerder'],
  shopsView: ['coordinator'],
  editShops: ['coordinator'],
  certify: ['coordinator'],
  correctTables: ['coordinator'],
  myActions: ['coordinator', 'schouwer', 'wijkbeheerder', 'partner'],
  manageOwners: ['coordinator'],
  viewMail: ['coordinator'],
  manageSurvey: ['coordinator'],
  moderateWorries: ['coordinator'],
};

describe('can(roles, capability)', () => {
  it('lists every capability in the table', () => {
    expect([...capabilities].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const capability of capabilities) {
    for (const role of roles) {
      const yes = expected[capability].includes(role);
      it(`${role} ${yes ? 'may' : 'may not'} ${capability}`, () => {
        expect(can([role], capability)).toBe(yes);
      });
    }
    it(`nobody signed in may not ${capability}`, () => {
      expect(can(null, capability)).toBe(false);
    });
  }

  it('roles add up: a schouwer who is also wijkbeheerder may walk and follow up', () => {
    expect(can(['schouwer', 'wijkbeheerder'], 'walk')).toBe(true);
    expect(can(['schouwer', 'wijkbeheerder'], 'followUp')).toBe(true);
    expect(can(['schouwer', 'wijkbeheerder'], 'manageUsers')).toBe(false);
  });

  it('a partner may not sync, as the server refuses them /api/sync/* and /api/photos/*', () => {
    for (const key of ['POST /api/sync/push', 'GET /api/sync/pull', 'PUT /api/photos/:sha256', 'GET /api/photos/:sha256'] as const) {
      expect(allows(accessTable[key], ['partner'], true)).toBe(false);
    }
    expect(can(['partner'], 'sync')).toBe(false);
  });

  it('the server guards with the very same table the client reads', () => {
    expect(serverTable).toBe(accessTable);
  });
});
