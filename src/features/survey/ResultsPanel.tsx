import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupResultView } from './GroupResultView';
import { surveyApi, type CoordinatorResults } from './surveyApi';

/** The coordinator's results: the municipality and every area, with counts, distributions and free text. */
export function ResultsPanel({ municipality, year }: { municipality: string; year: number }) {
  const { t } = useTranslation();
  const [data, setData] = useState<CoordinatorResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void surveyApi.results(municipality, year).then((r) => (r.ok ? setData(r.value) : setError(r.error === 'offline' ? t('survey.error_offline') : t('survey.error_generic', { reason: r.error }))));
  }, [municipality, year, t]);
  if (error) return <p role="alert" className="form-error">{error}</p>;
  if (!data) return <p>{t('survey.loading')}</p>;
  return (
    <section aria-labelledby="survey-results-title">
      <h3 id="survey-results-title">{t('survey.resultsTitle', { year })}</h3>
      <p>
        {t('survey.linksSummary', { answered: data.links.answered, total: data.links.total })}{' '}
        {data.resultsPublic ? t('survey.publicState_on', { threshold: data.threshold }) : t('survey.publicState_off')}
      </p>
      <details open>
        <summary>
          {t('survey.municipalityWide')} — {t('survey.resultsAnswers', { count: data.municipality.answers })}
        </summary>
        <GroupResultView result={data.municipality} />
      </details>
      {Object.entries(data.areas).map(([id, group]) => (
        <details key={id}>
          <summary>
            {data.areaNames[id] ?? id} — {t('survey.resultsAnswers', { count: group.answers })}
          </summary>
          <GroupResultView result={group} />
        </details>
      ))}
    </section>
  );
}
