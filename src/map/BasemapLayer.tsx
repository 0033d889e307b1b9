import { TileLayer } from 'react-leaflet';
import type { Basemap } from '../services/config';

/** Keyed by URL so switching basemaps swaps the layer instead of mixing tiles of two sources. */
export function BasemapLayer({ basemap }: { basemap: Basemap }) {
  return (
    <TileLayer
      key={basemap.url}
      url={basemap.url}
      attribution={basemap.attribution}
      maxZoom={19}
      maxNativeZoom={19}
      crossOrigin="anonymous"
    />
  );
}
