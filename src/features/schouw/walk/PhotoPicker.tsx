import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoRecord } from '../../../storage/db';
import { processPhoto } from '../photos/processPhoto';

interface Props {
  label: string;
  onPhotos: (photos: PhotoRecord[]) => void;
  /** Called when the first photo of this walk is taken, so the walk can show its privacy note once. */
  onFirstPhoto?: () => void;
}

/**
 * The camera input. Each file is re-encoded on the device (processPhoto); a file that is not an
 * image or is too big to decode gets a message and is left out, the rest goes on.
 */
export function PhotoPicker({ label, onPhotos, onFirstPhoto }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);

  async function take(files: FileList | null) {
    const list = Array.from(files ?? []);
    if (list.length === 0) return;
    setBusy(list.length);
    const good: PhotoRecord[] = [];
    const bad: string[] = [];
    for (const file of list) {
      const r = await processPhoto(file);
      if (r.ok) good.push(r.photo);
      else bad.push(t(`schouw.photoProblem.${r.problem}`, { name: r.fileName }));
    }
    setBusy(0);
    setProblems(bad);
    if (good.length > 0) {
      onFirstPhoto?.();
      onPhotos(good);
    }
  }

  return (
    <div className="photo-picker">
      <label className="btn btn-big photo-button">
        {label}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          className="visually-hidden"
          onChange={(e) => {
            void take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {busy > 0 && <p role="status">{t('schouw.photoProcessing', { count: busy })}</p>}
      {problems.map((p) => (
        <p key={p} role="alert" className="form-error">
          {p}
        </p>
      ))}
    </div>
  );
}
