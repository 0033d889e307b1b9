import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onUpdateAvailable, applyUpdate } from './registerSw';

/** A new version is offered, never forced: a person may be in the middle of a form. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState(false);
  useEffect(() => onUpdateAvailable(() => setWaiting(true)), []);
  if (!waiting) return null;
  return (
    <div className="update-prompt" role="alertdialog" aria-labelledby="update-text">
      <p id="update-text">{t('update.available')}</p>
      <button type="button" className="btn btn-primary" onClick={() => applyUpdate()}>
        {t('update.reload')}
      </button>
      <button type="button" className="btn" onClick={() => setWaiting(false)}>
        {t('update.later')}
      </button>
    </div>
  );
}
