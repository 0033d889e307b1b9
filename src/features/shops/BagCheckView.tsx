import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { v7 as uuidv7 } from 'uuid';
import { compareWithRegister, premisesDecisionKinds, type BagPremises, type PremisesDecision, type PremisesDecisionKind } from '../../domain/bagPremises';
import { newShop, SHOP_LIMITS } from '../../domain/shop';
import { db } from '../../services/db';
import { saveShop } from '../../storage/shopsRepo';
import { openDataApi } from './openDataApi';
import type { ShopsData } from './useShopsData';

type Loaded = { fetchedAt: string; premises: BagPremises[]; attribution: string };

/**
 * BAG shop premises against the register, per area (issue 14): the counts, the premises without a
 * register shop (add one to be named, or mark it as not a shop), and register shops no premises matches.
 */
export function BagCheckView({ data }: { data: ShopsData }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const selectId = useId();
  const [areaId, setAreaId] = useState<string>('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [decisions, setDecisions] = useState<PremisesDecision[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = data.municipality;

  const load = async (refresh: boolean) => {
    if (!m || !areaId) return;
    setBusy(true);
    setMessage(null);
    const [p, d] = await Promise.all([openDataApi.premises(m, areaId, refresh), openDataApi.decisions(m)]);
    setBusy(false);
    if (!p.ok) {
      setMessage(p.error === 'offline' ? t('shops.bag.offline') : t('shops.bag.unavailable', { message: p.message }));
      return;
    }
    setLoaded(p.value);
    if (d.ok) setDecisions(d.value.decisions);
  };
  useEffect(() => {
    setLoaded(null);
    if (areaId) void load(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areaId, m]);

  const shopsInArea = useMemo(() => (data.shops ?? []).filter((s) => data.assignment.get(s.id) === areaId), [data.shops, data.assignment, areaId]);
  const comparison = useMemo(() => (loaded ? compareWithRegister(loaded.premises, shopsInArea, decisions) : null), [loaded, shopsInArea, decisions]);

  const decide = async (premisesId: string, kind: PremisesDecisionKind | null) => {
    if (!m) return;
    const r = await openDataApi.decide(m, premisesId, kind);
    if (!r.ok) {
      setMessage(t('shops.bag.unavailable', { message: r.message }));
      return;
    }
    setDecisions((old) => [...old.filter((d) => d.premisesId !== premisesId), ...(kind ? [{ premisesId, kind, decidedBy: '', decidedAt: new Date().toISOString() }] : [])]);
  };

  const addShop = async (p: BagPremises) => {
    if (!m) return;
    const shop = newShop({
      id: uuidv7(),
      municipality: m,
      name: t('shops.bag.unnamed', { address: p.address }).slice(0, SHOP_LIMITS.name),
      address: p.address.slice(0, SHOP_LIMITS.address),
      point: { type: 'Point', coordinates: p.point },
    });
    const r = await saveShop(db, shop);
    if (!r.ok) setMessage(r.message);
    else navigate(`/winkel/${encodeURIComponent(shop.id)}`);
  };

  return (
    <section aria-labelledby="bag-title" className="panel">
      <h2 id="bag-title">{t('shops.bag.title')}</h2>
      <p className="intro">{t('shops.bag.intro')}</p>
      <div className="field">
        <label htmlFor={selectId}>{t('shops.bag.area')}</label>
        <select id={selectId} value={areaId} onChange={(e) => setAreaId(e.target.value)}>
          <option value="">{t('shops.bag.pickArea')}</option>
          {data.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {areaId && (
          <button type="button" className="btn" disabled={busy} onClick={() => void load(true)}>
            {t('shops.bag.refresh')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {busy && <p className="banner">{t('shops.bag.loading')}</p>}
        {message && <p className="banner banner-warn">{message}</p>}
      </div>
      {loaded && comparison && (
        <>
          <p className="bag-summary">
            <strong>
              {t('shops.bag.summary', { premises: comparison.premises, shops: comparison.shops, matched: comparison.matched, without: comparison.withoutShop.length })}
            </strong>
            {comparison.notShopTotal > 0 && <span> · {t('shops.bag.notShopCount', { count: comparison.notShopTotal })}</span>}
          </p>
          <p className="muted">{t('shops.bag.fetchedAt', { date: new Date(loaded.fetchedAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' }) })}</p>
          <h3>{t('shops.bag.withoutTitle')}</h3>
          {comparison.withoutShop.length === 0 ? (
            <p className="muted">{t('shops.bag.none')}</p>
          ) : (
            <ul className="bag-list">
              {comparison.withoutShop.map((p) => (
                <li key={p.id} data-premises={p.id}>
                  <span>{p.address || p.id}</span>{' '}
                  <button type="button" className="btn" onClick={() => void addShop(p)}>
                    {t('shops.bag.add')}
                  </button>{' '}
                  <label>
                    {t('shops.bag.notShop')}{' '}
                    <select value="" onChange={(e) => void decide(p.id, e.target.value as PremisesDecisionKind)}>
                      <option value="">—</option>
                      {premisesDecisionKinds.map((k) => (
                        <option key={k} value={k}>
                          {t(`shops.bag.kinds.${k}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {comparison.notShopTotal > 0 && (
            <>
              <h3>{t('shops.bag.decidedTitle')}</h3>
              <ul className="bag-list">
                {loaded.premises
                  .filter((p) => !comparison.shopOf.has(p.id) && decisions.some((d) => d.premisesId === p.id))
                  .map((p) => (
                    <li key={p.id}>
                      {p.address} — {t(`shops.bag.kinds.${decisions.find((d) => d.premisesId === p.id)!.kind}`)}{' '}
                      <button type="button" className="btn btn-link" onClick={() => void decide(p.id, null)}>
                        {t('shops.bag.undo')}
                      </button>
                    </li>
                  ))}
              </ul>
            </>
          )}
          <h3>{t('shops.bag.flaggedTitle')}</h3>
          {comparison.shopsWithoutPremises.length === 0 ? (
            <p className="muted">{t('shops.bag.none')}</p>
          ) : (
            <ul className="bag-list">
              {comparison.shopsWithoutPremises.map((s) => (
                <li key={s.id} data-flagged-shop={s.id}>
                  ⚑ {s.name} <span className="muted">{s.address}</span> — {t('shops.bag.flagged')}
                </li>
              ))}
            </ul>
          )}
          <p className="muted attribution">{loaded.attribution}</p>
        </>
      )}
    </section>
  );
}
