/**
 * The public trends of an area or of the whole municipality (issue 16, "Trends" on the public page;
 * SPEC.md R49): counts, shares, medians and grades year over year, built by the same pure domain as the
 * coordinator's trends (src/domain/trends.ts) from the municipality's records. Never a finding's point,
 * text, photo or who did what. Survey scores of a year only when that year's survey results are public
 * and the group reached its threshold (publicGroupResult, R46): below it, not even the answer count.
 */
import { computeParticipationForAreas } from '../../domain/participation';
import { PASS_GRADE } from '../../domain/publicPage';
import { publicGroupResult } from '../../domain/survey/results';
import { surveyQuestions } from '../../domain/survey/setup';
import { areaTrends, trendYears, type AreaYearTrend, type SurveyYearScores, type TrendInput } from '../../domain/trends';
import { surveyYearScores } from '../../domain/trends';
import type { Store } from '../store/Store';

export type TrendsStore = Pick<Store, 'publicPages' | 'listAreas' | 'listShopsForParticipation' | 'survey'>;

export interface PublicTrends {
  themes: string[];
  years: AreaYearTrend[];
  passGrade: number;
}

/** The survey scores of one year that the public may see: null without a public survey or below its threshold. */
async function publicScores(store: TrendsStore, municipality: string, areaId: string | null, year: number): Promise<SurveyYearScores | null> {
  const setup = await store.survey.getSetup(municipality, year);
  if (!setup) return null;
  const sets = await store.survey.listAnswers(municipality, year, areaId ?? undefined);
  const shown = publicGroupResult(surveyQuestions(setup), sets, setup.threshold, setup.resultsPublic);
  return shown.shown ? surveyYearScores(shown.result) : null;
}

/** Null when the trends refuse (they do not for years `trendYears` picks). */
export async function publicTrends(store: TrendsStore, municipality: string, areaId: string | null, now: Date, year: number): Promise<PublicTrends | null> {
  const [records, areas, shops] = await Promise.all([store.publicPages.trendRecords(municipality), store.listAreas(municipality), store.listShopsForParticipation(municipality)]);
  const years = trendYears(areaId, records.findings, records.certifications, now);
  const scores = new Map<number, SurveyYearScores | null>();
  for (const y of years) scores.set(y, await publicScores(store, municipality, areaId, y));
  // This year, while not frozen: the register's figures as the page shows them (marked live), no grade.
  const report = computeParticipationForAreas(shops, areas, year);
  const group = areaId === null ? report.municipality : report.areas[areaId];
  const live: TrendInput['live'] | undefined = group
    ? { year, participation: Object.fromEntries(Object.entries(group.measures).map(([m, f]) => [m, { taking: f.taking, open: f.open }])), grade: null, certified: null }
    : undefined;
  const result = areaTrends({ areaId, years, ...records, now, surveyScores: (y) => scores.get(y) ?? null, ...(live ? { live } : {}) });
  if (!result.ok) return null;
  const own = records.certifications.filter((c) => areaId === null || c.areaId === areaId);
  const passGrade = own.map((c) => (c.frozen?.score as { passGrade?: number } | undefined)?.passGrade).find((g) => typeof g === 'number') ?? PASS_GRADE;
  return { themes: result.themes, years: result.years, passGrade };
}
