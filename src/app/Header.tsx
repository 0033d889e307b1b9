import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { OnlineIndicator } from './OnlineIndicator';
import { SyncStatus } from '../sync/SyncStatus';
import { SessionBadge } from './SessionBadge';
import { StorageStatus } from '../features/offline/StorageStatus';
import { setLanguage, languages, type Language } from '../services/i18n';

export function Header() {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <h1>
          {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
        </h1>
      </div>
      <nav aria-label={t('app.nav')} className="mainnav">
        {[
          ['/', t('app.navMap')],
          ['/schouw', t('app.navSchouw')],
          ['/opvolging', t('app.navFollowup')],
          ['/winkels', t('app.navShops')],
          ['/partners', t('app.navPartners')],
        ].map(([href, label]) => (
          <Link key={href} href={href!} aria-current={isCurrent(location, href!) ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <div className="topbar-status">
        <OnlineIndicator />
        <SyncStatus />
        <StorageStatus />
        <SessionBadge />
        <label className="lang">
          <span className="visually-hidden">{t('app.language')}</span>
          <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('app.language')}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l === 'nl' ? 'Nederlands' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}

function isCurrent(location: string, href: string): boolean {
  return href === '/' ? location === '/' || location.startsWith('/gebied') : location.startsWith(href);
}
