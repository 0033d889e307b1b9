/**
 * The public page of an area or of the municipality (issue 16, SPEC.md R49): KVO status and grade,
 * participation, this year's schouw by theme (counts only), what was fixed by theme and owner type,
 * the survey results and trends (sections other features add), what changed since last year.
 * A stable URL and a QR code to it; printable.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCategories } from '../../domain/categories';
import { findingOwners } from '../../domain/finding';
import { shopFlagKeys } from '../../domain/shop';
import { grade as formatGrade, longDate } from './format';
import { publicPagePath } from './qr';
import { QrCode } from './QrCode';
import { SurveySection } from './SurveySection';

// The charts are their own chunk, fetched when the visitor opens the section.
const PublicTrends = lazy(() => import('./PublicTrends'));

interface Figure {
  taking: number;
  open: number;
  percent: number | null;
}
interface Counts {
  found: Record<string, number>;
  fixed: Record<string, Record<string, number>>;
  totalFound: number;
  totalFixed: number;
}
interface Change {
  foundThisYear: number;
  foundLastYear: number;
  fixedThisYear: number;
  fixedLastYear: number;
  gradeThisYear: number | null;
  gradeLastYear: number | null;
}
interface PageBody {
  municipality: { id: string; name: string };
  year: number;
  area?: { id: string; name: string; kvoStatus: 'participating' | 'not_participating' };
  grade?: number | null;
  certificate?: { year: number; validFrom: string; validUntil: string } | null;
  areas?: { id: string; name: string; grade: number | null; certified: boolean; findings: number }[];
  participation: { shops: number; open: number; measures: Record<string, Figure> } | null;
  schouw: Counts;
  change: Change;
  /** Set by the survey feature (issue 16a) when results may be shown. */
  survey?: unknown;
}
type Load = { state: 'loading' } | { state: 'missing'; why: 'notPublic' | 'notFound' | 'failed' } | { state: 'ok'; body: PageBody };

export default function PublicPage({ municipality, areaId }: { municipality: string; areaId?: string }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const url = `/api/public/pages/${encodeURIComponent(municipality)}${areaId ? `/${encodeURIComponent(areaId)}` : ''}`;
    fetch(url, { credentials: 'same-origin' })
      .then(async (res): Promise<Load> => {
        if (res.ok) return { state: 'ok', body: (await res.json()) as PageBody };
        const error = ((await res.json().catch(() => ({}))) as { error?: string }).error;
        return { state: 'missing', why: error === 'not_public' ? 'notPublic' : res.status === 404 ? 'notFound' : 'failed' };
      })
      .catch((): Load => ({ state: 'missing', why: 'failed' }))
      .then((next) => live && setLoad(next));
    return () => {
      live = false;
    };
  }, [municipality, areaId]);

  if (load.state === 'loading') return <p className="public-note">…</p>;
  if (load.state === 'missing') return <main className="public-page"><p role="alert" className="public-alert">{t(`public.page.${load.why}`)}</p></main>;
  return <PageView body={load.body} path={publicPagePath(municipality, areaId)} />;
}

