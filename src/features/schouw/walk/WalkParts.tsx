import { useTranslation } from 'react-i18next';
import { formatWalkTime } from '../format';
import { Link } from 'wouter';
import type { Area } from '../../../domain/area';
import type { Inspection } from '../../../domain/inspection';
import type { Placement } from './placement';
import './i18nWalk';

export function WalkHeader({ inspection, area, count, onEnd, onDetails }: { inspection: Inspection; area: Area; count: number; onEnd: () => void; onDetails: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="walk-header">
      <Link href="/" className="btn btn-link">
        ← {t('schouw.allInspections')}
      </Link>
      {/* One line in the 400 px panel: a long area name ends in an ellipsis, the whole title is its tooltip. */}
      <h2 title={`${t('schouw.walkTitle', { area: area.name })} ${formatWalkTime(inspection.startsAt)}`}>
        {t('schouw.walkTitle', { area: area.name })}{' '}
        <span className="muted">{formatWalkTime(inspection.startsAt)}</span>
      </h2>
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
