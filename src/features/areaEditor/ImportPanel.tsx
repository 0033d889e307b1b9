import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaApi, type ImportPreview } from './api';

/** Import areas (preview with reasons per feature, applied only on confirm) and export them all. */
export function ImportPanel({ municipality, onApplied }: { municipality: string; onApplied: () => Promise<void> }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setBusy(true);
    setMessage(null);
    setPreview(null);
    try {
      const zipped = /\.zip$/i.test(file.name);
      let body: { geojson?: unknown; shapefile?: string; fileName: string };
      if (zipped) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        body = { shapefile: btoa(bin), fileName: file.name };
      } else {
        try {
          body = { geojson: JSON.parse(await file.text()), fileName: file.name };
        } catch {
          setMessage(t('areaEditor.import.unreadable'));
          return;
        }
      }
      const r = await areaApi.importPreview(municipality, body);
      if (r.ok) setPreview(r.value);
      else setMessage(r.status === 401 || r.status === 403 ? t('areaEditor.notAllowed') : t('areaEditor.import.unreadable'));
    } finally {
      setBusy(false);
    }
  };

  const accepted = preview?.items.filter((i) => i.status === 'added' || i.status === 'changed') ?? [];
  const apply = async () => {
    setBusy(true);
    const r = await areaApi.importApply(municipality, accepted.map((i) => i.feature!), 'import');
    setBusy(false);
    if (!r.ok) {
      setMessage(t('areaEditor.refused'));
      return;
    }
    setPreview(null);
    setMessage(t('areaEditor.import.applied', { count: r.value.applied.length }));
    await onApplied();
  };

  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h3 id="import-title">{t('areaEditor.import.title')}</h3>
      <div className="field">
        <label htmlFor={fileId}>{t('areaEditor.import.file')}</label>
        <input id={fileId} type="file" accept=".geojson,.json,.zip" disabled={busy} onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
      </div>
      {preview && (
        <div className="import-preview">
          <p>{t('areaEditor.import.preview', { ...preview.counts, crs: preview.crs === 'rd' ? 'RD New' : 'WGS84' })}</p>
          <ul>
            {preview.items.map((i) => (
              <li key={i.index} data-status={i.status}>
                <strong>{i.label}</strong>: {t(`areaEditor.import.status.${i.status}`)}
                {i.reasons.map((r, k) => (
                  <div key={k} className="field-error">
                    {t(`areaEditor.reasons.${r.reason}`, { area: i.label, other: r.other ?? '', defaultValue: r.message })}
                  </div>
                ))}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={busy || accepted.length === 0} onClick={() => void apply()}>
              {t('areaEditor.import.apply', { count: accepted.length })}
            </button>
            <button type="button" className="btn" onClick={() => { setPreview(null); setMessage(t('areaEditor.import.cancelled')); }}>
              {t('areaEditor.import.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <p>
        <a className="btn" href={areaApi.exportUrl(municipality)} download>{t('areaEditor.import.export')}</a>
      </p>
    </section>
  );
}
