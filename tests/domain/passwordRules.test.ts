import { describe, expect, it } from 'vitest';
import { acceptInviteInputSchema } from '../../src/domain/account';
import { commonPasswords } from '../../src/domain/commonPasswords';
import { checkPassword } from '../../src/domain/passwordRules';

describe('password rules (issue 12, defect 8)', () => {
  const rows: [password: string, login: string, reason: ReturnType<typeof checkPassword>][] = [
    ['kort', 'jan', 'password_too_short'],
    ['aaaaaaaaaaaa', 'jan', 'password_one_character'],
    ['            ', 'jan', 'password_only_spaces'],
    ['jandevries@deventer.nl', 'jandevries@deventer.nl', 'password_contains_login'],
    ['mijn naam is jandevries!', 'jandevries@deventer.nl', 'password_contains_login'],
    ['Wachtwoord2026!', 'jan', 'password_too_common'],
    ['welkomwelkom', 'jan', 'password_too_common'],
    ['123456789012', 'jan', 'password_too_common'],
    ['abcabcabcabc', 'jan', 'password_too_common'],
    ['xyzxyzxyzxyz', 'jan', 'password_one_character'],
    ['de fiets staat bij de molen', 'jan', null],
    ['een lange zin als wachtwoord', 'coordinator@e2e.nl', null],
    ['correct horse battery', 'user1@test.nl', null],
  ];
  for (const [password, login, reason] of rows) {
    it(`"${password}" for ${login}: ${reason ?? 'accepted'}`, () => {
      expect(checkPassword(password, login)).toBe(reason);
    });
  }

  it('ships a list of a few hundred common passwords', () => {
    expect(commonPasswords.size).toBeGreaterThan(300);
    expect(commonPasswords.has('wachtwoord')).toBe(true);
  });

  it('the invite schema refuses a weak password with the reason code at /password', () => {
    const r = acceptInviteInputSchema.safeParse({ token: 'x'.repeat(43), name: 'Jan', login: 'jan@test.nl', password: ' '.repeat(12) });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['password'], message: 'password_only_spaces' })]);
  });
});
