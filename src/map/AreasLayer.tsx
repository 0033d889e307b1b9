import { memo } from 'react';
import { GeoJSON, Tooltip } from 'react-leaflet';
import type { PathOptions } from 'leaflet';
import type { Feature } from 'geojson';
import type { Area } from '../domain/area';
import { areaStyle } from './areaStyle';
import { AreaLabelCollision } from './AreaLabelCollision';
import { geometryBounds } from '../domain/coords';

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
      <AreaLabelCollision version={`${areas.length}:${selectedId ?? ''}`} />
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
        <span data-label-id={area.id} data-label-priority={labelPriority(area, selected)}>
          {area.name}
        </span>
      </Tooltip>
    </GeoJSON>
  );
});

/** The selected area's label always shows; otherwise larger areas go first (their label names more map). */
function labelPriority(area: Area, selected: boolean): number {
  if (selected) return Number.MAX_SAFE_INTEGER;
  const [[s, w], [n, e]] = geometryBounds(area.geometry);
  return Math.round((n - s) * (e - w) * 1e8);
}
