import { useTranslation } from 'react-i18next';
import { PhotoGallery } from '../photos/PhotoGallery';

/** The finding's photos: from the device, else fetched from the server; tap one for the viewer. */
export function FindingPhotos({ hashes, small = false }: { hashes: readonly string[]; small?: boolean }) {
  const { t } = useTranslation();
  if (hashes.length === 0) return small ? null : <p className="muted">{t('followup.noPhotos')}</p>;
  return (
    <div className={small ? 'fu-photos fu-photos-small' : 'fu-photos'}>
      {!small && <h3>{t('followup.photos')}</h3>}
      <PhotoGallery hashes={hashes} altOf={(i) => t('followup.photoAlt', { n: i + 1 })} className="fu-photo-list" thumbClass="fu-thumb" />
    </div>
  );
}
