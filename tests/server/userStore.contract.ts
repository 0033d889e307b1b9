import { afterEach, describe, expect, it } from 'vitest';
import { UserStoreError, type NewUser } from '../../src/server/store/UserStore';
import type { StoreFixture } from './store.contract';

const user = (id: string, roles: NewUser['roles'] = ['schouwer'], login = `${id}@test.nl`): NewUser => ({
  id,
  name: `Naam ${id}`,
  login,
  passwordHash: `scrypt$hash-of-${id}`,
  roles,
});
const inOneHour = () => new Date(Date.now() + 3600_000);

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserStoreError) return err.code;
    throw err;
  }
  return 'no refusal';
}

/** The `UserStore` contract (migration 002), run against PGlite and PostgreSQL like the Store contract. */
export function userStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`UserStore contract: ${name}`, () => {
    let fixture: StoreFixture | undefined;
    const setUp = async () => {
      fixture = await open();
      await fixture.store.migrate();
      return fixture.store.users;
    };
    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
    });

    it('setup: the token creates the first coordinator once; every token is gone after', async () => {
      const users = await setUp();
      expect(await users.countUsers()).toBe(0);
      await users.addSetupToken('h1');
      await users.addSetupToken('h2');
      expect(await refusal(users.completeSetup('nope', user('a', ['coordinator'])))).toBe('invalid_token');
      await users.completeSetup('h2', user('a', ['coordinator']));
      expect((await users.getUser('a'))?.roles).toEqual(['coordinator']);
      expect(await refusal(users.completeSetup('h1', user('b', ['coordinator'])))).toBe('setup_done');
      expect(await refusal(users.addSetupToken('h3'))).toBe('setup_done');
      expect(await fixture!.query('SELECT * FROM setup_tokens')).toEqual([]);
    });

    it('two setups at once make one coordinator', async () => {
      const users = await setUp();
      await users.addSetupToken('h1');
      const results = await Promise.allSettled([users.completeSetup('h1', user('a', ['coordinator'])), users.completeSetup('h1', user('b', ['coordinator']))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await users.countUsers()).toBe(1);
    });

    it('invites: used once, not after expiry, the login is unique whatever its case', async () => {
      const users = await setUp();
      await users.addSetupToken('s');
      await users.completeSetup('s', user('boss', ['coordinator']));
      await users.createInvite({ tokenHash: 'i1', roles: ['wijkbeheerder', 'partner'], createdBy: 'boss', expiresAt: inOneHour() });
      await users.createInvite({ tokenHash: 'old', roles: ['partner'], createdBy: 'boss', expiresAt: new Date(Date.now() - 1000) });
      const made = await users.acceptInvite('i1', user('w', [], 'w@test.nl'));
      expect(made.roles).toEqual(['wijkbeheerder', 'partner']);
      expect(await refusal(users.acceptInvite('i1', user('x')))).toBe('invalid_token');
      expect(await refusal(users.acceptInvite('old', user('y')))).toBe('invalid_token');
      await users.createInvite({ tokenHash: 'i2', roles: ['partner'], createdBy: 'boss', expiresAt: inOneHour() });
      expect(await refusal(users.acceptInvite('i2', user('z', [], 'w@test.nl')))).toBe('login_taken');
      // The refusal rolled back: the invite is still usable.
      expect((await users.acceptInvite('i2', user('z', [], 'z@test.nl'))).id).toBe('z');
      expect((await users.getUserByLogin('Z@Test.NL'))?.id).toBe('z');
      expect((await users.listUsers()).map((u) => u.id).sort()).toEqual(['boss', 'w', 'z']);
      expect(JSON.stringify(await users.listUsers())).not.toContain('scrypt');
    });

    it('sessions: found while valid, gone when expired, deleted or the user is disabled', async () => {
      const users = await setUp();
      await users.addSetupToken('s');
      await users.completeSetup('s', user('boss', ['coordinator']));
      await users.createInvite({ tokenHash: 'i', roles: ['schouwer'], createdBy: 'boss', expiresAt: inOneHour() });
      await users.acceptInvite('i', user('s1'));
      await users.createSession({ tokenHash: 't1', userId: 's1', expiresAt: inOneHour() });
      await users.createSession({ tokenHash: 't2', userId: 's1', expiresAt: new Date(Date.now() - 1) });
      expect((await users.findSession('t1'))?.user.id).toBe('s1');
      expect(await users.findSession('t2')).toBeUndefined();
      expect(await users.deleteExpiredSessions()).toBe(1);
      const later = new Date(Date.now() + 7200_000);
      await users.extendSession('t1', new Date(later.getTime() + 1000));
      expect((await users.findSession('t1', later))?.user.id).toBe('s1');

      await users.updateUser('s1', { disabled: true });
      expect(await users.findSession('t1')).toBeUndefined();
      expect(await fixture!.query("SELECT * FROM sessions WHERE user_id = 's1'")).toEqual([]);
      await users.updateUser('s1', { disabled: false });
      expect(await users.findSession('t1')).toBeUndefined();

      await users.createSession({ tokenHash: 't3', userId: 's1', expiresAt: inOneHour() });
      await users.deleteSession('t3');
      expect(await users.findSession('t3')).toBeUndefined();
    });

    it('the last active coordinator can be neither disabled nor lose the role', async () => {
      const users = await setUp();
      await users.addSetupToken('s');
      await users.completeSetup('s', user('c1', ['coordinator']));
      expect(await refusal(users.updateUser('c1', { disabled: true }))).toBe('last_coordinator');
      expect(await refusal(users.updateUser('c1', { roles: ['schouwer'] }))).toBe('last_coordinator');
      expect(await refusal(users.updateUser('nobody', { disabled: true }))).toBe('not_found');
      await users.createInvite({ tokenHash: 'i', roles: ['coordinator', 'schouwer'], createdBy: 'c1', expiresAt: inOneHour() });
      await users.acceptInvite('i', user('c2'));
      const changed = await users.updateUser('c1', { roles: ['schouwer', 'partner'] });
      expect(changed).toMatchObject({ id: 'c1', roles: ['schouwer', 'partner'], disabled: false });
      expect(await refusal(users.updateUser('c2', { disabled: true }))).toBe('last_coordinator');
      expect((await users.getUser('c2'))?.disabled).toBe(false);
    });

    it('settings: partners view private by default, survives a restart', async () => {
      const users = await setUp();
      expect(await users.getSettings()).toEqual({ partnersPublic: false });
      expect(await users.updateSettings({ partnersPublic: true })).toEqual({ partnersPublic: true });
      const again = await fixture!.reopen();
      expect(await again.users.getSettings()).toEqual({ partnersPublic: true });
    });
  });
}
