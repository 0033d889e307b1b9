import { useTranslation } from 'react-i18next';
import { defaultCategories, findCategory, type CategoryList } from '../../../domain/categories';
import { severities, type Severity } from '../../../domain/finding';

interface Props {
  value: string | null;
  onChange: (categoryCode: string) => void;
  list?: CategoryList;
}

/**
 * Two steps on one screen: the five themes as large coloured tiles with their glyph, then the
 * categories of the chosen theme. Radio buttons underneath, so keyboard and screen reader work.
 */
export function CategoryPicker({ value, onChange, list = defaultCategories }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const chosen = value ? findCategory(value, list) : undefined;
  const themeCode = chosen?.theme.code ?? null;
  const theme = list.find((th) => th.code === themeCode);
  return (
    <>
      <fieldset className="choice-group">
        <legend>{t('schouw.theme')}</legend>
        <div className="theme-tiles">
          {list.map((th) => (
            <label key={th.code} className="theme-tile" style={{ '--theme': th.colour } as React.CSSProperties}>
              <input
                type="radio"
                name="theme"
                checked={th.code === themeCode}
                onChange={() => onChange(th.categories[0]!.code)}
              />
              <span className="glyph" aria-hidden="true">{th.glyph}</span>
              <span>{th.labels[lang]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {theme && (
        <fieldset className="choice-group">
          <legend>{t('schouw.category')}</legend>
          <div className="category-tiles">
            {theme.categories.map((c) => (
              <label key={c.code} className="choice-tile">
                <input type="radio" name="category" checked={c.code === value} onChange={() => onChange(c.code)} />
                <span className="tick" aria-hidden="true">✓</span>
                <span>{c.labels[lang]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  );
}

export function SeverityPicker({ value, onChange }: { value: Severity; onChange: (s: Severity) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group">
      <legend>{t('schouw.severity')}</legend>
      <div className="severity-tiles">
        {severities.map((s) => (
          <label key={s} className={`choice-tile severity-${s}`}>
            <input type="radio" name="severity" checked={s === value} onChange={() => onChange(s)} />
            <span className="tick" aria-hidden="true">✓</span>
            <span>{t(`schouw.severities.${s}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
