import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Area, AreaFeature } from '../../domain/area';
import type { AreaRuleError, AreaRuleReason } from '../../domain/areaRules';
import type { AreaGeometry } from '../../domain/geojson';

/** One reason a save was refused, as the client gets it (422). */
export interface RefusalItem {
  reason: AreaRuleReason;
  message: string;
  /** The area being saved (its name). */
  area: string;
  /** For an overlap: the other area's name and id, and the ground they share (to draw on the map). */
  other?: string;
  otherId?: string;
  overlap?: Polygon | MultiPolygon;
}

function feature(g: AreaGeometry): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: g as Polygon | MultiPolygon };
}

/** The rule errors with, for overlaps, the other area and the shared ground. */
export function refusalItems(errors: readonly AreaRuleError[], candidate: AreaGeometry | null, current: readonly Area[]): RefusalItem[] {
  return errors.map((e) => {
    const item: RefusalItem = { reason: e.reason, message: e.message, area: e.feature };
    if (e.other !== undefined) item.other = e.other;
    if (e.reason === 'overlap' && candidate) {
      const other = current.find((a) => a.name === e.other || a.id === e.other);
      if (other) {
        item.otherId = other.id;
        try {
          const common = intersect(featureCollection([feature(candidate), feature(other.geometry)]));
          if (common) item.overlap = common.geometry;
        } catch {
          // Drawn without the overlap; the names still say which areas clash.
        }
      }
    }
    return item;
  });
}

export function areaToFeature(area: Area): AreaFeature {
  return {
    type: 'Feature',
    id: area.id,
    properties: {
      id: area.id,
      name: area.name,
      kind: area.kind,
      kvoStatus: area.kvoStatus,
      source: area.source,
      approximate: area.approximate ?? false,
    },
    geometry: area.geometry,
  };
}

export function featureToArea(f: AreaFeature, municipality: string): Area {
  const { approximate, ...rest } = f.properties;
  return { ...rest, ...(approximate === undefined ? {} : { approximate }), geometry: f.geometry, municipality };
}