function PageView({ body, path }: { body: PageBody; path: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const url = `${window.location.origin}${path}`;
  const year = body.year;
  const title = body.area ? t('public.page.title', { name: body.area.name }) : t('public.page.municipalityTitle', { name: body.municipality.name });
  return (
    <main className="public-page public-results">
      <header className="public-head">
        <div>
          <h1>{title}</h1>
          <p className="public-note">{t('public.page.stableLink', { url })}</p>
        </div>
        <QrCode text={url} label={t('public.page.qr')} size="7rem" />
      </header>
      <button type="button" className="public-button secondary no-print" onClick={() => window.print()}>{t('public.page.print')}</button>

      {body.area && (
        <section>
          <h2>{t('public.page.status')}</h2>
          <p>{t(`public.page.${body.area.kvoStatus}`)}</p>
          <p>
            {t('public.page.grade', { year })}: <strong>{body.grade != null ? formatGrade(body.grade, lang) : t('public.page.noGrade')}</strong>
          </p>
          <p>{body.certificate ? t('public.page.certified', { from: longDate(body.certificate.validFrom, lang), until: longDate(body.certificate.validUntil, lang) }) : t('public.page.notCertified')}</p>
        </section>
      )}

      {body.areas && (
        <section>
          <h2>{t('public.page.areas')}</h2>
          <table className="public-table">
            <thead>
              <tr>
                <th scope="col">{t('public.page.area')}</th>
                <th scope="col">{t('public.page.grade', { year })}</th>
                <th scope="col">{t('public.page.findings', { year })}</th>
              </tr>
            </thead>
            <tbody>
              {body.areas.map((a) => (
                <tr key={a.id}>
                  <th scope="row"><a href={publicPagePath(body.municipality.id, a.id)}>{a.name}</a></th>
                  <td>{a.grade != null ? formatGrade(a.grade, lang) : '—'}</td>
                  <td>{a.findings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {body.participation && (
        <section>
          <h2>{t('public.page.participation')}</h2>
          <p>{t('public.page.participationOf', { open: body.participation.open })}</p>
          <table className="public-table">
            <thead>
              <tr>
                <th scope="col">{t('public.page.measure')}</th>
                <th scope="col">{t('public.page.share')}</th>
              </tr>
            </thead>
            <tbody>
              {shopFlagKeys.map((k) => {
                const f = body.participation!.measures[k];
                return (
                  <tr key={k}>
                    <th scope="row">{t(`shops.flags.${k}`)}</th>
                    <td>{f && f.percent !== null ? t('public.page.figure', { taking: f.taking, open: f.open, percent: f.percent }) : t('public.page.noFigure')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      <section>
        <h2>{t('public.page.schouw', { year })}</h2>
        <p className="public-note">{t('public.page.schouwIntro')}</p>
        {body.schouw.totalFound === 0 ? (
          <p>{t('public.page.none')}</p>
        ) : (
          <table className="public-table" data-testid="public-themes">
            <thead>
              <tr>
                <th scope="col">{t('public.page.theme')}</th>
                <th scope="col">{t('public.page.found')}</th>
                <th scope="col">{t('public.page.fixed')}</th>
              </tr>
            </thead>
            <tbody>
              {defaultCategories
                .filter((th) => body.schouw.found[th.code])
                .map((th) => (
                  <tr key={th.code}>
                    <th scope="row">{th.labels[lang]}</th>
                    <td>{body.schouw.found[th.code]}</td>
                    <td>{Object.values(body.schouw.fixed[th.code] ?? {}).reduce((a, b) => a + b, 0)}</td>
                  </tr>
                ))}
              <tr>
                <th scope="row">{t('public.page.total')}</th>
                <td>{body.schouw.totalFound}</td>
                <td>{body.schouw.totalFixed}</td>
              </tr>
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t('public.page.actions')}</h2>
        <p className="public-note">{t('public.page.actionsIntro', { year })}</p>
        {body.schouw.totalFixed === 0 ? (
          <p>{t('public.page.noActions')}</p>
        ) : (
          <table className="public-table">
            <thead>
              <tr>
                <th scope="col">{t('public.page.theme')}</th>
                <th scope="col">{t('public.page.owner')}</th>
                <th scope="col">{t('public.page.fixed')}</th>
              </tr>
            </thead>
            <tbody>
              {defaultCategories.flatMap((th) =>
                [...findingOwners, 'none']
                  .filter((o) => body.schouw.fixed[th.code]?.[o])
                  .map((o) => (
                    <tr key={`${th.code}-${o}`}>
                      <th scope="row">{th.labels[lang]}</th>
                      <td>{t(`public.owners.${o}`)}</td>
                      <td>{body.schouw.fixed[th.code]![o]}</td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t('public.page.change')}</h2>
        <ul>
          <li>{t('public.page.changeRow', { what: t('public.page.foundRow'), last: body.change.foundLastYear, lastYear: year - 1, now: body.change.foundThisYear, year })}</li>
          <li>{t('public.page.changeRow', { what: t('public.page.fixedRow'), last: body.change.fixedLastYear, lastYear: year - 1, now: body.change.fixedThisYear, year })}</li>
          {body.area && (
            <li>
              {t('public.page.changeRow', {
                what: t('public.page.gradeRow'),
                last: body.change.gradeLastYear != null ? formatGrade(body.change.gradeLastYear, lang) : '—',
                lastYear: year - 1,
                now: body.change.gradeThisYear != null ? formatGrade(body.change.gradeThisYear, lang) : '—',
                year,
              })}
            </li>
          )}
        </ul>
      </section>

      {/* The survey results (shown from its threshold) and the trends year over year. */}
      <SurveySection municipality={body.municipality.id} {...(body.area ? { areaId: body.area.id } : {})} />
      <TrendsSlot municipality={body.municipality.id} {...(body.area ? { areaId: body.area.id } : {})} />
    </main>
  );
}

/** "Door de jaren heen": a closed disclosure; opening it loads the charts and their data. */
function TrendsSlot({ municipality, areaId }: { municipality: string; areaId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section data-slot="trends">
      <h2>{t('public.page.trends')}</h2>
      <details className="public-trends" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('public.page.trendsShow')}</summary>
        {open && (
          <Suspense fallback={<p role="status">{t('public.page.trendsLoading')}</p>}>
            <PublicTrends municipality={municipality} {...(areaId ? { areaId } : {})} />
          </Suspense>
        )}
      </details>
    </section>
  );
}
