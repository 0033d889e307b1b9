import { memo } from 'react';
import { GeoJSON } from 'react-leaflet';
import type { Feature } from 'geojson';
import type { Area } from '../domain/area';
import { areaStyle } from './areaStyle';

/**
 * Every area as a quiet, non-interactive outline under a findings layer. Interactive SVG areas
 * would sit above the findings' canvas and catch the taps meant for its markers.
 */
export function AreaOutlines({ areas, selectedId }: { areas: readonly Area[]; selectedId: string | null }) {
  return (
    <>
      {areas.map((a) => (
        <Outline key={a.id} area={a} selected={a.id === selectedId} />
      ))}
    </>
  );
}

const Outline = memo(function Outline({ area, selected }: { area: Area; selected: boolean }) {
  const style = areaStyle(area, selected);
  return (
    <GeoJSON
      key={`${area.id}-${selected}`}
      data={{ type: 'Feature', properties: { id: area.id }, geometry: area.geometry } as Feature}
      interactive={false}
      style={{ ...style, fillOpacity: selected ? 0.12 : 0.06 }}
    />
  );
});
