import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../domain/finding';
import { CategoryBadge, FindingSummaryLine } from './FindingLabel';

interface Props {
  findings: readonly Finding[];
  areaNames: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** This walk's findings beside the map; the keyboard and screen-reader twin of the markers. */
export function FindingList({ findings, areaNames, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="walk-findings-title">
      <h2 id="walk-findings-title">
        {t('schouw.walkFindings')} <span className="muted">({findings.length})</span>
      </h2>
      {findings.length === 0 ? (
        <p className="muted">{t('schouw.noFindingsYet')}</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f) => (
            <li key={f.id}>
              <button type="button" className={`finding-item${f.id === selectedId ? ' selected' : ''}`} aria-current={f.id === selectedId || undefined} onClick={() => onSelect(f.id)}>
                <CategoryBadge categoryCode={f.categoryCode} />
                <FindingSummaryLine finding={f} areaNames={areaNames} />
                {f.description && <span className="finding-text">{f.description}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
