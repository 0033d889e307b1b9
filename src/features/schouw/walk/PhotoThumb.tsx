import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhotoUrl } from '../useSchouwData';

export function PhotoThumb({ hash, index }: { hash: string; index: number }) {
  const { t } = useTranslation();
  const url = usePhotoUrl(hash);
  return url ? <img className="photo-thumb" src={url} alt={t('schouw.photoAlt', { n: index + 1 })} data-hash={hash} /> : <span className="photo-thumb" />;
}

/** A photo chosen in the form but not stored yet: shown from memory. */
export function PendingThumb({ blob, index }: { blob: Blob; index: number }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url ? <img className="photo-thumb" src={url} alt={t('schouw.photoAlt', { n: index + 1 })} /> : null;
}
