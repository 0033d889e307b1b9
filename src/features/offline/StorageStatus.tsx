import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatBytes } from '../../services/format';

interface Estimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

/** Asks once for persistent storage, then shows what is used, so a full device is no surprise mid-walk. */
export function StorageStatus() {
  const { t } = useTranslation();
  const [est, setEst] = useState<Estimate | null>(null);
  useEffect(() => {
    let alive = true;
    (async () => {
      if (!navigator.storage?.estimate) return;
      const persisted = (await navigator.storage.persisted?.()) || (await navigator.storage.persist?.()) || false;
      const e = await navigator.storage.estimate();
      if (alive) setEst({ usage: e.usage ?? 0, quota: e.quota ?? 0, persisted });
    })().catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  if (!est) return <span className="storage">{t('storage.unknown')}</span>;
  return (
    <Link href="/opslag" className="storage" title={est.persisted ? t('storage.persisted') : t('storage.notPersisted')}>
      {t('storage.usage', { used: formatBytes(est.usage), quota: formatBytes(est.quota) })}
    </Link>
  );
}
