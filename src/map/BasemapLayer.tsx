import { useMemo } from 'react';
import { TileLayer } from 'react-leaflet';
import type { Basemap } from '../services/config';

/** Tiles failing in a row, with none loading in between, before the map says the background is unavailable. */
export const TILE_ERRORS_FOR_BANNER = 4;

interface Props {
  basemap: Basemap;
  /** Called with true when tiles keep failing, and false again once one loads. */
  onUnavailable?: (unavailable: boolean) => void;
}

/** Keyed by URL so switching basemaps swaps the layer instead of mixing tiles of two sources. */
export function BasemapLayer({ basemap, onUnavailable }: Props) {
  const handlers = useMemo(() => {
    let errors = 0;
    return {
      tileerror: () => {
        if (++errors === TILE_ERRORS_FOR_BANNER) onUnavailable?.(true);
      },
      tileload: () => {
        if (errors >= TILE_ERRORS_FOR_BANNER) onUnavailable?.(false);
        errors = 0;
      },
    };
    // A new basemap counts afresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [basemap.url, onUnavailable]);
  return (
    <TileLayer
      key={basemap.url}
      url={basemap.url}
      attribution={basemap.attribution}
      maxZoom={19}
      maxNativeZoom={19}
      crossOrigin="anonymous"
      eventHandlers={handlers}
    />
  );
}
