import { useTranslation } from 'react-i18next';
import type { LivePosition } from '../../../map/usePositionWatch';
import '../../../map/i18n';

/** Over the walk map: the follow-me switch and what the live position is doing. */
export function FollowToggle({ position, follow, onFollow }: { position: LivePosition; follow: boolean; onFollow: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="walk-map-tools">
      <button type="button" className="btn btn-map" aria-pressed={follow} onClick={() => onFollow(!follow)}>
        <span aria-hidden="true">◎</span> {t('mapui.follow')}
      </button>
      <p className="map-message" role="status">
        {position.kind === 'found'
          ? t('mapui.youAreHere', { m: Math.round(position.accuracy) })
          : position.kind === 'error'
            ? t(position.denied ? 'schouw.gps.denied' : 'schouw.gps.unavailable')
            : t('mapui.positionUnknown')}
      </p>
    </div>
  );
}

/** After a tap or drag placed the pin: put it back on the live GPS position. */
export function ReusePosition({ position, onUse }: { position: LivePosition; onUse: (p: { point: [number, number]; accuracy: number }) => void }) {
  const { t } = useTranslation();
  if (position.kind !== 'found') return null;
  return (
    <button type="button" className="btn btn-map reuse-gps" onClick={() => onUse({ point: position.lonLat, accuracy: position.accuracy })}>
      <span aria-hidden="true">⌖</span> {t('mapui.reusePosition')}
    </button>
  );
}
