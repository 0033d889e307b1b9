/**
 * The trends of one area (src/domain/trends.ts) as small charts, with every number also in a table for
 * screen readers (visually hidden; the charts themselves are hidden from assistive technology).
 */
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../domain/categories';
import { shopFlagKeys } from '../../domain/shop';
import { fixedScaleQuestions, type AreaYearTrend } from '../../domain/trends';
import { Bars, StackedBars } from './Bars';
import './i18nRegister';
import './trends.css';

interface Props {
  areaName: string;
  themes: readonly Theme[];
  years: readonly AreaYearTrend[];
  passGrade?: number;
  /** False where there is no grade to show (the whole municipality has none). */
  showGrade?: boolean;
}

const one = (n: number, lang: string) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });

export function TrendCharts({ areaName, themes, years, passGrade = 6, showGrade = true }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const none = t('trends.none');
  const measures = shopFlagKeys.filter((m) => years.some((y) => y.participation?.[m]));
  const surveyTexts = fixedScaleQuestions();
  // In the order of the fixed set.
  const surveyQuestions = [...surveyTexts.keys()].filter((q) => years.some((y) => y.survey?.means[q] !== undefined));
  const onTimeText = (y: AreaYearTrend) => (y.onTime.percent === null ? none : t('trends.percent', { percent: y.onTime.percent, n: y.onTime.fixedOnTime, of: y.onTime.decided }));
  const daysText = (y: AreaYearTrend) => (y.medianDaysToFix === null ? none : t('trends.daysValue', { days: one(y.medianDaysToFix, lang) }));
  const gradeText = (y: AreaYearTrend) => (y.grade === null ? none : `${one(y.grade, lang)}${y.source === 'live' ? ` (${t('trends.live')})` : ''}`);
  const measureText = (y: AreaYearTrend, m: (typeof shopFlagKeys)[number]) => {
    const f = y.participation?.[m];
    return f && f.percent !== null ? t('trends.percent', { percent: f.percent, n: f.taking, of: f.open }) : none;
  };
  const maxDays = Math.max(1, ...years.map((y) => y.medianDaysToFix ?? 0));
  const liveYear = years.find((y) => y.source === 'live')?.year;

  return (
    <div className="trends">
      <figure>
        <figcaption>{t('trends.findings')}</figcaption>
        <StackedBars name="findings" years={years.map((y) => ({ year: y.year, parts: themes.map((th) => ({ key: th.code, value: y.byTheme[th.code] ?? 0, colour: th.colour })) }))} />
        <ul className="trend-legend" aria-hidden="true">
          {themes.map((th) => (
            <li key={th.code}>
              <span className="trend-swatch" style={{ background: th.colour }} />
              {th.labels[lang]}
            </li>
          ))}
        </ul>
      </figure>
      <figure>
        <figcaption>{t('trends.onTime')}</figcaption>
        <Bars name="onTime" max={100} values={years.map((y) => ({ year: y.year, value: y.onTime.percent, label: y.onTime.percent === null ? none : `${y.onTime.percent}%` }))} />
      </figure>
      <figure>
        <figcaption>{t('trends.days')}</figcaption>
        <Bars name="days" max={maxDays} colour="#555555" values={years.map((y) => ({ year: y.year, value: y.medianDaysToFix, label: y.medianDaysToFix === null ? none : one(y.medianDaysToFix, lang) }))} />
      </figure>
      {showGrade && (
        <figure>
          <figcaption>
            {t('trends.grade')} <span className="trend-note">({t('trends.passLine', { grade: one(passGrade, lang) })})</span>
          </figcaption>
          <Bars name="grade" max={10} reference={passGrade} colour="#117733" values={years.map((y) => ({ year: y.year, value: y.grade, label: y.grade === null ? none : one(y.grade, lang), muted: y.source === 'live' }))} />
          {liveYear !== undefined && <p className="trend-note">{t('trends.liveNote', { year: liveYear })}</p>}
        </figure>
      )}
      {measures.length > 0 && (
        <figure>
          <figcaption>{t('trends.participation')}</figcaption>
          <div className="trend-multiples">
            {measures.map((m) => (
              <div key={m}>
                <span className="trend-note">{t(`shops.flags.${m}`)}</span>
                <Bars name={`participation-${m}`} max={100} colour="#33BBEE" values={years.map((y) => ({ year: y.year, value: y.participation?.[m]?.percent ?? null, label: y.participation?.[m]?.percent == null ? none : `${y.participation[m]!.percent}%`, muted: y.source === 'live' }))} />
              </div>
            ))}
          </div>
          {!showGrade && liveYear !== undefined && <p className="trend-note">{t('trends.liveNote', { year: liveYear })}</p>}
        </figure>
      )}
      {surveyQuestions.length > 0 && (
        <figure>
          <figcaption>{t('trends.survey')}</figcaption>
          <div className="trend-multiples">
            {surveyQuestions.map((q) => (
              <div key={q}>
                <span className="trend-note">{surveyTexts.get(q)?.[lang] ?? q}</span>
                <Bars name={`survey-${q}`} max={5} colour="#EE7733" values={years.map((y) => ({ year: y.year, value: y.survey?.means[q] ?? null, label: y.survey?.means[q] === undefined ? none : one(y.survey.means[q]!, lang) }))} />
              </div>
            ))}
          </div>
        </figure>
      )}
      <table className="visually-hidden">
        <caption>{t('trends.tableCaption', { area: areaName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trends.year')}</th>
            <th scope="col">{t('trends.total')}</th>
            {themes.map((th) => (
              <th scope="col" key={th.code}>
                {th.labels[lang]}
              </th>
            ))}
            <th scope="col">{t('trends.onTime')}</th>
            <th scope="col">{t('trends.days')}</th>
            {showGrade && <th scope="col">{t('trends.grade')}</th>}
            {measures.map((m) => (
              <th scope="col" key={m}>
                {t(`shops.flags.${m}`)}
              </th>
            ))}
            {surveyQuestions.map((q) => (
              <th scope="col" key={q}>
                {t('trends.surveyColumn', { question: surveyTexts.get(q)?.[lang] ?? q })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td>{y.findings}</td>
              {themes.map((th) => (
                <td key={th.code}>{y.byTheme[th.code] ?? 0}</td>
              ))}
              <td>{onTimeText(y)}</td>
              <td>{daysText(y)}</td>
              {showGrade && <td>{gradeText(y)}</td>}
              {measures.map((m) => (
                <td key={m}>{measureText(y, m)}</td>
              ))}
              {surveyQuestions.map((q) => (
                <td key={q}>{y.survey?.means[q] !== undefined ? one(y.survey.means[q]!, lang) : none}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
