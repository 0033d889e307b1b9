import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { amsterdamDate } from '../../domain/overdue';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { db } from '../../services/db';
import { parseShopGeoJson } from '../../domain/shopGeoJsonImport';
import { parseShopCsv, placeDraft, type ShopImportPreview } from '../../domain/shopImport';
import type { Shop } from '../../domain/shop';
import { rdToWgs84 } from '../../domain/coordsRd';
import { importShops } from '../../storage/shopsRepo';
import { ImportPreviewTable } from './ImportPreviewTable';
import { AddressMatch, type Placement } from './AddressMatch';
import { PlaceShopMap } from './PlaceShopMap';
import { geocodeAll, type GeocodeRow } from './openDataApi';
import type { ShopsData } from './useShopsData';

type Message = { kind: 'ok' | 'error'; text: string } | null;
type Lookup = { state: 'idle' } | { state: 'busy'; done: number; total: number } | { state: 'failed'; text: string };

function looksLikeGeoJson(name: string, text: string): boolean {
  return /\.(geo)?json$/i.test(name) || text.replace(/^\uFEFF/, '').trimStart().startsWith('{');
}

/**
 * Pick a file → preview (nothing stored) → confirm stores the good rows in one transaction, or cancel.
 * Rows with only an address are looked up at PDOK (through the server); sure matches get their place,
 * unsure ones wait for a choice, the map or "skip". Confirm is possible only when every address row is
 * settled, so an import is never half done; when the service is away the rows stay for another try.
 */
