import type { PathOptions } from 'leaflet';
import type { Area } from '../domain/area';

// Colours chosen for contrast on both the BRT map and the aerial photo, and distinct for colour-blind eyes.
export const kvoStatusColours: Record<Area['kvoStatus'], string> = {
  certified: '#1b7f3b',
  participating: '#1f5fbf',
  not_on_map: '#c2410c',
};

export function areaStyle(area: Area, selected: boolean): PathOptions {
  const colour = kvoStatusColours[area.kvoStatus];
  return {
    color: selected ? '#111111' : colour,
    weight: selected ? 4 : 2.5,
    fillColor: colour,
    fillOpacity: selected ? 0.35 : 0.2,
    dashArray: area.kvoStatus === 'not_on_map' ? '6 5' : undefined,
  };
}
