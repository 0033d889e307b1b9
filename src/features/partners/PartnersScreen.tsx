import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../domain/area';
import type { AreaGeometry } from '../../domain/geojson';
import { defaultCategories } from '../../domain/categories';
import { shopFlagKeys } from '../../domain/shop';
import { apiFetch } from '../../services/session';
import { loadCachedConfig } from '../../services/configCache';
import { MapView } from '../../map/MapView';
import { ColouredAreasLayer } from '../../map/ColouredAreasLayer';
import { classColour, percentClasses } from '../shops/colourScale';
import { formatDateTime } from '../../services/format';
import { forgetSummary, loadSummary, saveSummary } from './summaryCache';
import { softHyphens } from './softHyphens';
import './partners.css';

interface Figure {
  taking: number;
  open: number;
  percent: number | null;
}
interface SummaryArea {
  id: string;
  name: string;
  kind: Area['kind'];
  kvoStatus: Area['kvoStatus'];
  geometry: AreaGeometry;
  findingsByTheme: Record<string, number>;
  participation: { shops: number; open: number; measures: Record<string, Figure> };
  grade?: number;
}
type Body = { year: number; areas: SummaryArea[] };
type Load =
  | { state: 'loading' }
  | { state: 'failed'; status: number }
  | { state: 'ok'; year: number; areas: SummaryArea[]; cachedAt?: string };

const isBody = (b: unknown): b is Body =>
  typeof b === 'object' && b !== null && typeof (b as Body).year === 'number' && Array.isArray((b as Body).areas);

const nf = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The partners' view: areas, participation, grades and counts of findings per theme, read from the
 * server's summary. It carries no photos, free text, names or finding points, by construction.
 */
export default function PartnersScreen() {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [measure, setMeasure] = useState<string>(shopFlagKeys[0]);
  const [config, setConfig] = useState(() => loadCachedConfig());

  // A partner may open this page first: fetch the map configuration when this device has none yet.
  useEffect(() => {
    if (config) return;
    import('../../services/fetchConfig')
      .then(({ fetchConfig }) => fetchConfig())
      .then(setConfig)
      .catch(() => undefined);
  }, [config]);

  useEffect(() => {
    let alive = true;
    apiFetch('/api/public/summary')
      .then(async (res) => {
        if (!alive) return;
        if (res.status === 401 || res.status === 403) forgetSummary();
        if (!res.ok) return setLoad(fromCache(res.status));
        const body = (await res.json()) as Body;
        saveSummary(body);
        setLoad({ state: 'ok', year: body.year, areas: body.areas });
      })
      // No network: the last summary this device fetched, saying when.
      .catch(() => alive && setLoad(fromCache(0)));
    return () => {
      alive = false;
    };
  }, []);

  const areas = useMemo(() => (load.state === 'ok' ? load.areas : []), [load]);
  const mapAreas = useMemo(
    () => areas.map((a) => ({ ...a, source: '', municipality: config?.municipality.id ?? '' }) as Area),
    [areas, config?.municipality.id],
  );
  const figure = (a: SummaryArea) => a.participation.measures[measure];
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const figureText = (f: Figure | undefined) =>
    !f || f.percent === null ? '—' : t('partners.figure', { taking: f.taking, open: f.open, percent: f.percent });

  return (
    <main className="screen" id="main">
      <h2>{t('partners.title')}</h2>
      <p>{t('partners.intro')}</p>
      {load.state === 'loading' && <p role="status">…</p>}
      {load.state === 'failed' && (
        <p role="alert">{load.status === 401 || load.status === 403 ? t('partners.notPublic') : t('partners.failed')}</p>
      )}
      {load.state === 'ok' && load.cachedAt && (
        <p className="banner banner-warn" role="status">
          {t('partners.cached', { when: formatDateTime(load.cachedAt, i18n.language) })}
        </p>
      )}
      {load.state === 'ok' && (
        <>
          <label className="field partners-measure">
            <span>{t('partners.measure')}</span>
            <select value={measure} onChange={(e) => setMeasure(e.target.value)}>
              {shopFlagKeys.map((m) => (
                <option key={m} value={m}>
                  {t(`shops.flags.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {config && (
            <div className="partners-map">
              <MapView config={config} basemapId="brt-grey">
                <ColouredAreasLayer
                  areas={mapAreas}
                  colourOf={(id) => classColour(percentClasses, areas.find((a) => a.id === id)?.participation.measures[measure]?.percent ?? null)}
                  labelOf={(id) => {
                    const a = areas.find((x) => x.id === id);
                    return a ? `${a.name}: ${figure(a)?.percent ?? '—'}${figure(a)?.percent != null ? '%' : ''}` : id;
                  }}
                />
              </MapView>
              <div className="partners-legend" aria-label={t('partners.legend', { measure: t(`shops.flags.${measure}`) })} role="group">
                <strong>{t(`shops.flags.${measure}`)}</strong>
                {percentClasses.map((c) => (
                  <span key={c.label} className="legend-item">
                    <span className="swatch" style={{ background: c.colour, borderColor: '#333' }} aria-hidden="true" />
                    {c.label}
                  </span>
                ))}
                <span className="legend-item">
                  <span className="swatch" style={{ background: '#fff', borderColor: '#333' }} aria-hidden="true" />
                  {t('partners.noFigure')}
                </span>
              </div>
            </div>
          )}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('partners.tableLabel', { year: load.year })}>
            <table className="data-table partners-table">
              <caption>{t('partners.tableLabel', { year: load.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('partners.area')}</th>
                  <ColumnHead label={t(`shops.flags.${measure}`)} />
                  <th scope="col">{t('partners.grade')}</th>
                  {defaultCategories.map((th) => (
                    <ColumnHead key={th.code} label={th.labels[lang]} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...areas].sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.name}</th>
                    <td>{figureText(figure(a))}</td>
                    <td>{a.grade === undefined ? '—' : nf.format(a.grade)}</td>
                    {defaultCategories.map((th) => (
                      <td key={th.code}>{a.findingsByTheme[th.code] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </main>
  );
}

/** A header that may wrap within its long compound words (softHyphens); its name is the plain label. */
function ColumnHead({ label }: { label: string }) {
  const text = softHyphens(label);
  return (
    <th scope="col" aria-label={text === label ? undefined : label}>
      {text}
    </th>
  );
}

/** When the server cannot be asked (or fails), the last summary on this device, if any; not after a refusal. */
function fromCache(status: number): Load {
  const cached = status === 401 || status === 403 ? null : loadSummary(isBody);
  return cached ? { state: 'ok', year: cached.body.year, areas: cached.body.areas, cachedAt: cached.fetchedAt } : { state: 'failed', status };
}
