import { useTranslation } from 'react-i18next';
import { findCategory } from '../../../domain/categories';
import type { Finding } from '../../../domain/finding';
import { glyphOn } from '../../../map/findingStyle';

/** Theme glyph on its colour, then the category: the list twin of a marker on the map. */
export function CategoryBadge({ categoryCode }: { categoryCode: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const match = findCategory(categoryCode);
  return (
    <span className="category-badge">
      <span className="glyph" style={{ background: match?.theme.colour ?? '#555', color: glyphOn(match?.theme.colour ?? '#555555') }} aria-hidden="true">
        {match?.theme.glyph ?? '?'}
      </span>
      <span>
        <span className="visually-hidden">{match?.theme.labels[lang]}: </span>
        {match?.category.labels[lang] ?? categoryCode}
      </span>
    </span>
  );
}

export function areaLabel(areaId: string | null, areaNames: ReadonlyMap<string, string>, outside: string): string {
  return areaId === null ? outside : (areaNames.get(areaId) ?? areaId);
}

export function FindingSummaryLine({ finding, areaNames }: { finding: Finding; areaNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  return (
    <span className="finding-meta">
      <span className="finding-area">{areaLabel(finding.areaId, areaNames, t('schouw.outside'))}</span>
      {' · '}
      {t(`schouw.severities.${finding.severity}`)}
      {' · '}
      {t(`schouw.statuses.${finding.status}`)}
      {finding.photoHashes.length > 0 && <> · {t('schouw.photoCount', { count: finding.photoHashes.length })}</>}
    </span>
  );
}
