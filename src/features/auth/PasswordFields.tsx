import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../domain/authConstants';

/** A new password and its repeat, with the length hint: the same two fields wherever a password is chosen. */
export function PasswordFields(props: { label: string; password: string; repeat: string; onPassword: (v: string) => void; onRepeat: (v: string) => void }) {
  const { t } = useTranslation();
  const ids = { password: useId(), repeat: useId(), hint: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.password}>{props.label}</label>
        <input
          id={ids.password}
          type="password"
          value={props.password}
          onChange={(e) => props.onPassword(e.target.value)}
          required
          minLength={PASSWORD_MIN}
          autoComplete="new-password"
          aria-describedby={ids.hint}
        />
        <small id={ids.hint} className="muted">
          {t('auth.passwordHint', { min: PASSWORD_MIN })}
        </small>
      </div>
      <div className="field">
        <label htmlFor={ids.repeat}>{t('auth.passwordRepeat')}</label>
        <input id={ids.repeat} type="password" value={props.repeat} onChange={(e) => props.onRepeat(e.target.value)} required autoComplete="new-password" />
      </div>
    </>
  );
}
