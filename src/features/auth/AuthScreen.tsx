import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { PASSWORD_MIN } from '../../domain/authConstants';
import { checkPassword } from '../../domain/passwordRules';
import { authenticate, useSession, type AuthResult } from '../../services/session';
import { errorText } from './errorText';
import './auth.css';

type Mode = 'login' | 'setup' | 'invite';

/** /inloggen, /setup#token and /uitnodiging#token: one form, three purposes. */
export default function AuthScreen() {
  const [location] = useLocation();
  const mode: Mode = location.startsWith('/setup') ? 'setup' : location.startsWith('/uitnodiging') ? 'invite' : 'login';
  return <AuthForm key={mode} mode={mode} />;
}

function AuthForm({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  // The token travels in the fragment, so it never reaches a server log or a Referer header.
  const token = useMemo(() => decodeURIComponent(window.location.hash.replace(/^#/, '')), []);
  const [name, setName] = useState('');
  const [login, setLogin] = useState(mode === 'login' ? (session.user?.login ?? '') : '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { name: useId(), login: useId(), password: useId(), repeat: useId(), hint: useId(), error: useId() };
  const creating = mode !== 'login';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (creating) {
      const rule = checkPassword(password, login);
      if (rule) return setError(t(`auth.passwordRules.${rule}`));
    }
    if (creating && password !== repeat) return setError(t('auth.passwordMismatch'));
    setBusy(true);
    let result: AuthResult;
    if (mode === 'login') result = await authenticate('login', { login, password });
    else result = await authenticate(mode === 'setup' ? 'setup' : 'accept-invite', { token, name, login, password });
    setBusy(false);
    if (!result.ok) return setError(errorText(t, result));
    setPassword('');
    setRepeat('');
    if (mode === 'login') navigate('/');
    else {
      // The link is used up; take it out of the address bar and the history.
      history.replaceState(null, '', window.location.pathname);
      setDone(t('auth.welcome', { name: result.user.name }));
    }
  }

  const title = mode === 'login' ? t('auth.loginTitle') : mode === 'setup' ? t('auth.setupTitle') : t('auth.inviteTitle');
  const intro = mode === 'login' ? t('auth.loginIntro') : mode === 'setup' ? t('auth.setupIntro') : t('auth.inviteIntro');

  return (
    <main className="screen auth-screen" id="main">
      <div className="auth-card">
        <h2>{title}</h2>
        {done ? (
          <>
            <p role="status" className="auth-done">
              {done}
            </p>
            <Link href="/" className="btn btn-primary auth-submit">
              {t('auth.toMap')}
            </Link>
          </>
        ) : creating && !token ? (
          <p role="alert" className="banner banner-warn">
            {t('auth.noToken')}
          </p>
        ) : (
          <form onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
            <p className="muted">{intro}</p>
            {creating && (
              <div className="field">
                <label htmlFor={ids.name}>{t('auth.name')}</label>
                <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} autoComplete="name" />
                <small className="muted">{t('auth.nameHint')}</small>
              </div>
            )}
            <div className="field">
              <label htmlFor={ids.login}>{t('auth.loginName')}</label>
              <input
                id={ids.login}
                value={login}
                onChange={(e) => setLogin(e.target.value)}
                required
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.password}>{t('auth.password')}</label>
              <input
                id={ids.password}
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                minLength={creating ? PASSWORD_MIN : undefined}
                autoComplete={creating ? 'new-password' : 'current-password'}
                aria-describedby={creating ? ids.hint : undefined}
              />
              {creating && (
                <small id={ids.hint} className="muted">
                  {t('auth.passwordHint', { min: PASSWORD_MIN })}
                </small>
              )}
            </div>
            {creating && (
              <div className="field">
                <label htmlFor={ids.repeat}>{t('auth.passwordRepeat')}</label>
                <input id={ids.repeat} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password" />
              </div>
            )}
            {error && (
              <p id={ids.error} role="alert" className="auth-error">
                {error}
              </p>
            )}
            <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
              {busy ? t('auth.working') : mode === 'login' ? t('auth.submitLogin') : mode === 'setup' ? t('auth.setupSubmit') : t('auth.inviteSubmit')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
