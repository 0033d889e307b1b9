import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

/**
 * The basemap chooser and legend behind one button, so on a tablet they do not cover the map. Open
 * from the start only on a wide screen, where they sit beside the areas.
 */
export function CollapsibleControls({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => window.matchMedia?.('(min-width: 1400px)').matches ?? false);
  return (
    <div className="map-controls">
      <button type="button" className="btn btn-map" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">{open ? '✕' : '▤'}</span> {open ? t('mapui.hideLayers') : t('mapui.layers')}
      </button>
      {open && <div className="map-controls-body">{children}</div>}
    </div>
  );
}
