import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { shopFlagKeys } from '../../domain/shop';
import { shopsToCsv } from '../../domain/shopImport';
import { downloadText } from './download';
import { emptyFilter, filterShops, type ShopFilter } from './filterShops';
import type { ShopsData } from './useShopsData';

/** The coordinator's register: search, filters, the list, add and export. */
export function RegisterView({ data }: { data: ShopsData }) {
  const { t } = useTranslation();
  const ids = { text: useId(), area: useId(), status: useId(), flag: useId() };
  const [filter, setFilter] = useState<ShopFilter>(emptyFilter);
  const all = useMemo(() => data.shops ?? [], [data.shops]);
  const shown = useMemo(() => filterShops(all, data.assignment, filter), [all, data.assignment, filter]);
  const set = (patch: Partial<ShopFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const exportCsv = () => {
    const date = new Date().toISOString().slice(0, 10);
    downloadText(shopsToCsv([...all].sort((a, b) => a.name.localeCompare(b.name, 'nl'))), `winkels-${data.municipality}-${date}.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <section aria-labelledby="register-title" className="panel">
      <div className="panel-head">
        <h2 id="register-title">{t('shops.nav.register')}</h2>
        <div className="actions">
          <Link href="/nieuw" className="btn btn-primary btn-as-link">
            {t('shops.register.add')}
          </Link>
          <button type="button" className="btn" onClick={exportCsv} disabled={all.length === 0}>
            {t('shops.register.export')}
          </button>
        </div>
      </div>
      <div className="filters" role="search">
        <div className="field field-grow">
          <label htmlFor={ids.text}>{t('shops.register.search')}</label>
          <input id={ids.text} type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.area}>{t('shops.register.area')}</label>
          <select id={ids.area} value={filter.area} onChange={(e) => set({ area: e.target.value })}>
            <option value="">{t('shops.register.allAreas')}</option>
            {data.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value="outside">{t('shops.outside')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{t('shops.register.status')}</label>
          <select id={ids.status} value={filter.status} onChange={(e) => set({ status: e.target.value as ShopFilter['status'] })}>
            <option value="all">{t('shops.register.all')}</option>
            <option value="open">{t('shops.register.open')}</option>
            <option value="closed">{t('shops.register.closed')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.flag}>{t('shops.register.flag')}</label>
          <select id={ids.flag} value={filter.flag} onChange={(e) => set({ flag: e.target.value as ShopFilter['flag'] })}>
            <option value="">{t('shops.register.anyFlag')}</option>
            {shopFlagKeys.map((k) => (
              <option key={k} value={k}>
                {t(`shops.flags.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="muted">
        {t('shops.register.count', { count: shown.length, total: all.length })}
      </p>
      {all.length === 0 ? (
        <p className="banner">{t('shops.register.noShopsYet')}</p>
      ) : shown.length === 0 ? (
        <p className="banner">{t('shops.register.empty')}</p>
      ) : (
        <ul className="shop-list">
          {shown.map((s) => {
            const flags = shopFlagKeys.filter((k) => s.flags[k]).map((k) => t(`shops.flags.${k}`));
            return (
              <li key={s.id}>
                <Link href={`/winkel/${encodeURIComponent(s.id)}`} className="shop-item">
                  <span className="shop-name">
                    {s.name}
                    {!s.open && <span className="tag tag-closed">{t('shops.register.closed')}</span>}
                  </span>
                  <span className="shop-meta">
                    {[s.address, s.sector, data.areaName(data.assignment.get(s.id) ?? null) ?? t('shops.outside')].filter(Boolean).join(' · ')}
                  </span>
                  <span className="shop-flags">{flags.length > 0 ? flags.join(', ') : t('shops.register.none')}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
