import { MapContainer, ZoomControl, ScaleControl } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { useCallback, useState, type ReactNode } from 'react';
import type { ClientConfig } from '../services/config';
import { toLatLng } from '../domain/coords';
import { BasemapLayer } from './BasemapLayer';
import { ZoomAttribute } from './ZoomAttribute';
import { NoBasemapBanner } from './NoBasemapBanner';

interface Props {
  config: ClientConfig;
  basemapId: string;
  children?: ReactNode;
  /** Offered in the banner when the background map is unavailable (e.g. a button that downloads the area). */
  noBasemapAction?: ReactNode;
}

export function MapView({ config, basemapId, children, noBasemapAction }: Props) {
  const { t } = useTranslation();
  const basemap = config.basemaps.find((b) => b.id === basemapId) ?? config.basemaps[0]!;
  const [unavailable, setUnavailable] = useState(false);
  const onUnavailable = useCallback((u: boolean) => setUnavailable(u), []);
  return (
    <>
      <MapContainer
        // Another municipality is another map: start again at its own view.
        key={config.municipality.id}
        className="map"
        center={toLatLng(config.municipality.center)}
        zoom={config.municipality.zoom}
        zoomControl={false}
        maxZoom={19}
        minZoom={9}
        aria-label={t('map.label')}
      >
        <BasemapLayer basemap={basemap} onUnavailable={onUnavailable} />
        <ZoomAttribute />
        <ZoomControl position="bottomright" />
        <ScaleControl position="bottomleft" imperial={false} />
        {children}
      </MapContainer>
      {unavailable && <NoBasemapBanner action={noBasemapAction} />}
    </>
  );
}
