import { useTranslation } from 'react-i18next';
import { formatWalkTime } from '../format';
import { Link } from 'wouter';
import type { Area } from '../../../domain/area';
import { defaultCategories, findCategory } from '../../../domain/categories';
import type { Inspection } from '../../../domain/inspection';
import { summariseByTheme } from '../../../domain/walkSummary';
import { useWalkFindings } from '../useSchouwData';

/** After the walk: what was found, per theme, with the severities. */
export function WalkSummary({ inspection, area, onReopen }: { inspection: Inspection; area: Area | undefined; onReopen: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const findings = useWalkFindings(inspection.id);
  const summary = summariseByTheme(findings ?? []);
  return (
    <main className="screen walk-summary" id="main">
      <Link href="/" className="btn btn-link">
        ← {t('schouw.allInspections')}
      </Link>
      <h2>{t('schouw.summaryTitle', { area: area?.name ?? inspection.areaId, date: formatWalkTime(inspection.startsAt) })}</h2>
      <p>{t('schouw.summaryTotal', { count: summary.total })}</p>
      <table className="summary-table">
        <caption className="visually-hidden">{t('schouw.summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schouw.theme')}</th>
            <th scope="col">{t('schouw.count')}</th>
            <th scope="col">{t('schouw.severities.high')}</th>
            <th scope="col">{t('schouw.severities.medium')}</th>
            <th scope="col">{t('schouw.severities.low')}</th>
            <th scope="col">{t('schouw.categories')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.themes.map((row) => {
            const theme = defaultCategories.find((th) => th.code === row.themeCode)!;
            return (
              <tr key={row.themeCode}>
                <th scope="row">
                  <span className="glyph" style={{ background: theme.colour }} aria-hidden="true">
                    {theme.glyph}
                  </span>{' '}
                  {theme.labels[lang]}
                </th>
                <td>{row.count}</td>
                <td>{row.bySeverity.high}</td>
                <td>{row.bySeverity.medium}</td>
                <td>{row.bySeverity.low}</td>
                <td>
                  {Object.entries(row.byCategory)
                    .map(([code, n]) => `${findCategory(code)?.category.labels[lang] ?? code} (${n})`)
                    .join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="btn" onClick={onReopen}>
        {t('schouw.reopenWalk')}
      </button>
    </main>
  );
}
