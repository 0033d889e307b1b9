import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationInputSchema, splitEmails, type OrganisationInput } from '../../domain/ownerOrganisation';
import { issuesText } from './problemText';

interface Props {
  title: string;
  submitLabel: string;
  initial?: OrganisationInput;
  /** Resolves to an error sentence, or null when stored. */
  onSubmit: (input: OrganisationInput) => Promise<string | null>;
  onCancel?: () => void;
}

/** Name and contact addresses, checked here with the server's own schema before anything is sent. */
export function OrganisationForm({ title, submitLabel, initial, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [emails, setEmails] = useState(initial?.emails.join('\n') ?? '');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const emailsId = useId();
  const hintId = useId();
  const titleId = useId();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const list = splitEmails(emails);
    const parsed = organisationInputSchema.safeParse({ name, emails: list });
    if (!parsed.success) {
      setError(issuesText(t, parsed.error.issues, { emails: list }));
      return;
    }
    const problem = await onSubmit(parsed.data);
    setError(problem);
    if (problem === null && !initial) {
      setName('');
      setEmails('');
    }
  }

  return (
    <form className="owners-form" onSubmit={(e) => void submit(e)} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{title}</h3>
      <div className="field">
        <label htmlFor={nameId}>{t('owners.name')}</label>
        <input id={nameId} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={emailsId}>{t('owners.emails')}</label>
        <textarea id={emailsId} rows={3} value={emails} aria-describedby={hintId} onChange={(e) => setEmails(e.target.value)} />
        <span id={hintId} className="muted">
          {t('owners.emailsHint')}
        </span>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="owners-form-buttons">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('owners.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
