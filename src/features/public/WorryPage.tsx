/**
 * The shopkeeper's worry page (issue 16, SPEC.md R47, R53): opened from the area's public link or from
 * a shop's personal survey link (`/melding#<token>`, the token in the fragment so it reaches no server log), on a phone, without an
 * account. Pin the spot on the area's map, choose a category from the walk's own list, write a line,
 * add a photo if you like (downscaled and stripped on the phone, and again on the server).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../domain/area';
import type { AreaGeometry } from '../../domain/geojson';
import { WORRY_TEXT_MAX } from '../../domain/worry';
import { MapView } from '../../map/MapView';
import { WalkAreaOutline } from '../../map/WalkAreaOutline';
import { CapturePin, MapTap } from '../../map/CapturePin';
import type { ClientConfig } from '../../services/config';
import { fetchConfig } from '../../services/fetchConfig';
import { processPhoto } from '../schouw/photos/processPhoto';
import '../schouw/schouw.css';

type LonLat = [number, number];

interface LinkInfo {
  municipality: string;
  area: { id: string; name: string; geometry: AreaGeometry };
  themes: { code: string; labels: { nl: string; en: string }; categories: { code: string; labels: { nl: string; en: string } }[] }[];
}
type Load = { state: 'loading' } | { state: 'unknown' } | { state: 'outside' } | { state: 'failed' } | { state: 'ok'; link: LinkInfo; config: ClientConfig };
type Sent = { state: 'idle' } | { state: 'sending' } | { state: 'sent' } | { state: 'error'; message: string };

const tokenFromHash = () => decodeURIComponent(window.location.hash.replace(/^#/, ''));

async function toBase64(blob: Blob): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
  return url.slice(url.indexOf(',') + 1);
}

export default function WorryPage() {
  const { t } = useTranslation();
  const [token, setToken] = useState(tokenFromHash);
  // Another link opened in the same tab changes only the fragment.
  useEffect(() => {
    const onHash = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    (async () => {
      const res = await fetch('/api/public/worry-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      if (res.status === 404 && ((await res.json().catch(() => ({}))) as { error?: string }).error === 'outside_areas') return { state: 'outside' } as const;
      if (res.status === 404 || res.status === 400) return { state: 'unknown' } as const;
      if (!res.ok) return { state: 'failed' } as const;
      const link = (await res.json()) as LinkInfo;
      return { state: 'ok', link, config: await fetchConfig() } as const;
    })()
      .catch(() => ({ state: 'failed' }) as const)
      .then((next) => live && setLoad(next));
    return () => {
      live = false;
    };
  }, [token]);

  if (load.state === 'loading') return <p className="public-note">{t('public.worry.loading')}</p>;
  if (load.state === 'unknown') return <main className="public-page"><p role="alert" className="public-alert">{t('public.worry.unknownLink')}</p></main>;
  if (load.state === 'outside') return <main className="public-page"><p role="alert" className="public-alert">{t('public.worry.outsideAreas')}</p></main>;
  if (load.state === 'failed') return <main className="public-page"><p role="alert" className="public-alert">{t('public.page.failed')}</p></main>;
  return <WorryForm key={token} token={token} link={load.link} config={load.config} />;
}

function WorryForm({ token, link, config }: { token: string; link: LinkInfo; config: ClientConfig }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [point, setPoint] = useState<LonLat | null>(null);
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [photoProblem, setPhotoProblem] = useState(false);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);
  const [sent, setSent] = useState<Sent>({ state: 'idle' });
  const [missingPoint, setMissingPoint] = useState(false);
  const area = { id: link.area.id, name: link.area.name, geometry: link.area.geometry } as Area;
  const place = useCallback((p: LonLat) => {
    setPoint(p);
    setMissingPoint(false);
  }, []);

  const useLocation = () => {
    if (!navigator.geolocation) return setLocationFailed(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocationFailed(false);
        place([pos.coords.longitude, pos.coords.latitude]);
      },
      () => setLocationFailed(true),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const choosePhoto = async (file: File | undefined) => {
    setPhotoProblem(false);
    setPhoto(null);
    if (!file) return;
    setPhotoBusy(true);
    const processed = await processPhoto(file).finally(() => setPhotoBusy(false));
    if (processed.ok) setPhoto(processed.photo.blob);
    else setPhotoProblem(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!point) return setMissingPoint(true);
    setSent({ state: 'sending' });
    try {
      const body = { token, point, categoryCode: category, text: text.replace(/\s+/g, ' ').trim(), ...(photo ? { photo: await toBase64(photo) } : {}) };
      const res = await fetch('/api/public/worries', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status === 201) {
        setSent({ state: 'sent' });
        return;
      }
      if (res.status === 404) return setSent({ state: 'error', message: t('public.worry.unknownLink') }); // revoked meanwhile, or the survey closed
      if (res.status === 429) return setSent({ state: 'error', message: t('public.worry.rateLimited') });
      if (res.status === 413 || res.status === 415) return setSent({ state: 'error', message: t('public.worry.photoProblem') });
      setSent({ state: 'error', message: t('public.worry.failed', { reason: res.status }) });
    } catch {
      setSent({ state: 'error', message: t('public.worry.failed', { reason: 'offline' }) });
    }
  };

  const again = () => {
    setPoint(null);
    setText('');
    setCategory('');
    setPhoto(null);
    setSent({ state: 'idle' });
  };

  if (sent.state === 'sent') {
    return (
      <main className="public-page worry-page">
        <h1>{t('public.worry.title', { area: link.area.name })}</h1>
        <p role="status" className="public-ok">{t('public.worry.sent')}</p>
        <button type="button" className="public-button" onClick={again}>{t('public.worry.another')}</button>
      </main>
    );
  }

  return (
    <main className="public-page worry-page">
      <h1>{t('public.worry.title', { area: link.area.name })}</h1>
      <p>{t('public.worry.intro', { area: link.area.name })}</p>
      <p className="public-note">{t('public.worry.privacy')}</p>
      <form onSubmit={submit} noValidate>
        <p id="worry-map-help">{point ? t('public.worry.placed') : t('public.worry.map')}</p>
        <div className="worry-map" aria-describedby="worry-map-help">
          <MapView config={config} basemapId={config.basemaps[0]?.id ?? 'brt'}>
            <WalkAreaOutline area={area} />
            <MapTap onTap={place} />
            <CapturePin point={point} gps={null} label={t('public.worry.placed')} onMove={place} />
          </MapView>
        </div>
        <button type="button" className="public-button secondary" onClick={useLocation}>{t('public.worry.useLocation')}</button>
        {locationFailed && <p role="alert">{t('public.worry.locationFailed')}</p>}
        {missingPoint && <p role="alert" className="public-alert">{t('public.worry.noPoint')}</p>}
        <label className="public-field">
          <span>{t('public.worry.category')}</span>
          <select required value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('public.worry.chooseCategory')}</option>
            {link.themes.map((th) => (
              <optgroup key={th.code} label={th.labels[lang]}>
                {th.categories.map((c) => (
                  <option key={c.code} value={c.code}>{c.labels[lang]}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="public-field">
          <span>{t('public.worry.text')}</span>
          <input type="text" required maxLength={WORRY_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="worry-text-help" />
          <small id="worry-text-help">{t('public.worry.textHelp', { max: WORRY_TEXT_MAX })}</small>
        </label>
        <label className="public-field">
          <span>{t('public.worry.photo')}</span>
          <input type="file" accept="image/*" capture="environment" onChange={(e) => void choosePhoto(e.target.files?.[0])} />
        </label>
        {photoProblem && <p role="alert">{t('public.worry.photoProblem')}</p>}
        {photo && <p role="status">{t('public.worry.photoReady')}</p>}
        {sent.state === 'error' && <p role="alert" className="public-alert">{sent.message}</p>}
        <button type="submit" className="public-button" disabled={sent.state === 'sending' || photoBusy || category === '' || text.trim() === ''}>
          {sent.state === 'sending' ? t('public.worry.sending') : t('public.worry.send')}
        </button>
      </form>
    </main>
  );
}
