/**
 * Where a finding may lie, for deciding a push (issue 12, defect 7): each served municipality's
 * boundary (from geo/<id>.municipality.json) and its current areas. The area of a finding is derived
 * here from its point, never taken from the device; a point far outside its municipality is refused.
 */
import { buildAreaIndex, type AreaIndex } from '../../domain/areaIndex';
import type { LonLat } from '../../domain/geojson';
import type { MunicipalityConfig } from '../../domain/municipality';
import { MUNICIPALITY_TOLERANCE_M, isNearMunicipality } from '../../domain/place';
import type { Store } from '../store/Store';

export type PlaceCheck = { ok: true; areaId: string | null } | { ok: false; reason: 'invalid_input' | 'outside_municipality'; field: string };

/** The places as they are now; loaded once per push, so an area edit counts from the next push on. */
export interface PlaceBook {
  check(municipality: string, point: LonLat): PlaceCheck;
}

export interface Places {
  load(): Promise<PlaceBook>;
}

export function placesFor(store: Pick<Store, 'listAreas'>, municipalities: readonly MunicipalityConfig[], toleranceM = MUNICIPALITY_TOLERANCE_M): Places {
  return {
    async load() {
      const indexes = new Map<string, { m: MunicipalityConfig; index: AreaIndex }>();
      for (const m of municipalities) indexes.set(m.id, { m, index: buildAreaIndex(await store.listAreas(m.id)) });
      return {
        check(municipality, point) {
          const entry = indexes.get(municipality);
          if (!entry) return { ok: false, reason: 'invalid_input', field: '/changes/municipality' };
          if (!isNearMunicipality(point, entry.m.boundary, toleranceM)) return { ok: false, reason: 'outside_municipality', field: '/changes/point' };
          return { ok: true, areaId: entry.index.areaOf(point) };
        },
      };
    },
  };
}
