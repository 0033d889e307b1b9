import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoImage } from './PhotoThumb';
import { PhotoViewer } from './PhotoViewer';
import './i18nRegister';

interface Props {
  hashes: readonly string[];
  /** "Foto 1" ...: the alt text of each photo. */
  altOf: (index: number) => string;
  className?: string;
  /** Class of each thumbnail (its size on this screen). */
  thumbClass?: string;
  lazy?: boolean;
}

/** A finding's photos as thumbnails; tapping one opens the full-size viewer on it. */
export function PhotoGallery({ hashes, altOf, className = 'photo-row', thumbClass = 'photo-thumb', lazy = false }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  if (hashes.length === 0) return null;
  return (
    <div className={className}>
      {hashes.map((h, i) => (
        <button
          key={h}
          type="button"
          className="photo-open"
          aria-label={t('photos.open', { n: i + 1, total: hashes.length })}
          onClick={(e) => {
            opener.current = e.currentTarget;
            setOpen(i);
          }}
        >
          <PhotoImage hash={h} alt={altOf(i)} lazy={lazy} className={thumbClass} />
        </button>
      ))}
      {open !== null && (
        <PhotoViewer
          hashes={hashes}
          start={open}
          altOf={altOf}
          onClose={() => {
            setOpen(null);
            opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}
