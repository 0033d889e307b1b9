import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { db } from '../../services/db';
import { amsterdamDate } from '../../domain/overdue';
import { markSurveyYear, shopFlagKeys, surveyAnsweredIn } from '../../domain/shop';
import { saveShop, setShopOpen } from '../../storage/shopsRepo';
import { AddressLookup } from './AddressLookup';
import { CoordinateInputs } from './CoordinateInputs';
import { DatedEntries } from './DatedEntries';
import { PlaceShopMap } from './PlaceShopMap';
import { draftOf, entryKinds, newDraft, validateDraft, type DraftErrors, type ShopDraft } from './shopDraft';
import { TextField } from './TextField';
import type { ShopsData } from './useShopsData';

/** Add (id null) or edit a shop: the form, its place on the map, close or reopen. */
export function ShopEditView({ data, id }: { data: ShopsData; id: string | null }) {
  const { t } = useTranslation();
  const surveyYear = Number(amsterdamDate(new Date()).slice(0, 4));
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<ShopDraft | null>(() => (id ? null : newDraft()));
  const [missing, setMissing] = useState(false);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [coordsOpen, setCoordsOpen] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!id) return;
    let live = true;
    void db.shops.get(id).then((s) => {
      if (!live) return;
      if (s) setDraft(draftOf(s));
      else setMissing(true);
    });
    return () => {
      live = false;
    };
  }, [id]);

  const patch = useCallback((p: Partial<ShopDraft>) => setDraft((d) => (d ? { ...d, ...p } : d)), []);
  const place = useCallback((point: [number, number]) => patch({ point }), [patch]);

  if (missing) return <p className="banner banner-warn">{t('shops.form.notFound')}</p>;
  if (!draft) return <p className="banner">…</p>;

  const errorText = (field: string) => (errors[field] ? t(`shops.form.errors.${errors[field]}`) : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validateDraft(draft, data.municipality!, data.config?.municipality.boundary);
    if (!v.ok) {
      setErrors(v.errors);
      setStatus(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    const r = await saveShop(db, v.shop);
    if (!r.ok) setStatus(t('shops.form.errors.save', { reason: r.message }));
    else navigate('/');
  };
  const toggleOpen = async () => {
    if (!id) return patch({ open: !draft.open });
    const r = await setShopOpen(db, id, !draft.open);
    if (r.ok) patch({ open: r.shop.open });
  };
  const areaName = draft.point ? (data.areaName(data.index.areaOf(draft.point)) ?? t('shops.outside')) : null;
  const errorList = Object.entries(errors);

  return (
    <section aria-labelledby="shop-form-title" className="panel">
      <button type="button" className="btn btn-link" onClick={() => navigate('/')}>
        ← {t('shops.form.back')}
      </button>
      <h2 id="shop-form-title">{t(id ? 'shops.form.titleEdit' : 'shops.form.titleNew')}</h2>
      {errorList.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{t('shops.form.errorSummary')}</p>
          <ul>
            {errorList.map(([field, key]) => (
              <li key={field}>{t(`shops.form.errors.${key}`)}</li>
            ))}
          </ul>
        </div>
      )}
      {!draft.open && <p className="note">{t('shops.form.closedNote')}</p>}
      <form className="shop-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-cols">
          <div>
            <TextField label={t('shops.form.name')} value={draft.name} required error={errorText('name')} onChange={(v) => patch({ name: v })} />
            <TextField label={t('shops.form.address')} value={draft.address} error={errorText('address')} onChange={(v) => patch({ address: v })} />
            <TextField label={t('shops.form.sector')} value={draft.sector} error={errorText('sector')} onChange={(v) => patch({ sector: v })} />
            <fieldset className="flags">
              <legend>{t('shops.form.flags')}</legend>
              {shopFlagKeys.map((k) =>
                k === 'surveyAnswered' ? (
                  // Per year (R50): the tick is this year's; an answer sent through the shop's link stays ticked.
                  <label key={k} className="check">
                    <input
                      type="checkbox"
                      checked={surveyAnsweredIn(draft, surveyYear)}
                      disabled={(draft.surveyAnsweredYears ?? []).includes(surveyYear)}
                      onChange={(e) => patch(markSurveyYear({ flags: draft.flags, surveyYears: draft.surveyYears, surveyAnsweredYears: draft.surveyAnsweredYears }, surveyYear, e.target.checked))}
                    />
                    {t('shops.form.surveyYear', { year: surveyYear })}
                  </label>
                ) : (
                  <label key={k} className="check">
                    <input type="checkbox" checked={draft.flags[k]} onChange={(e) => patch({ flags: { ...draft.flags, [k]: e.target.checked } })} />
                    {t(`shops.flags.${k}`)}
                  </label>
                ),
              )}
            </fieldset>
          </div>
          <fieldset className={`place${errors.point ? ' field-error' : ''}`} aria-describedby={errors.point ? 'place-error' : 'place-hint'}>
            <legend>{t('shops.form.place')}</legend>
            <p id="place-hint" className="muted">
              {t('shops.form.placeHint')}
            </p>
            {errors.point && (
              <p id="place-error" className="error-text">
                {errorText('point')}
              </p>
            )}
            <p role="status">{areaName ? t('shops.form.placedIn', { area: areaName }) : t('shops.form.notPlaced')}</p>
            {data.municipality && (
              <AddressLookup
                municipality={data.municipality}
                onPick={(p) => patch({ point: p.point, address: p.label.slice(0, 200), ...(p.bag ? { bag: p.bag } : { bag: undefined }) })}
              />
            )}
            <CoordinateInputs key={draft.point ? draft.point.join(',') : 'none'} point={draft.point} onPlace={place} open={coordsOpen} onToggle={setCoordsOpen} />
            <PlaceShopMap config={data.config!} areas={data.areas} point={draft.point} markerLabel={t('shops.form.marker')} onPlace={place} />
          </fieldset>
        </div>
        {entryKinds.map((k) => (
          <DatedEntries key={k} kind={k} entries={draft[k]} errors={errors} onChange={(list) => patch({ [k]: list })} />
        ))}
        {status && (
          <p className="banner banner-warn" role="alert">
            {status}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="btn btn-primary">
            {t('shops.form.save')}
          </button>
          <button type="button" className="btn" onClick={() => navigate('/')}>
            {t('shops.form.cancel')}
          </button>
          <button type="button" className={draft.open ? 'btn btn-danger' : 'btn'} onClick={() => void toggleOpen()}>
            {t(draft.open ? 'shops.form.close' : 'shops.form.reopen')}
          </button>
        </div>
      </form>
    </section>
  );
}
