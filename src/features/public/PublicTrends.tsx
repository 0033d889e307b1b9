/**
 * The trends on the public page (issue 16): year over year, from the public trends endpoint (counts,
 * shares, medians, grades; survey scores only for years at or over their threshold). The same small
 * charts and screen-reader table as the coordinator's trends (TrendCharts). Its own chunk, fetched only
 * when the visitor opens the section.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCategories } from '../../domain/categories';
import type { AreaYearTrend } from '../../domain/trends';
import { TrendCharts } from '../trends/TrendCharts';
import '../trends/i18nRegister';

interface Body {
  municipality: { id: string; name: string };
  area: { id: string; name: string } | null;
  years: AreaYearTrend[];
  passGrade: number;
}
type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ok'; body: Body };

export default function PublicTrends({ municipality, areaId }: { municipality: string; areaId?: string }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const url = `/api/public/trends/${encodeURIComponent(municipality)}${areaId ? `/${encodeURIComponent(areaId)}` : ''}`;
    fetch(url, { credentials: 'same-origin' })
      .then(async (res): Promise<Load> => (res.ok ? { state: 'ok', body: (await res.json()) as Body } : { state: 'failed' }))
      .catch((): Load => ({ state: 'failed' }))
      .then((next) => live && setLoad(next));
    return () => {
      live = false;
    };
  }, [municipality, areaId]);
  if (load.state === 'loading') return <p role="status">{t('trends.loading')}</p>;
  if (load.state === 'failed') return <p role="alert" className="public-alert">{t('public.page.trendsFailed')}</p>;
  const { body } = load;
  if (body.years.every((y) => y.findings === 0 && y.source === null && y.survey === null)) return <p>{t('public.page.trendsNone')}</p>;
  const name = body.area?.name ?? body.municipality.name;
  return <TrendCharts areaName={name} themes={defaultCategories} years={body.years} passGrade={body.passGrade} showGrade={body.area !== null} />;
}
