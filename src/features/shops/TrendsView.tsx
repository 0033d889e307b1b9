import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amsterdamDate } from '../../domain/overdue';
import { shopFlagKeys } from '../../domain/shop';
import type { GroupResult } from '../../domain/survey/results';
import { surveyYearScores, type SurveyYearScores, type TrendInput } from '../../domain/trends';
import { db } from '../../services/db';
import { useOnline } from '../../services/useOnline';
import '../trends/i18nRegister';
import { SelectField } from './SelectField';
import { useAreaScores } from './useAreaScores';
import { useScoringTables } from './useScoringTables';
import type { ShopsData } from './useShopsData';

// The charts load when this view is shown, never with the shops screen itself.
const TrendsSection = lazy(() => import('../trends/TrendsSection'));

/** Survey years asked for: this one and the four before (a year without a survey answers 404). */
const SURVEY_YEARS = 5;

/**
 * The area's survey scores per year from the server's survey results (coordinator only, online); an
 * empty map offline or without surveys, and the trends show no survey then.
 */
function useSurveyScores(municipality: string | null, areaId: string | undefined, year: number): Map<number, SurveyYearScores | null> {
  const online = useOnline();
  const [byYear, setByYear] = useState<Map<number, SurveyYearScores | null>>(() => new Map());
  useEffect(() => {
    if (!municipality || !areaId || !online) return;
    let current = true;
    void (async () => {
      const out = new Map<number, SurveyYearScores | null>();
      for (let y = year - SURVEY_YEARS + 1; y <= year; y++) {
        try {
          const res = await fetch(`/api/survey/results?municipality=${encodeURIComponent(municipality)}&year=${y}`, { credentials: 'same-origin' });
          if (!res.ok) continue;
          const body = (await res.json()) as { areas?: Record<string, GroupResult> };
          out.set(y, surveyYearScores(body.areas?.[areaId]));
        } catch {
          // The network went away: no survey figures this time.
        }
      }
      if (current) setByYear(out);
    })();
    return () => {
      current = false;
    };
  }, [municipality, areaId, year, online]);
  return byYear;
}

/** The coordinator's overview of trends (issue 16): one area at a time, this year live from the register. */
export function TrendsView({ data }: { data: ShopsData }) {
  const { t } = useTranslation();
  const [areaId, setAreaId] = useState<string>(() => data.areas[0]?.id ?? '');
  const year = Number(amsterdamDate(new Date()).slice(0, 4));
  const scores = useAreaScores(data, year, useScoringTables(data.municipality).area);
  const area = data.areas.find((a) => a.id === areaId) ?? data.areas[0];
  const score = area ? scores?.get(area.id) : undefined;
  const measures = area ? data.report.areas[area.id]?.measures : undefined;
  const survey = useSurveyScores(data.municipality, area?.id, year);
  const live: TrendInput['live'] | undefined =
    score && measures && !score.frozen
      ? {
          year,
          participation: Object.fromEntries(shopFlagKeys.map((m) => [m, { taking: measures[m].taking, open: measures[m].open }])),
          grade: score.result.ok ? score.result.grade : null,
          certified: score.result.ok ? score.result.certified : null,
        }
      : undefined;
  return (
    <section aria-labelledby="trends-title" className="panel">
      <h2 id="trends-title">{t('trends.overviewTitle')}</h2>
      <p>{t('trends.overviewIntro')}</p>
      <div className="filters">
        <SelectField label={t('trends.area')} value={area?.id ?? ''} options={data.areas.map((a) => ({ value: a.id, label: a.name }))} onChange={setAreaId} />
      </div>
      {area && scores && (
        <Suspense fallback={<p role="status">{t('trends.loading')}</p>}>
          <TrendsSection key={area.id} db={db} municipality={area.municipality} areaId={area.id} areaName={area.name} surveyScores={(y) => survey.get(y) ?? null} {...(live ? { live } : {})} />
        </Suspense>
      )}
    </section>
  );
}
