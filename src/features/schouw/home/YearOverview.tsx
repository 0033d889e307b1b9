import { useTranslation } from 'react-i18next';
import { formatWalkTime } from '../format';
import type { Area } from '../../../domain/area';
import type { AreaYearRow } from '../../../domain/yearOverview';

interface Props {
  year: number;
  rows: readonly AreaYearRow[];
  areas: readonly Area[];
  onPlan: (areaId: string) => void;
  onOpen: (inspectionId: string) => void;
}

/** Which areas were walked this year and which not; each row offers the next step. */
export function YearOverview({ year, rows, areas, onPlan, onOpen }: Props) {
  const { t } = useTranslation();
  const name = (id: string) => areas.find((a) => a.id === id)?.name ?? id;
  const walked = rows.filter((r) => r.state === 'walked').length;
  return (
    <section aria-labelledby="year-title">
      <h2 id="year-title">{t('schouw.yearTitle', { year })}</h2>
      <p>{t('schouw.yearCount', { walked, total: rows.length })}</p>
      <table className="year-table">
        <thead>
          <tr>
            <th scope="col">{t('schouw.area')}</th>
            <th scope="col">{t('schouw.state')}</th>
            <th scope="col">{t('schouw.when')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('schouw.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.areaId} className={`state-${r.state}`} data-area={r.areaId}>
              <th scope="row">{name(r.areaId)}</th>
              <td>
                <span className={`state-pill state-${r.state}`}>{t(`schouw.yearStates.${r.state}`)}</span>
              </td>
              <td>{r.startsAt ? formatWalkTime(r.startsAt) : '—'}</td>
              <td>
                {r.state === 'none' && (
                  <button type="button" className="btn" onClick={() => onPlan(r.areaId)}>
                    {t('schouw.planThis', { area: name(r.areaId) })}
                  </button>
                )}
                {/* Planned and ongoing walks are started from the list above, so each button appears once. */}
                {r.state === 'walked' && r.inspectionId && (
                  <button type="button" className="btn" onClick={() => onOpen(r.inspectionId!)}>
                    {t('schouw.viewWalk', { area: name(r.areaId) })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
