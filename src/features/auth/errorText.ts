import type { TFunction } from 'i18next';
import { isPasswordReason } from '../../domain/passwordRules';
import type { AuthResult } from '../../services/session';

/** One sentence for a refused request: the reason in words, and for bad input which field and why. */
export function errorText(t: TFunction, r: Extract<AuthResult, { ok: false }>): string {
  if (r.error === 'invalid_input' && r.issues) {
    // A password rule the server applied: the same sentence as the form's own check.
    const rule = r.issues.find((i) => i.path === '/password' && isPasswordReason(i.message));
    if (rule) return t(`auth.passwordRules.${rule.message}`);
    return t('auth.errors.invalid_input', { detail: r.issues.map((i) => `${i.path.replace(/^\//, '') || '—'}: ${i.message}`).join('; ') });
  }
  const known = ['invalid_credentials', 'account_disabled', 'rate_limited', 'invalid_token', 'setup_done', 'login_taken', 'last_coordinator', 'offline'];
  if (r.error === 'wrong_password') return t('account.wrongPassword');
  if (r.error === 'not_found') return t('account.notFound');
  if (r.status === 429) return t('auth.errors.rate_limited');
  if (r.status === 410) return t('auth.errors.invalid_token');
  return known.includes(r.error) ? t(`auth.errors.${r.error}`) : t('auth.errors.unknown', { status: r.status });
}
