import { useTranslation } from 'react-i18next';
import { OnlineIndicator } from './OnlineIndicator';
import { StorageStatus } from './StorageStatus';
import { setLanguage, languages, type Language } from './i18n';

export function Header() {
  const { t, i18n } = useTranslation();
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <h1>
          {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
        </h1>
      </div>
      <div className="topbar-status">
        <OnlineIndicator />
        <StorageStatus />
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
