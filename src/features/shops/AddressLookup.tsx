import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAddressQuery, type AddressCandidate, type AddressQuery } from '../../domain/geocode';
import { openDataApi } from './openDataApi';
import { TextField } from './TextField';

export type LookupPick = { point: [number, number]; label: string; bag: AddressCandidate['bag'] };

const score = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

/**
 * "Adres opzoeken" in the register's add/edit form (issue 14): postcode + huisnummer, or straat +
 * huisnummer + plaats, looked up at PDOK Locatieserver through the server; the person picks a candidate,
 * which fills in the place, the address text and the BAG ids (nummeraanduiding, verblijfsobject).
 */
export function AddressLookup({ municipality, onPick }: { municipality: string; onPick: (p: LookupPick) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<Required<Pick<AddressQuery, 'postcode' | 'huisnummer' | 'toevoeging' | 'straat' | 'plaats'>>>({ postcode: '', huisnummer: '', toevoeging: '', straat: '', plaats: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<AddressCandidate[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    const query: AddressQuery = {};
    for (const [k, v] of Object.entries(q) as [keyof typeof q, string][]) if (v.trim() !== '') query[k] = v.trim();
    const check = checkAddressQuery(query);
    if (!check.ok) {
      setMessage(t(`shops.geo.invalid.${check.reason}`));
      setCandidates(null);
      return;
    }
    setBusy(true);
    setMessage(null);
    setPicked(null);
    const r = await openDataApi.geocode(municipality, [{ row: 1, query }]);
    setBusy(false);
    if (!r.ok) {
      setMessage(r.error === 'offline' ? t('shops.geo.offline') : r.error === 'unavailable' ? t('shops.geo.unavailable', { message: r.message }) : t('shops.geo.refused', { message: r.message }));
      return;
    }
    const found = r.value.results[0];
    setCandidates(found?.candidates ?? []);
    if (!found || found.candidates.length === 0) setMessage(t('shops.geo.notFound'));
  };

  const pick = (c: AddressCandidate) => {
    setPicked(c.label);
    onPick({ point: c.point, label: c.label, bag: c.bag });
  };

  const field = (k: keyof typeof q, label: string) => <TextField label={label} value={q[k]} onChange={(v) => setQ((old) => ({ ...old, [k]: v }))} />;
  return (
    <fieldset className="address-lookup">
      <legend>{t('shops.geo.lookupTitle')}</legend>
      <p className="muted">{t('shops.geo.lookupHelp')}</p>
      <div className="field-row">
        {field('postcode', t('shops.geo.postcode'))}
        {field('huisnummer', t('shops.geo.huisnummer'))}
        {field('toevoeging', t('shops.geo.toevoeging'))}
      </div>
      <div className="field-row">
        {field('straat', t('shops.geo.straat'))}
        {field('plaats', t('shops.geo.plaats'))}
      </div>
      <button type="button" className="btn" disabled={busy} onClick={() => void search()}>
        {t('shops.geo.lookupButton')}
      </button>
      <div role="status" aria-live="polite">
        {message && <p className="banner banner-warn">{message}</p>}
        {picked && <p className="banner banner-ok">{t('shops.geo.picked', { label: picked })}</p>}
      </div>
      {candidates && candidates.length > 0 && !picked && (
        <div className="candidates" role="group" aria-label={t('shops.geo.pick')}>
          <p>{t('shops.geo.pick')}</p>
          <ul>
            {candidates.map((c, i) => (
              <li key={i}>
                {c.label} <span className="muted">({c.municipality}, {t('shops.geo.score', { score: score(c.score) })})</span>{' '}
                <button type="button" className="btn btn-small" onClick={() => pick(c)} aria-label={`${t('shops.geo.use')}: ${c.label}`}>
                  {t('shops.geo.use')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted attribution">{t('shops.geo.attribution')}</p>
    </fieldset>
  );
}
