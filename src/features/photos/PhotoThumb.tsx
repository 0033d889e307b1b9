import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoSizeName } from '../../storage/db';
import { usePhoto } from '../../services/photos/usePhoto';
import './photos.css';
import './i18nRegister';

interface Props {
  hash: string;
  alt: string;
  size?: PhotoSizeName;
  className?: string;
  /** Fetch only once it scrolls into view (long lists). */
  lazy?: boolean;
}

/** Starts as soon as the element comes near the screen; without IntersectionObserver, at once. */
function useNearScreen(enabled: boolean): [React.RefObject<HTMLSpanElement | null>, boolean] {
  const ref = useRef<HTMLSpanElement>(null);
  const [near, setNear] = useState(!enabled || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: '200px' });
    io.observe(ref.current);
    return () => io.disconnect();
  }, [near]);
  return [ref, near];
}

/**
 * A photo in one size, or a box that says in words why it is not there (offline and not on this
 * device, not signed in, ...). Every screen shows photos through this.
 */
export function PhotoImage({ hash, alt, size = 'thumb', className = 'photo-thumb', lazy = false }: Props) {
  const { t } = useTranslation();
  const [ref, near] = useNearScreen(lazy);
  const photo = usePhoto(hash, size, near);
  if (photo.state === 'ready') return <img className={className} src={photo.url} alt={alt} data-hash={hash} data-size={size} />;
  const text = photo.state === 'loading' ? t('photos.loading') : t(`photos.problem.${photo.problem}`);
  return (
    <span ref={ref} className={`${className} photo-placeholder`} role="img" aria-label={`${alt}: ${text}`} data-hash={hash} data-state={photo.state}>
      <span aria-hidden="true">{text}</span>
    </span>
  );
}
