import { useTranslation } from 'react-i18next';
import { usePhotoUrl } from '../schouw/useSchouwData';

/** The finding's photos from the device (object URLs, revoked when they leave the screen). */
export function FindingPhotos({ hashes, small = false }: { hashes: readonly string[]; small?: boolean }) {
  const { t } = useTranslation();
  if (hashes.length === 0) return small ? null : <p className="muted">{t('followup.noPhotos')}</p>;
  return (
    <div className={small ? 'fu-photos fu-photos-small' : 'fu-photos'}>
      {!small && <h3>{t('followup.photos')}</h3>}
      {hashes.map((h, i) => (
        <Photo key={h} hash={h} alt={t('followup.photoAlt', { n: i + 1 })} />
      ))}
    </div>
  );
}

function Photo({ hash, alt }: { hash: string; alt: string }) {
  const url = usePhotoUrl(hash);
  return url ? <img src={url} alt={alt} data-hash={hash} /> : <span className="fu-photo-missing" />;
}
