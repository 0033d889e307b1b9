/**
 * Whether a new password is good enough (issue 12, defect 8), for the setup, invite and password forms
 * and for the server that checks them again. Pure: a reason code, or null for a good password.
 */
import { PASSWORD_MAX, PASSWORD_MIN } from './authConstants';
import { commonPasswords } from './commonPasswords';

export const passwordReasons = ['password_too_short', 'password_too_long', 'password_one_character', 'password_only_spaces', 'password_contains_login', 'password_too_common'] as const;
export type PasswordReason = (typeof passwordReasons)[number];

const SEQUENCE = '0123456789'.repeat(30);

/** The word under the decoration: "Wachtwoord2026!" → "wachtwoord". */
function core(password: string): string {
  return password.toLowerCase().replace(/^[\d\W_]+|[\d\W_]+$/g, '');
}

export function checkPassword(password: string, login: string): PasswordReason | null {
  if ([...password].length < PASSWORD_MIN) return 'password_too_short';
  if (password.length > PASSWORD_MAX) return 'password_too_long';
  if (password.trim() === '') return 'password_only_spaces';
  if (new Set(password).size === 1) return 'password_one_character';
  const lower = password.toLowerCase();
  const name = login.trim().toLowerCase();
  // The name before an "@" too: "jan@deventer.nl" must not have "jan2026jan2026" as password.
  const local = name.split('@')[0] ?? name;
  if (name.length >= 3 && (lower.includes(name) || (local.length >= 3 && lower.includes(local)))) return 'password_contains_login';
  const compact = lower.replace(/\s+/g, '');
  if (commonPasswords.has(lower) || commonPasswords.has(compact) || commonPasswords.has(core(password)) || commonPasswords.has(core(compact))) return 'password_too_common';
  // Counting up or down ("123456789012", "987654321098") is the first guess after the list.
  if (/^\d+$/.test(compact) && (SEQUENCE.includes(compact) || [...SEQUENCE].reverse().join('').includes(compact))) return 'password_too_common';
  // The same short piece over and over ("abcabcabcabc", "jan jan jan jan ") is as weak as one character.
  if (/^(.{1,4})\1+$/.test(compact)) return 'password_one_character';
  return null;
}

export function isPasswordReason(s: string): s is PasswordReason {
  return (passwordReasons as readonly string[]).includes(s);
}
