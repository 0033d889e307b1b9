import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../domain/finding';
import type { PhotoRecord } from '../../../storage/db';
import { CategoryPicker, SeverityPicker } from './CategoryPicker';
import { PhotoPicker } from './PhotoPicker';
import { PendingThumb } from './PhotoThumb';

export interface CaptureDraft {
  categoryCode: string;
  severity: Severity;
  description: string;
  photos: PhotoRecord[];
}

interface Props {
  hasPoint: boolean;
  placeLabel: string;
  /** Stores the finding; resolves to an error message, or null when stored. */
  onSave: (draft: CaptureDraft) => Promise<string | null>;
  onCancel: () => void;
  onFirstPhoto: () => void;
}

/** The form of a new finding. The draft stays in memory until stored, so a refusal loses nothing. */
export function CaptureForm({ hasPoint, placeLabel, onSave, onCancel, onFirstPhoto }: Props) {
  const { t } = useTranslation();
  const [categoryCode, setCategory] = useState<string | null>(null);
  const [severity, setSeverity] = useState<Severity>('medium');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PhotoRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const missing = !hasPoint ? t('schouw.needPoint') : !categoryCode ? t('schouw.needCategory') : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (missing || !categoryCode) {
      setError(missing);
      return;
    }
    setError(await onSave({ categoryCode, severity, description, photos }));
  }

  return (
    <form className="capture-form" onSubmit={submit} aria-labelledby="capture-title">
      {/* The fields scroll; the save bar sits below them, never over them. */}
      <div className="capture-fields">
        <h2 id="capture-title">{t('schouw.newFinding')}</h2>
        <p className="place-line">{placeLabel}</p>
        <CategoryPicker value={categoryCode} onChange={setCategory} />
        <SeverityPicker value={severity} onChange={setSeverity} />
        <div className="field">
          <label htmlFor="capture-description">{t('schouw.description')}</label>
          <input id="capture-description" type="text" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} enterKeyHint="done" />
        </div>
        <PhotoPicker label={t('schouw.addPhotos')} onPhotos={(p) => setPhotos((old) => [...old, ...p.filter((n) => !old.some((o) => o.hash === n.hash))])} onFirstPhoto={onFirstPhoto} />
        {photos.length > 0 && (
          <div className="photo-row" aria-label={t('schouw.photoCount', { count: photos.length })}>
            {photos.map((p, i) => (
              <PendingThumb key={p.hash} blob={p.blob} index={i} />
            ))}
          </div>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        {missing && (
          <p id="capture-missing" className="muted">
            {missing}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-big" aria-describedby={missing ? 'capture-missing' : undefined}>
          {t('schouw.save')}
        </button>
        <button type="button" className="btn btn-big" onClick={onCancel}>
          {t('schouw.cancel')}
        </button>
      </div>
    </form>
  );
}
