import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { BagPremises } from '../domain/bagPremises';
import { geometryBounds, toLatLng } from '../domain/coords';
import type { AreaGeometry } from '../domain/geojson';

/** How a premises stands against the register (issue 14); no status: plain. */
export type PremisesStatus = 'matched' | 'notShop' | 'without';

export const premisesColours: Record<PremisesStatus | 'plain', string> = {
  matched: '#15803d',
  notShop: '#6b7280',
  without: '#c2410c',
  plain: '#7c3aed',
};

interface Props {
  premises: readonly BagPremises[];
  status?: ReadonlyMap<string, PremisesStatus>;
  /** A proposed outline to show dashed over the premises (the area editor's proposal). */
  proposal?: AreaGeometry | null;
  /** Fit the map to the proposal when it changes. */
  fitProposal?: boolean;
}

/**
 * BAG shop premises (winkelfunctie) as small squares-ish circles on the map: green with a register shop,
 * grey marked not a shop, orange without a shop; the address in a tooltip (a text node, never HTML).
 */
export default function BagPremisesLayer({ premises, status, proposal, fitProposal }: Props) {
  const map = useMap();
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    if (proposal) {
      group.addLayer(
        L.geoJSON(
          { type: 'Feature', properties: {}, geometry: proposal } as GeoJSON.Feature,
          { style: { color: '#7c3aed', weight: 3, dashArray: '8 6', fillColor: '#a78bfa', fillOpacity: 0.2 }, interactive: false, pmIgnore: true, snapIgnore: true } as L.GeoJSONOptions,
        ),
      );
    }
    for (const p of premises) {
      const s = status?.get(p.id) ?? 'plain';
      const m = L.circleMarker(toLatLng(p.point), {
        radius: 4,
        color: '#ffffff',
        weight: 1,
        fillColor: premisesColours[s],
        fillOpacity: 0.95,
        className: `bag-premises bag-premises-${s}`,
        pmIgnore: true,
        snapIgnore: true,
      } as L.CircleMarkerOptions);
      const text = document.createElement('span');
      text.textContent = p.address || p.id;
      m.bindTooltip(text, { direction: 'top' });
      group.addLayer(m);
    }
    return () => {
      group.remove();
    };
  }, [map, premises, status, proposal]);
  useEffect(() => {
    if (fitProposal && proposal) map.fitBounds(geometryBounds(proposal), { padding: [60, 60], maxZoom: 17, animate: false });
  }, [map, proposal, fitProposal]);
  return null;
}
