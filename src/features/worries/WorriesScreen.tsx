/**
 * The coordinator's side of the shopkeepers' worries and the public pages (issue 16): a public link
 * per area (with its QR code), the queue of worries to accept or reject (R47), whether the public
 * pages are public, and the certificates and window stickers of certified areas.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findCategory } from '../../domain/categories';
import { apiFetch } from '../../services/session';
import { registerStrings } from '../../services/i18n';
import { formatDateTime } from '../../services/format';
import { useCurrentMunicipality } from '../owners/useOrganisations';
import { QrCode } from '../public/QrCode';
import { publicPagePath } from '../public/qr';
import { worriesStrings } from './i18n';
import './worries.css';

registerStrings('worries', worriesStrings);

interface Link {
  token: string;
  areaId: string;
}
interface Submission {
  id: string;
  areaId: string;
  categoryCode: string;
  text: string;
  photoHash: string | null;
  state: 'pending' | 'accepted' | 'rejected';
  submittedAt: string;
}
interface PublicState {
  public: boolean;
  certified: { areaId: string; year: number; grade: number }[];
}
interface AreaRow {
  id: string;
  name: string;
}

export default function WorriesScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const municipality = useCurrentMunicipality();
  const q = `municipality=${encodeURIComponent(municipality)}`;
  const [areas, setAreas] = useState<AreaRow[]>([]);
  const [links, setLinks] = useState<Link[]>([]);
  const [worries, setWorries] = useState<Submission[]>([]);
  const [pub, setPub] = useState<PublicState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const [a, l, w, p] = await Promise.all([
      fetch(`/api/areas?${q}`).then((r) => r.json() as Promise<{ features: { properties: { id: string; name: string } }[] }>),
      apiFetch(`/api/worry-links?${q}`),
      apiFetch(`/api/worries?${q}`),
      apiFetch(`/api/public-pages?${q}`),
    ]);
    setAreas(a.features.map((f) => ({ id: f.properties.id, name: f.properties.name })).sort((x, y) => x.name.localeCompare(y.name, 'nl')));
    if (l.ok) setLinks(((await l.json()) as { links: Link[] }).links);
    if (w.ok) setWorries(((await w.json()) as { worries: Submission[] }).worries);
    if (p.ok) setPub((await p.json()) as PublicState);
    const bad = [l, w, p].find((r) => !r.ok);
    setProblem(bad ? t('worries.failed', { status: bad.status }) : null);
  }, [q, t]);

  useEffect(() => {
    void reload().catch(() => setProblem(t('worries.failed', { status: 'offline' })));
  }, [reload, t]);

  const act = async (res: Promise<Response>) => {
    const r = await res.catch(() => null);
    if (!r || !r.ok) setProblem(t('worries.failed', { status: r?.status ?? 'offline' }));
    await reload().catch(() => undefined);
  };

  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? id;
  const categoryName = (code: string) => findCategory(code)?.category.labels[lang] ?? code;
  const origin = window.location.origin;
  const pending = worries.filter((w) => w.state === 'pending');
  const decided = worries.filter((w) => w.state !== 'pending');

  return (
    <main className="screen worries-screen" id="main">
      <h1>{t('worries.title')}</h1>
      {problem && <p role="alert" className="banner banner-warn">{problem}</p>}

      <section aria-labelledby="worries-queue">
        <h2 id="worries-queue">{t('worries.queueTitle')}</h2>
        {pending.length === 0 && <p>{t('worries.queueEmpty')}</p>}
        <ul className="worries-list">
          {pending.map((w) => (
            <li key={w.id} className="worry-item" data-worry={w.id}>
              <p className="worry-text">{w.text}</p>
              <p className="worry-meta">
                {categoryName(w.categoryCode)} · {areaName(w.areaId)} · {t('worries.submittedOn', { date: formatDateTime(w.submittedAt, lang) })}
              </p>
              {w.photoHash && <img className="worry-photo" src={`/api/worries/${w.id}/photo?size=thumb&${q}`} alt={t('worries.photo')} />}
              <div className="worry-actions">
                <button type="button" onClick={() => void act(apiFetch(`/api/worries/${w.id}/decision?${q}`, { method: 'POST', json: { decision: 'accept' } }))}>
                  {t('worries.accept')}
                </button>
                <button type="button" onClick={() => void act(apiFetch(`/api/worries/${w.id}/decision?${q}`, { method: 'POST', json: { decision: 'reject' } }))}>
                  {t('worries.reject')}
                </button>
              </div>
            </li>
          ))}
        </ul>
        {decided.length > 0 && (
          <details>
            <summary>{t('worries.decidedTitle')} ({decided.length})</summary>
            <ul className="worries-list">
              {decided.map((w) => (
                <li key={w.id} className="worry-item">
                  <p className="worry-text">{w.text}</p>
                  <p className="worry-meta">
                    {categoryName(w.categoryCode)} · {areaName(w.areaId)} · {t(`worries.state_${w.state}`)}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="worries-links">
        <h2 id="worries-links">{t('worries.linksTitle')}</h2>
        <p>{t('worries.linksIntro')}</p>
        <ul className="worries-list">
          {areas.map((a) => {
            const link = links.find((l) => l.areaId === a.id);
            const url = link ? `${origin}/melding#${link.token}` : null;
            return (
              <li key={a.id} className="worry-link" data-area={a.id}>
                <h3>{a.name}</h3>
                {url ? (
                  <div className="worry-link-row">
                    <QrCode text={url} label={t('worries.qr', { area: a.name })} size="6rem" />
                    <a href={url} className="worry-link-url">{url}</a>
                  </div>
                ) : (
                  <p>{t('worries.noLink')}</p>
                )}
                <div className="worry-actions">
                  <button type="button" onClick={() => void act(apiFetch(`/api/worry-links?${q}`, { method: 'POST', json: { areaId: a.id } }))}>
                    {t('worries.newLink')}
                  </button>
                  {link && (
                    <button type="button" onClick={() => void act(apiFetch(`/api/worry-links/revoke?${q}`, { method: 'POST', json: { areaId: a.id } }))}>
                      {t('worries.revoke')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="worries-public">
        <h2 id="worries-public">{t('worries.publicTitle')}</h2>
        <p>{t('worries.publicIntro')}</p>
        {pub && (
          <label className="worries-toggle">
            <input type="checkbox" checked={pub.public} onChange={(e) => {
                // Shown at once; the reload after the answer shows what the server holds.
                const value = e.target.checked;
                setPub({ ...pub, public: value });
                void act(apiFetch(`/api/public-pages?${q}`, { method: 'PUT', json: { public: value } }));
              }}
            />
            {t('worries.makePublic')}
          </label>
        )}
        <p>
          <a href={publicPagePath(municipality)}>{t('worries.municipalityPage')}</a>
        </p>
        <details>
          <summary>{t('worries.areaPages')}</summary>
          <ul>
            {areas.map((a) => (
              <li key={a.id}>
                <a href={publicPagePath(municipality, a.id)}>{a.name}</a>
              </li>
            ))}
          </ul>
        </details>
        <h3>{t('worries.certificates')}</h3>
        {pub && pub.certified.length === 0 && <p>{t('worries.noCertificates')}</p>}
        <ul>
          {pub?.certified.map((c) => (
            <li key={`${c.areaId}/${c.year}`}>
              {areaName(c.areaId)} {c.year}:{' '}
              <a href={`/certificaat/${encodeURIComponent(municipality)}/${encodeURIComponent(c.areaId)}/${c.year}`}>{t('worries.certificate')}</a>
              {' · '}
              <a href={`/raamsticker/${encodeURIComponent(municipality)}/${encodeURIComponent(c.areaId)}/${c.year}`}>{t('worries.sticker')}</a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
