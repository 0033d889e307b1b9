import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import './i18n';

/**
 * Over the map when its background tiles keep failing: says so, and what to do (download the area,
 * or carry on: outlines and findings are drawn without a background).
 */
export function NoBasemapBanner({ action }: { action?: ReactNode }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Taps on the banner are not taps on the map (which would place a pin or select an area).
    if (ref.current) L.DomEvent.disableClickPropagation(ref.current);
  }, [hidden]);
  if (hidden) return null;
  return (
    <div ref={ref} className="no-basemap" role="alert">
      <p>
        <strong>{t('mapui.noBasemap')}</strong> {t('mapui.noBasemapHint')}
      </p>
      <div className="no-basemap-actions">
        {action}
        <button type="button" className="btn" onClick={() => setHidden(true)}>
          {t('mapui.dismiss')}
        </button>
      </div>
    </div>
  );
}
