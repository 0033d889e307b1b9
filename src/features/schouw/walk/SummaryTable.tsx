import { useTranslation } from 'react-i18next';
import { defaultCategories, findCategory } from '../../../domain/categories';
import type { summariseByTheme } from '../../../domain/walkSummary';

/** What a walk found, per theme with severities and categories: shown before ending and after. */
export function SummaryTable({ summary }: { summary: ReturnType<typeof summariseByTheme> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
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
  );
}
