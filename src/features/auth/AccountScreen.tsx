import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { usePeople } from '../../services/people';
import { useSession } from '../../services/session';
import { errorText } from './errorText';
import { PasswordFields } from './PasswordFields';
import { usersApi } from './usersApi';
import './auth.css';

/** /account: who you are (name, roles, organisation) and changing your own password. */
export default function AccountScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const people = usePeople();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const currentId = useId();

  if (!user) {
    return (
      <main className="screen auth-screen" id="main">
        <div className="auth-card">
          <h2>{t('account.title')}</h2>
          <p>{t('account.needLogin')}</p>
          <Link href="/inloggen">{t('auth.login')}</Link>
        </div>
      </main>
    );
  }
  const organisation = people.get(user.id)?.organisation ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    if (password !== repeat) return setMessage({ text: t('auth.passwordMismatch'), error: true });
    setBusy(true);
    const r = await usersApi.changePassword(current, password);
    setBusy(false);
    if (!r.ok) return setMessage({ text: errorText(t, r), error: true });
    setCurrent('');
    setPassword('');
    setRepeat('');
    setMessage({ text: t('account.changed'), error: false });
  }

  return (
    <main className="screen auth-screen" id="main">
      <div className="auth-card">
        <h2>{t('account.title')}</h2>
        <dl className="account-facts">
          <dt>{t('auth.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('auth.loginName')}</dt>
          <dd>{user.login}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>{user.roles.map((r) => t(`auth.roles.${r}`)).join(', ')}</dd>
          <dt>{t('account.organisation')}</dt>
          <dd>{organisation ?? <span className="muted">{t('account.noOrganisation')}</span>}</dd>
        </dl>
        <form onSubmit={(e) => void submit(e)}>
          <h3>{t('account.changeTitle')}</h3>
          <p className="muted">{t('account.changeIntro')}</p>
          <div className="field">
            <label htmlFor={currentId}>{t('account.current')}</label>
            <input id={currentId} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
          </div>
          <PasswordFields label={t('account.newPassword')} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'auth-error' : 'auth-done'}>
              {message.text}
            </p>
          )}
          <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
            {busy ? t('auth.working') : t('account.changeSubmit')}
          </button>
        </form>
      </div>
    </main>
  );
}
