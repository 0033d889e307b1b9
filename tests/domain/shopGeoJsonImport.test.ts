import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/domain/geojson';
import { parseShopGeoJson } from '../../src/domain/shopGeoJsonImport';
import type { ShopImportOptions } from '../../src/domain/shopImport';
import { rdToWgs84, wgs84ToRd } from '../../src/domain/coordsRd';

const deventer: AreaGeometry = {
  type: 'Polygon',
  coordinates: [[[6.0, 52.15], [6.35, 52.15], [6.35, 52.35], [6.0, 52.35], [6.0, 52.15]]],
};
const options: ShopImportOptions = {
  municipality: 'deventer',
  municipalityBoundary: deventer,
  existingShops: [],
  toWgs84: rdToWgs84,
  newId: (row) => `new-${row}`,
};
const feature = (properties: Record<string, unknown> | null, coordinates: number[] | null) => ({
  type: 'Feature',
  properties,
  geometry: coordinates ? { type: 'Point', coordinates } : null,
});
const collection = (features: unknown[], extra: object = {}) => JSON.stringify({ type: 'FeatureCollection', features, ...extra });

describe('parseShopGeoJson', () => {
  it('maps Dutch property names and JSON booleans the same way as CSV headers', () => {
    const r = parseShopGeoJson(
      collection([feature({ naam: 'Bakker Bart', adres: 'Brink 1', cwv: true, nieuwsbrief: 'ja', 'KVO-app': false }, [6.16, 52.252])]),
      options,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.counts).toEqual({ ok: 1, error: 0, address: 0 });
    const shop = r.rows[0]!.shop!;
    expect(shop).toMatchObject({ id: 'new-1', name: 'Bakker Bart', address: 'Brink 1', open: true });
    expect(shop.point.coordinates).toEqual([6.16, 52.252]);
    expect(shop.flags.collectiveBan).toBe(true);
    expect(shop.flags.newsletter).toBe(true);
    expect(shop.flags.kvoApp).toBe(false);
    expect(r.ignoredColumns).toEqual([]);
  });

  it('numbers rows by feature, and names the column and reason of a bad feature', () => {
    const r = parseShopGeoJson(
      collection([
        feature({ naam: 'Goed' }, [6.16, 52.252]),
        feature({ naam: '' }, [6.16, 52.253]),
        feature({ naam: 'Amsterdam' }, [4.9, 52.37]),
        feature({ naam: 'Goed' }, [6.16, 52.252]),
        feature({ naam: 'Zonder plek' }, null),
        feature({ naam: 'Rare vlag', cwv: 'misschien' }, [6.17, 52.25]),
      ]),
      options,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.counts).toEqual({ ok: 1, error: 5, address: 0 });
    const reasons = r.rows.map((x) => [x.row, x.errors.map((e) => e.reason)]);
    expect(reasons).toEqual([
      [1, []],
      [2, ['missing_name']],
      [3, ['outside_municipality']],
      [4, ['duplicate_row']],
      [5, ['missing_coordinates', 'missing_coordinates']],
      [6, ['unknown_flag_value']],
    ]);
    expect(r.rows[3]!.errors[0]!.duplicateOfRow).toBe(1);
    expect(r.rows[5]!.errors[0]!.column).toBe('cwv');
  });

  it('reports an empty feature instead of skipping it', () => {
    const r = parseShopGeoJson(collection([feature({ naam: 'Goed' }, [6.16, 52.252]), feature(null, null)]), options);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[1]!.row).toBe(2);
    expect(r.rows[1]!.errors.map((e) => e.reason)).toContain('missing_name');
  });

  it('reads RD coordinates when the crs names EPSG:28992, and ignores coordinate properties', () => {
    const [x, y] = wgs84ToRd([6.16, 52.252]);
    const r = parseShopGeoJson(
      collection([feature({ name: 'RD winkel', lon: 4.9, lat: 52.37 }, [x, y])], {
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      }),
      options,
    );
    if (!r.ok) throw new Error(r.message);
    const [lon, lat] = r.rows[0]!.shop!.point.coordinates;
    expect(lon).toBeCloseTo(6.16, 5);
    expect(lat).toBeCloseTo(52.252, 5);
  });

  it('refuses text that is not JSON or not a FeatureCollection', () => {
    expect(parseShopGeoJson('naam;lon', options)).toMatchObject({ ok: false, reason: 'not_json' });
    expect(parseShopGeoJson('{"type":"Feature"}', options)).toMatchObject({ ok: false, reason: 'not_feature_collection' });
  });
});
