import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../services/db';
import { loadPhoto } from '../../services/photos/photoLoader';
import { downloadBlob } from '../shops/download';
import type { Labels } from './labels';
import type { NumberedFinding } from './reportModel';
import { buildReportZip } from './reportZip';
import '../photos/i18nRegister';

const SEP_KEY = 'schouwkaart.csvSeparator';

/** "ZIP met foto's": the report's CSV, GeoJSON and photos in one file, made on this device. */
export function ReportZipButton({ items, labels, now, baseName }: { items: readonly NumberedFinding[]; labels: Labels; now: Date; baseName: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const zip = await buildReportZip({
        items,
        labels: labels.exportLabels,
        numberHeader: t('photos.zip.numberHeader'),
        sep: localStorage.getItem(SEP_KEY) === ',' ? ',' : ';',
        now,
        baseName,
        photo: async (hash) => {
          const r = await loadPhoto(db, hash, 'view');
          return r.ok ? r.blob : null;
        },
      });
      downloadBlob(new Blob([zip.bytes as BlobPart], { type: 'application/zip' }), `${baseName}.zip`);
      setMessage(
        zip.missing.length > 0
          ? { text: t('photos.zip.missing', { count: zip.missing.length, names: zip.missing.join(', ') }), error: true }
          : { text: t('photos.zip.done', { count: zip.photos }), error: false },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="no-print form-actions">
      <button type="button" className="btn" onClick={() => void run()} disabled={busy || items.length === 0}>
        {busy ? t('photos.zip.busy') : t('photos.zip.button')}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
