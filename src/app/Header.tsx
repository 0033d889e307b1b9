import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { OnlineIndicator } from './OnlineIndicator';
import { ShellMenu } from './ShellMenu';
import { isCurrent, itemsFor, shellItems } from './shellItems';
import { useSession } from '../services/session';
import { mayShow } from '../services/access';
import { applyTheme } from './theme';
import { installVisualViewport } from './visualViewport';
import './i18nShell';
import './shell.css';
import './contrast.css';

applyTheme();
installVisualViewport();

/** One row, at most 56 px on a tablet: name, the screens, the network state and the menu for the rest. */
export function Header() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const session = useSession();
  const bar = itemsFor(shellItems, 'bar', (c) => mayShow(session, c));
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <h1>
          <span className="brand-name">{t('app.title')}</span> <span className="subtitle">{t('app.subtitle')}</span>
        </h1>
      </div>
      <nav aria-label={t('app.nav')} className="mainnav">
        {bar.map((item) =>
          item.kind === 'link' ? (
            <Link key={item.id} href={item.href} aria-current={isCurrent(location, item.href) ? 'page' : undefined}>
              {t(item.labelKey)}
            </Link>
          ) : null,
        )}
      </nav>
      <div className="topbar-status">
        <OnlineIndicator />
        <ShellMenu />
      </div>
    </header>
  );
}
