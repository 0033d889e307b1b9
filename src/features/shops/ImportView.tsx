import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../services/db';
import { parseShopGeoJson } from '../../domain/shopGeoJsonImport';
import { parseShopCsv, type ShopImportPreview } from '../../domain/shopImport';
import { rdToWgs84 } from '../../domain/coordsRd';
import { importShops } from '../../storage/shopsRepo';
import { ImportPreviewTable } from './ImportPreviewTable';
import type { ShopsData } from './useShopsData';

type Message = { kind: 'ok' | 'error'; text: string } | null;

function looksLikeGeoJson(name: string, text: string): boolean {
  return /\.(geo)?json$/i.test(name) || text.replace(/^\uFEFF/, '').trimStart().startsWith('{');
}

/** Pick a file → preview (nothing stored) → confirm stores the good rows in one transaction, or cancel. */
export function ImportView({ data }: { data: ShopsData }) {
  const { t } = useTranslation();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ShopImportPreview | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const boundary = data.config?.municipality.boundary;
  const existing = data.shops ?? [];

  const reset = () => {
    setPreview(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    setMessage(null);
    setPreview(null);
    const file = e.target.files?.[0];
    if (!file || !boundary || !data.municipality) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ kind: 'error', text: t('shops.import.refused.read_error') });
      return;
    }
    const options = { municipality: data.municipality, municipalityBoundary: boundary, existingShops: existing, toWgs84: rdToWgs84 };
    const result = looksLikeGeoJson(file.name, text) ? parseShopGeoJson(text, options) : parseShopCsv(text, options);
    if (!result.ok) {
      setMessage({ kind: 'error', text: t(`shops.import.refused.${result.reason}`, { column: result.column ?? '', row: result.row ?? '' }) });
      return;
    }
    setPreview(result);
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    const good = preview.rows.flatMap((r) => (r.shop ? [r.shop] : []));
    const r = await importShops(db, good);
    setBusy(false);
    if (r.ok) {
      setMessage({ kind: 'ok', text: t('shops.import.done', { count: r.count }) });
      reset();
    } else {
      setMessage({ kind: 'error', text: t('shops.import.failed', { reason: r.message }) });
    }
  };

  const cancel = () => {
    reset();
    setMessage({ kind: 'ok', text: t('shops.import.cancelled') });
  };

  return (
    <section aria-labelledby="import-title" className="panel">
      <h2 id="import-title">{t('shops.import.title')}</h2>
      <p className="intro">{t('shops.import.intro')}</p>
      {!boundary && <p className="banner banner-warn">{t('shops.import.noBoundary')}</p>}
      <div className="field">
        <label htmlFor={inputId}>{t('shops.import.file')}</label>
        <input
          id={inputId}
          ref={fileRef}
          type="file"
          className="file-input"
          accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
          disabled={!boundary || busy}
          onChange={(e) => void onFile(e)}
        />
      </div>
      <div role="status" aria-live="polite">
        {message && <p className={message.kind === 'error' ? 'banner banner-warn' : 'banner banner-ok'}>{message.text}</p>}
      </div>
      {preview && (
        <>
          <p className="import-summary">
            <strong>{t('shops.import.summary', { ok: preview.counts.ok, error: preview.counts.error })}</strong>
          </p>
          {preview.ignoredColumns.length > 0 && <p className="muted">{t('shops.import.ignored', { columns: preview.ignoredColumns.join(', ') })}</p>}
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={busy || preview.counts.ok === 0} onClick={() => void confirm()}>
              {t('shops.import.confirm', { count: preview.counts.ok })}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={cancel}>
              {t('shops.import.cancel')}
            </button>
          </div>
          <ImportPreviewTable preview={preview} existing={existing} areaOf={(s) => data.areaName(data.index.areaOf(s.point))} />
        </>
      )}
    </section>
  );
}
