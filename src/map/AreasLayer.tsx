import { memo } from 'react';
import { GeoJSON, Tooltip } from 'react-leaflet';
import type { PathOptions } from 'leaflet';
import type { Feature } from 'geojson';
import type { Area } from '../domain/area';
import { areaStyle } from './areaStyle';

interface Props {
  areas: Area[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** One layer per area, so a change to one area (or the selection) redraws only that area. */
export function AreasLayer({ areas, selectedId, onSelect }: Props) {
  return (
    <>
      {areas.map((a) => (
        <AreaShape key={a.id} area={a} selected={a.id === selectedId} onSelect={onSelect} />
      ))}
    </>
  );
}

const AreaShape = memo(function AreaShape({ area, selected, onSelect }: { area: Area; selected: boolean; onSelect: (id: string) => void }) {
  const style: PathOptions = areaStyle(area, selected);
  return (
    <GeoJSON
      // A new geometry object means a new shape: remount instead of patching the old layer.
      key={JSON.stringify(area.geometry).length + area.id}
      data={{ type: 'Feature', properties: { id: area.id }, geometry: area.geometry } as Feature}
      style={style}
      eventHandlers={{ click: () => onSelect(area.id) }}
    >
      <Tooltip permanent direction="center" className="area-label" interactive={false}>
        {area.name}
      </Tooltip>
    </GeoJSON>
  );
});
