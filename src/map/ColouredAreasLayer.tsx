import { memo } from 'react';
import { GeoJSON, Tooltip } from 'react-leaflet';
import type { Feature } from 'geojson';
import type { Area } from '../domain/area';

interface Props {
  areas: readonly Area[];
  /** Fill colour per area id; an area without one is drawn hatched grey (no data). */
  colourOf: (id: string) => string | null;
  /** Label per area (name and value); permanent for areas with a colour, on hover for the rest. */
  labelOf: (id: string) => string;
}

/** Areas filled by a value (the partners' map). Shows no findings, photos or free text. */
export function ColouredAreasLayer({ areas, colourOf, labelOf }: Props) {
  return (
    <>
      {areas.map((a) => (
        <ColouredArea key={a.id} area={a} colour={colourOf(a.id)} label={labelOf(a.id)} />
      ))}
    </>
  );
}

const ColouredArea = memo(function ColouredArea({ area, colour, label }: { area: Area; colour: string | null; label: string }) {
  return (
    <GeoJSON
      key={`${area.id}-${colour ?? 'none'}`}
      data={{ type: 'Feature', properties: { id: area.id }, geometry: area.geometry } as Feature}
      style={{
        color: '#222',
        weight: 2,
        fillColor: colour ?? '#9e9e9e',
        fillOpacity: colour ? 0.75 : 0.35,
        dashArray: colour ? undefined : '4 4',
      }}
    >
      <Tooltip key={colour ? 'permanent' : 'hover'} permanent={!!colour} direction="center" className="area-label">
        {label}
      </Tooltip>
    </GeoJSON>
  );
});
