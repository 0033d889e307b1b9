import { useTranslation } from 'react-i18next';
import { kvoStatuses } from '../../domain/areaKinds';
import { kvoStatusColours } from '../../map/areaStyle';

export function Legend() {
  const { t } = useTranslation();
  return (
    <div className="legend" aria-label={t('areas.legend')}>
      {kvoStatuses.map((s) => (
        <span key={s} className="legend-item">
          <span className={`swatch${s === 'not_on_map' ? ' dashed' : ''}`} style={{ borderColor: kvoStatusColours[s], background: `${kvoStatusColours[s]}33` }} aria-hidden="true" />
          {t(`areas.statuses.${s}`)}
        </span>
      ))}
    </div>
  );
}
