import { useTranslation } from 'react-i18next';
import { defaultCategories } from '../../domain/categories';
import { findingStatuses } from '../../domain/finding';
import { ownerIds } from '../owners/useOrganisations';
import { facetKeys, NONE, setFacet, type FacetCounts, type FacetKey, type FollowupFilter } from '../../domain/followupFilter';
import type { Labels } from './labels';

interface Props {
  filter: FollowupFilter;
  counts: FacetCounts;
  labels: Labels;
  years: string[];
  inspectionIds: string[];
  areaIds: string[];
  onChange: (filter: FollowupFilter) => void;
}

/** One select per facet; every option shows how many findings choosing it would give. */
export function FilterPanel({ filter, counts, labels, years, inspectionIds, areaIds, onChange }: Props) {
  const { t } = useTranslation();
  const options: Record<FacetKey, [string, string][]> = {
    area: [...areaIds.map((id): [string, string] => [id, labels.area(id)]).sort((a, b) => a[1].localeCompare(b[1])), [NONE, t('followup.none.area')]],
    status: findingStatuses.map((s) => [s, labels.status(s)]),
    theme: defaultCategories.map((th) => [th.code, th.labels[labels.lang]]),
    category: defaultCategories
      .filter((th) => filter.theme === '' || th.code === filter.theme)
      .flatMap((th) => th.categories.map((c): [string, string] => [c.code, c.labels[labels.lang]])),
    owner: [...ownerIds(labels.organisations).map((o): [string, string] => [o, labels.owner(o)]), [NONE, t('followup.none.owner')]],
    overdue: [
      ['yes', t('followup.overdueValues.yes')],
      ['no', t('followup.overdueValues.no')],
    ],
    inspection: [...inspectionIds.map((id): [string, string] => [id, labels.inspection(id)]), [NONE, t('followup.none.inspection')]],
    year: years.map((y) => [y, y]),
  };
  const active = facetKeys.some((k) => filter[k] !== '');
  return (
    <fieldset className="fu-filters">
      <legend>{t('followup.filters')}</legend>
      {facetKeys.map((key) => (
        <label key={key} className="fu-filter">
          <span>{t(`followup.facets.${key}`)}</span>
          <select value={filter[key]} onChange={(e) => onChange(setFacet(filter, key, e.target.value))}>
            <option value="">{t('followup.any')}</option>
            {options[key]
              .filter(([v]) => v === filter[key] || (counts[key].get(v) ?? 0) > 0)
              .map(([v, label]) => (
                <option key={v} value={v}>
                  {label} ({counts[key].get(v) ?? 0})
                </option>
              ))}
          </select>
        </label>
      ))}
      {active && (
        <button type="button" className="btn btn-link" onClick={() => onChange(Object.fromEntries(facetKeys.map((k) => [k, ''])) as FollowupFilter)}>
          {t('followup.clearFilters')}
        </button>
      )}
    </fieldset>
  );
}
