/**
 * Survey links by e-mail in the links panel: a shop's business address (add, change, remove), the state
 * of its survey mails, and a CSV upload of addresses. The address lives on the server only.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateShopEmail } from '../../domain/survey/mailing';
import { surveyApi, type ContactsProblem, type SurveyMailing } from './surveyApi';

const when = (iso: string) => new Date(iso).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

export function ContactCell({ municipality, shopId, shopName, email, onChanged }: { municipality: string; shopId: string; shopName: string; email: string | null; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(email ?? '');
  const [error, setError] = useState<string | null>(null);
  const label = t('survey.mail.emailFor', { name: shopName });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validateShopEmail(value);
    if (!checked.ok) return setError(t('survey.mail.emailError', { reason: t(`survey.mail.reason_${checked.reason}`) }));
    const r = await surveyApi.setContact(municipality, shopId, checked.email);
    if (!r.ok) return setError(t('survey.mail.emailError', { reason: t(`survey.mail.reason_${r.error}`, { defaultValue: r.error }) }));
    setError(null);
    setEditing(false);
    await onChanged();
  };
  const remove = async () => {
    const r = await surveyApi.removeContact(municipality, shopId);
    if (!r.ok) return setError(t('survey.error_generic', { reason: r.error }));
    setValue('');
    await onChanged();
  };

  if (!editing) {
    return (
      <div className="survey-contact">
        {email ? <span data-testid="shop-email">{email}</span> : <span className="muted">{t('survey.mail.noEmail')}</span>}{' '}
        <button type="button" onClick={() => setEditing(true)} aria-label={`${email ? t('survey.mail.change') : t('survey.mail.add')}: ${shopName}`}>
          {email ? t('survey.mail.change') : t('survey.mail.add')}
        </button>
        {email && (
          <button type="button" onClick={() => void remove()} aria-label={`${t('survey.mail.remove')}: ${shopName}`}>
            {t('survey.mail.remove')}
          </button>
        )}
        {error && (
          <span role="alert" className="form-error">
            {error}
          </span>
        )}
      </div>
    );
  }
  return (
    <form className="survey-contact" onSubmit={(e) => void save(e)} noValidate>
      <label>
        <span className="visually-hidden">{label}</span>
        <input type="email" value={value} onChange={(e) => setValue(e.target.value)} aria-label={label} autoComplete="off" placeholder="info@winkel.nl" maxLength={254} />
      </label>
      <button type="submit">{t('survey.mail.save')}</button>
      <button
        type="button"
        onClick={() => {
          setEditing(false);
          setError(null);
          setValue(email ?? '');
        }}
      >
        {t('survey.mail.cancel')}
      </button>
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </form>
  );
}

export function MailCell({ mail }: { mail: SurveyMailing['mails'][string] | undefined }) {
  const { t } = useTranslation();
  if (!mail) return <span className="muted">—</span>;
  return (
    <span data-testid="mail-state">
      {mail.invitedAt && <>{t('survey.mail.invitedAt', { when: when(mail.invitedAt) })}</>}
      {mail.remindedAt && (
        <>
          {mail.invitedAt ? <br /> : null}
          {t('survey.mail.remindedAt', { when: when(mail.remindedAt) })}
        </>
      )}
      <br />
      <span className={`mail-status mail-${mail.last.status}`}>{t(`survey.mail.status_${mail.last.status}`)}</span>
      {mail.last.status === 'failed' && mail.last.lastError ? <span className="muted"> ({mail.last.lastError === 'no_address' ? t('survey.mail.failedNoAddress') : mail.last.lastError})</span> : null}
    </span>
  );
}

export function ContactsUpload({ municipality, onDone }: { municipality: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<ContactsProblem[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const r = await surveyApi.importContacts(municipality, await file.text());
    if (r.ok) {
      setProblems([]);
      setMessage({ ok: true, text: t('survey.mail.csvDone', { set: r.set, removed: r.removed }) });
      await onDone();
    } else {
      setProblems(r.problems);
      setMessage({ ok: false, text: r.error === 'invalid_rows' ? t('survey.mail.csvRefused', { count: r.problems.length }) : t('survey.error_generic', { reason: r.error }) });
    }
  };
  return (
    <div className="survey-contacts-upload">
      <label>
        {t('survey.mail.csvLabel')} <input type="file" accept=".csv,text/csv" onChange={(e) => void pick(e)} />
      </label>
      <p className="muted">{t('survey.mail.csvHint')}</p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'banner' : 'form-error'}>
          {message.text}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="form-error">
          {problems.map((p) => (
            <li key={`${p.row}-${p.field}`}>{t('survey.mail.csvProblem', { row: p.row, field: t(`survey.mail.field_${p.field}`), problem: t(`survey.mail.csv_${p.reason}`), value: p.value ?? '' })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
