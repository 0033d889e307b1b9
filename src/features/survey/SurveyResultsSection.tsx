/**
 * The survey's public results for one area (or, without `areaId`, the municipality), for the public area
 * page: anonymised counts and distributions, only from the threshold (SPEC.md R46; the server decides,
 * this only shows what it got). No free text ever reaches it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicGroupResult } from '../../domain/survey/results';
import { GroupResultView } from './GroupResultView';
import { surveySectionStrings } from './i18nSection';
import { registerStrings } from '../../services/i18n';

registerStrings('surveyPublic', surveySectionStrings);

export type PublicSurveyAnswer = PublicGroupResult & { year: number; name: string };

export function publicSurveyUrl(municipality: string, areaId?: string, year?: number): string {
  const base = `/api/public/survey/${encodeURIComponent(municipality)}${areaId ? `/areas/${encodeURIComponent(areaId)}` : ''}`;
  return year ? `${base}?year=${year}` : base;
}

export function SurveyResultsSection({ municipality, areaId, year }: { municipality: string; areaId?: string; year?: number }) {
  const { t } = useTranslation();
  const [data, setData] = useState<PublicSurveyAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch(publicSurveyUrl(municipality, areaId, year))
      .then(async (r) => {
        if (!live) return;
        if (!r.ok) return setFailed(true);
        setData((await r.json()) as PublicSurveyAnswer);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [municipality, areaId, year]);

  return (
    <section className="survey-public" aria-labelledby={`survey-public-${areaId ?? municipality}`} data-testid="survey-results-section">
      <h3 id={`survey-public-${areaId ?? municipality}`}>{t('surveyPublic.title', { year: data?.year ?? year ?? '' })}</h3>
      {failed && <p className="muted">{t('surveyPublic.unavailable')}</p>}
      {!failed && !data && <p aria-busy="true">…</p>}
      {data && !data.shown && (
        <p className="muted" data-hidden-reason={data.reason}>
          {data.reason === 'below_threshold' ? t('surveyPublic.belowThreshold', { threshold: data.threshold }) : data.reason === 'not_public' ? t('surveyPublic.notPublic') : t('surveyPublic.noSurvey')}
        </p>
      )}
      {data?.shown && (
        <>
          <p>{t('surveyPublic.answers', { count: data.result.answers })}</p>
          <GroupResultView result={data.result} />
        </>
      )}
    </section>
  );
}