export function ImportView({ data }: { data: ShopsData }) {
  const { t } = useTranslation();
  // "ja" in the enquête column is this year's survey (R50), never every year's.
  const surveyYear = Number(amsterdamDate(new Date()).slice(0, 4));
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ShopImportPreview | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [lookups, setLookups] = useState<Map<number, GeocodeRow>>(new Map());
  const [placements, setPlacements] = useState<Map<number, Placement>>(new Map());
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [placing, setPlacing] = useState<number | null>(null);
  const boundary = data.config?.municipality.boundary;
  const existing = data.shops ?? [];

  const reset = () => {
    setPreview(null);
    setLookups(new Map());
    setPlacements(new Map());
    setLookup({ state: 'idle' });
    setPlacing(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const runLookup = async (p: ShopImportPreview) => {
    if (!data.municipality) return;
    const rows = p.rows.flatMap((r) => (r.status === 'address' && r.lookup ? [{ row: r.row, query: r.lookup }] : []));
    if (rows.length === 0) return;
    setLookup({ state: 'busy', done: 0, total: rows.length });
    const r = await geocodeAll(data.municipality, rows, (done) => setLookup({ state: 'busy', done, total: rows.length }));
    if (!r.ok) {
      const text = r.error === 'offline' ? t('shops.geo.offline') : r.error === 'unavailable' ? t('shops.geo.unavailable', { message: r.message }) : t('shops.geo.refused', { message: r.message });
      setLookup({ state: 'failed', text });
      return;
    }
    setLookups(new Map(r.value.map((x) => [x.row, x])));
    setPlacements((old) => {
      const next = new Map(old);
      for (const x of r.value) {
        if (x.status === 'sure' && x.best && !next.has(x.row)) next.set(x.row, { point: x.best.point, bag: x.best.bag, label: x.best.label, source: 'geocoder' });
      }
      return next;
    });
    setLookup({ state: 'idle' });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    // Taken before reset(), which empties the input (so the same file can be picked again) and its file list.
    const file = e.target.files?.[0];
    setMessage(null);
    reset();
    if (!file || !boundary || !data.municipality) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ kind: 'error', text: t('shops.import.refused.read_error') });
      return;
    }
    const options = { municipality: data.municipality, municipalityBoundary: boundary, existingShops: existing, toWgs84: rdToWgs84, surveyYear };
    const result = looksLikeGeoJson(file.name, text) ? parseShopGeoJson(text, options) : parseShopCsv(text, options);
    if (!result.ok) {
      setMessage({ kind: 'error', text: t(`shops.import.refused.${result.reason}`, { column: result.column ?? '', row: result.row ?? '' }) });
      return;
    }
    setPreview(result);
    await runLookup(result);
  };

  const addressRows = preview?.rows.filter((r) => r.status === 'address') ?? [];
  const unresolved = addressRows.filter((r) => !placements.has(r.row)).length;
  const placed: Shop[] = [];
  if (preview && boundary) {
    for (const r of addressRows) {
      const p = placements.get(r.row);
      if (!p || p === 'skip' || !r.draft) continue;
      const made = placeDraft(r.draft, p.point, boundary, { bag: p.bag });
      if (made.ok) placed.push(made.shop);
    }
  }
  const good = preview ? [...preview.rows.flatMap((r) => (r.shop ? [r.shop] : [])), ...placed] : [];
  const sure = addressRows.filter((r) => lookups.get(r.row)?.status === 'sure').length;

  const confirm = async () => {
    if (!preview || unresolved > 0) return;
    setBusy(true);
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

  const setPlacement = (row: number, p: Placement | undefined) =>
    setPlacements((old) => {
      const next = new Map(old);
      if (p === undefined) next.delete(row);
      else next.set(row, p);
      return next;
    });

  const placeOnMap = (lonLat: [number, number]) => {
    if (placing === null || !boundary) return;
    if (!booleanPointInPolygon(lonLat, boundary, { ignoreBoundary: false })) {
      setMessage({ kind: 'error', text: t('shops.geo.outsideMunicipality') });
      return;
    }
    setMessage(null);
    const found = lookups.get(placing);
    setPlacement(placing, { point: lonLat, bag: null, label: found?.best?.label ?? '', source: 'map' });
  };
  const placingPoint = placing !== null ? placements.get(placing) : undefined;

  return (
    <section aria-labelledby="import-title" className="panel">
      <h2 id="import-title">{t('shops.import.title')}</h2>
      <p className="intro">{t('shops.import.intro')}</p>
      <p className="muted">{t('shops.import.surveyColumn', { year: surveyYear })}</p>
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
        {lookup.state === 'busy' && <p className="banner">{t('shops.geo.lookingUp', { done: lookup.done, total: lookup.total })}</p>}
        {lookup.state === 'failed' && (
          <div className="banner banner-warn">
            <p>{lookup.text}</p>
            {preview && (
              <button type="button" className="btn" onClick={() => void runLookup(preview)}>
                {t('shops.geo.lookupAgain')}
              </button>
            )}
          </div>
        )}
      </div>
      {preview && (
        <>
          <p className="import-summary">
            <strong>{t('shops.import.summary', { ok: preview.counts.ok, error: preview.counts.error })}</strong>
            {addressRows.length > 0 && <span> · {t('shops.geo.summary', { address: addressRows.length, sure, open: unresolved })}</span>}
          </p>
          {preview.ignoredColumns.length > 0 && <p className="muted">{t('shops.import.ignored', { columns: preview.ignoredColumns.join(', ') })}</p>}
          {unresolved > 0 && lookup.state !== 'busy' && <p className="banner banner-warn">{t('shops.geo.unresolved', { count: unresolved })}</p>}
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={busy || good.length === 0 || unresolved > 0 || lookup.state === 'busy'} onClick={() => void confirm()}>
              {t('shops.import.confirm', { count: good.length })}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={cancel}>
              {t('shops.import.cancel')}
            </button>
          </div>
          {placing !== null && data.config && (
            <div className="panel placing" aria-label={t('shops.geo.placing', { row: placing })}>
              <p>{t('shops.geo.placing', { row: placing })}</p>
              <PlaceShopMap
                config={data.config}
                areas={data.areas}
                point={placingPoint && placingPoint !== 'skip' ? placingPoint.point : (lookups.get(placing)?.best?.point ?? null)}
                markerLabel={t('shops.geo.placing', { row: placing })}
                onPlace={placeOnMap}
              />
              <button type="button" className="btn" onClick={() => setPlacing(null)}>
                {t('shops.geo.placingDone')}
              </button>
            </div>
          )}
          <ImportPreviewTable
            preview={preview}
            existing={existing}
            areaOf={(s) => data.areaName(data.index.areaOf(s.point))}
            renderAddress={(r) => (
              <AddressMatch
                row={r.row}
                lookup={lookups.get(r.row)}
                placement={placements.get(r.row)}
                areaName={data.areaName}
                areaAt={(p) => data.index.areaOf(p)}
                onPlace={(p) => setPlacement(r.row, p)}
                onMap={() => setPlacing(r.row)}
              />
            )}
          />
          {addressRows.length > 0 && <p className="muted attribution">{t('shops.geo.attribution')}</p>}
        </>
      )}
    </section>
  );
}
