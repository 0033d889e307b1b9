/**
 * The trends of one area, read from the device's data (findings, their status history, frozen
 * certifications). Loaded on demand (React.lazy) where it is shown, so it adds nothing to the first
 * screen. `live` gives this year's figures from the register while the year is not frozen.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { defaultCategories } from '../../domain/categories';
import { areaTrends, trendYears, type TrendInput } from '../../domain/trends';
import type { SchouwDb } from '../../storage/db';
import { TrendCharts } from './TrendCharts';
import './i18nRegister';

export interface TrendsSectionProps {
  db: SchouwDb;
  /** The area's municipality: area ids repeat across municipalities, so every read is sealed by it (R30). */
  municipality: string;
  areaId: string;
  areaName: string;
  live?: TrendInput['live'];
  /** Extension point for the survey (issue 16): scores of a year on the fixed questions. */
  surveyScores?: TrendInput['surveyScores'];
  now?: Date;
}

export default function TrendsSection({ db, municipality, areaId, areaName, live, surveyScores, now }: TrendsSectionProps) {
  const { t } = useTranslation();
  const data = useLiveQuery(async () => {
    const findings = (await db.findings.where('areaId').equals(areaId).toArray()).filter((f) => f.municipality === municipality);
    const ids = findings.map((f) => f.id);
    const events = ids.length === 0 ? [] : (await db.findingEvents.where('findingId').anyOf(ids).toArray()).filter((e) => e.kind === 'status_changed');
    const certifications = (await db.areaCertifications.where('areaId').equals(areaId).toArray()).filter((c) => c.municipality === municipality);
    return { findings, events, certifications };
  }, [db, municipality, areaId]);
  if (!data) return <p role="status">{t('trends.loading')}</p>;
  const today = now ?? new Date();
  const years = trendYears(areaId, data.findings, data.certifications, today);
  const result = areaTrends({ areaId, years, findings: data.findings, events: data.events, certifications: data.certifications, now: today, ...(live ? { live } : {}), ...(surveyScores ? { surveyScores } : {}) });
  if (!result.ok) return <p>{t('trends.refused', { reason: result.reason })}</p>;
  const empty = result.years.every((y) => y.findings === 0 && y.source === null);
  if (empty) return <p>{t('trends.noData')}</p>;
  const passGrade = data.certifications.find((c) => c.frozen)?.frozen?.score.passGrade;
  return <TrendCharts areaName={areaName} themes={defaultCategories} years={result.years} {...(passGrade !== undefined ? { passGrade } : {})} />;
}
