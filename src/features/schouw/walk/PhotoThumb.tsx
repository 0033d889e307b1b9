import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
