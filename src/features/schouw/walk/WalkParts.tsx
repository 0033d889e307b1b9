import { useTranslation } from 'react-i18next';
import { formatWalkTime } from '../format';
import { Link } from 'wouter';
import type { Area } from '../../../domain/area';
import type { Inspection } from '../../../domain/inspection';
import type { Placement } from './placement';
import './i18nWalk';

export function WalkHeader({ inspection, area, count, onEnd, onDetails }: { inspection: Inspection; area: Area; count: number; onEnd: () => void; onDetails: () => void }) {
  const { t } = useTranslation();
  const title = t('schouw.walkTitle', { area: area.name });
  const time = formatWalkTime(inspection.startsAt);
  return (
    <header className="walk-header">
      {/* Two rows in the 400 px panel: back, title and time; then the two actions side by side. */}
      <div className="walk-title-row">
        <Link href="/" className="btn btn-link walk-back" title={t('schouw.allInspections')}>
          <span aria-hidden="true">←</span> <span className="walk-back-text">{t('schouw.allInspections')}</span>
        </Link>
        {/* A long area name ends in an ellipsis; the time is never cut; the whole title is the tooltip. */}
        <h2 title={`${title} ${time}`}>
          <span className="walk-title-area">{title}</span> <span className="muted walk-title-time">{time}</span>
        </h2>
      </div>
      <div className="walk-header-actions">
        <button type="button" className="btn" onClick={onEnd}>
          {t('schouw.endWalk', { count })}
        </button>
        <button type="button" className="btn" onClick={onDetails}>
          {t('walk.details')}
        </button>
      </div>
    </header>
  );
}

/** What the GPS did, over the map, in words: where the pin is, or why the person must tap. */
export function GpsMessage({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const accuracy = Math.round(placement.fix?.accuracy ?? 0);
  let text: string;
  let warn = false;
  if (placement.source === 'tap' || placement.source === 'drag') text = t('schouw.gps.placedByHand');
  else if (placement.gps === 'locating') text = t('schouw.gps.locating');
  else if (placement.gps === 'good') text = t('schouw.gps.good', { m: accuracy });
  else {
    warn = true;
    text = placement.gps === 'poor' ? t('schouw.gps.poor', { m: accuracy }) : t(`schouw.gps.${placement.gps}`);
  }
  return (
    <p className={`gps-message${warn ? ' warn' : ''}`} role={warn ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

export function PhotoNote({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="note photo-note" role="status">
      <p>{t('schouw.photoNote')}</p>
      <button type="button" className="btn" onClick={onClose}>
        {t('schouw.understood')}
      </button>
    </div>
  );
}
