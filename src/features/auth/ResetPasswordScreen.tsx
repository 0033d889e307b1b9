import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { authenticate } from '../../services/session';
import { errorText } from './errorText';
import { PasswordFields } from './PasswordFields';
import './auth.css';

/** /wachtwoord-herstellen#token: the one-time link a coordinator made; sets the password and logs in. */
export default function ResetPasswordScreen() {
  const { t } = useTranslation();
  // The token travels in the fragment, so it never reaches a server log or a Referer header.
  const token = useMemo(() => decodeURIComponent(window.location.hash.replace(/^#/, '')), []);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (password !== repeat) return setError(t('auth.passwordMismatch'));
    setBusy(true);
    const result = await authenticate('reset-password', { token, password });
    setBusy(false);
    if (!result.ok) return setError(errorText(t, result));
    history.replaceState(null, '', window.location.pathname);
    setDone(t('account.resetDone', { name: result.user.name }));
  }

  return (
    <main className="screen auth-screen" id="main">
      <div className="auth-card">
        <h2>{t('account.resetTitle')}</h2>
        {done ? (
          <>
            <p role="status" className="auth-done">
              {done}
            </p>
            <Link href="/" className="btn btn-primary auth-submit">
              {t('auth.toMap')}
            </Link>
          </>
        ) : !token ? (
          <p role="alert" className="banner banner-warn">
            {t('auth.noToken')}
          </p>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <p className="muted">{t('account.resetIntro')}</p>
            <PasswordFields label={t('account.newPassword')} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
            {error && (
              <p role="alert" className="auth-error">
                {error}
              </p>
            )}
            <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
              {busy ? t('auth.working') : t('account.resetSubmit')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
