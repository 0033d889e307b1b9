import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { logout, refreshSession, useSession } from '../services/session';
import './session.css';
import { useOnline } from '../services/useOnline';

/**
 * In the header's menu: who is logged in and "Uitloggen", or an "Inloggen" link (the map and local screens
 * need no account). Asks the server who we are on start and whenever the network comes back.
 */
export function SessionBadge() {
  const { t } = useTranslation();
  const session = useSession();
  const online = useOnline();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (online) void refreshSession();
  }, [online]);

  if (!session.user) {
    return (
      <div className="session-badge">
        <Link href="/inloggen">{t('auth.login')}</Link>
      </div>
    );
  }
  return (
    <div className="session-badge">
      {/* Your own account page: roles, organisation, change password. */}
      <Link href="/account">{t('auth.loggedInAs', { name: session.user.name })}</Link>
      <button
        type="button"
        className="btn-link"
        onClick={async () => setFailed(!(await logout()))}
        title={failed ? t('auth.logoutFailed') : undefined}
      >
        {t('auth.logout')}
      </button>
      {failed && (
        <span role="alert" className="session-error">
          {t('auth.logoutFailed')}
        </span>
      )}
    </div>
  );
}

/** Under the header when the server ended the session: nothing is lost, log in to sync on. */
export function SessionExpiredBanner() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.user || !session.expired) return null;
  return (
    <div className="banner banner-warn session-expired" role="alert">
      <span>{t('auth.expired')}</span>
      <Link href="/inloggen" className="btn btn-primary">
        {t('auth.loginAgain')}
      </Link>
    </div>
  );
}
