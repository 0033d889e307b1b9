/** Bad input in words: which field, and why, in the person's language (the schema's own texts are English). */
import type { TFunction } from 'i18next';
import type { Refusal } from '../auth/usersApi';

interface Issue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
}

function field(t: TFunction, path: readonly PropertyKey[]): string {
  const [name, index] = path;
  const label = t(`owners.fields.${String(name)}`, { defaultValue: String(name ?? '') });
  return typeof index === 'number' ? `${label} (${index + 1})` : label;
}

function why(t: TFunction, issue: Issue, value: unknown): string {
  const [name, index] = issue.path;
  if (name === 'name') return issue.code === 'too_big' ? t('owners.problems.tooLong') : t('owners.problems.empty');
  if (name === 'emails' && typeof index === 'number') return t('owners.problems.notEmail', { value: String(value ?? '') });
  if (name === 'emails' && issue.code === 'too_small') return t('owners.problems.noEmail');
  if (name === 'emails' && issue.code === 'too_big') return t('owners.problems.tooMany');
  if (name === 'emails') return t('owners.problems.twice');
  return t('owners.problems.other');
}

/** One line per problem: "E-mailadressen (2): "x" is geen e-mailadres". `input` gives the typed values for the message. */
export function issuesText(t: TFunction, issues: readonly Issue[], input: { emails?: readonly string[] } = {}): string {
  return issues
    .map((i) => {
      const value = i.path[0] === 'emails' && typeof i.path[1] === 'number' ? input.emails?.[i.path[1]] : undefined;
      return `${field(t, i.path)}: ${why(t, i, value)}`;
    })
    .join(' · ');
}

export function refusalText(t: TFunction, r: Refusal): string {
  if (r.error === 'name_taken') return `${t('owners.fields.name')}: ${t('owners.problems.nameTaken')}`;
  if (r.error === 'offline' || r.status === 0) return t('owners.errors.offline');
  if (['not_found', 'unknown_user', 'archived'].includes(r.error)) return t(`owners.errors.${r.error}`);
  if (r.error === 'invalid_input' && r.issues) return r.issues.map((i) => `${i.path || '—'}: ${i.message}`).join(' · ');
  return t('owners.errors.unknown', { status: r.status });
}
