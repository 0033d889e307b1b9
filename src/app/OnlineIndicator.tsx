import { useTranslation } from 'react-i18next';
import { useOnline } from '../services/useOnline';

export function OnlineIndicator() {
  const online = useOnline();
  const { t } = useTranslation();
  return (
    <span className={`pill ${online ? 'pill-online' : 'pill-offline'}`} role="status" title={online ? undefined : t('status.offlineHint')}>
      <span aria-hidden="true" className="dot" />
      {online ? t('status.online') : t('status.offline')}
    </span>
  );
}
