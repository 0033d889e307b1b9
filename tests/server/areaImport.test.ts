import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/domain/area';
import { wgs84ToRd } from '../../src/domain/coordsRd';
import { detectCrs, featuresOf, previewImport } from '../../src/server/areas/importAreas';
import { readShapefileZip } from '../../src/server/areas/shapefile';
import { square, testBoundary } from '../support/fixtures';
import { shapefileZip } from '../support/shapefileZip';

const noord: Area = {
  municipality: 'testdorp', id: 'noord', name: 'Noord', kind: 'street', kvoStatus: 'participating', source: 'test',
  geometry: { type: 'Polygon', coordinates: [square(6.2, 52.25) as [number, number][]] },
};
// Shapefile outer rings are clockwise: reverse the counter-clockwise square.
const RD_PRJ =
  'PROJCS["RD_New",GEOGCS["GCS_Amersfoort",DATUM["D_Amersfoort",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Double_Stereographic"],PARAMETER["False_Easting",155000.0],PARAMETER["False_Northing",463000.0],PARAMETER["Central_Meridian",5.38763888888889],PARAMETER["Scale_Factor",0.9999079],PARAMETER["Latitude_Of_Origin",52.15616055555555],UNIT["Meter",1.0]]';
const rdRing = (lon: number, lat: number) => [...square(lon, lat)].reverse().map((p) => wgs84ToRd([p[0]!, p[1]!]));

describe('area import: reading', () => {
  it('reads a zipped shapefile in RD New without .prj: detected by the coordinate range, converted, previewed per feature', async () => {
    const zip = shapefileZip([
      { name: 'Oost', ring: rdRing(6.24, 52.25) },
      { name: 'Botsing', ring: rdRing(6.205, 52.255) },
    ]);
    const input = await readShapefileZip(zip);
    const raws = featuresOf(input)!;
    expect(raws).toHaveLength(2);
    expect(detectCrs(input, raws)).toBe('rd');
    const preview = previewImport(input, raws, [{ area: noord, retired: false }], testBoundary, 'import test');
    expect(preview.items.map((i) => `${i.label}:${i.status}`)).toEqual(['Oost:added', 'Botsing:refused']);
    expect(preview.items[1]!.reasons[0]).toMatchObject({ reason: 'overlap', other: 'Noord' });
    const ring = (preview.items[0]!.feature!.geometry.coordinates[0] as number[][]);
    expect(ring[0]![0]).toBeCloseTo(6.24, 5);
    expect(ring[0]![1]).toBeCloseTo(52.25, 5);
  });

  it('converts RD with coords.ts also when the zip has an ESRI RD_New .prj (shpjs would be about 100 m off)', async () => {
    const zip = shapefileZip([{ name: 'Oost', ring: rdRing(6.24, 52.25) }], RD_PRJ);
    const input = await readShapefileZip(zip);
    const preview = previewImport(input, featuresOf(input)!, [], testBoundary, 'x');
    const p = (preview.items[0]!.feature!.geometry.coordinates[0] as number[][])[0]!;
    expect(Math.abs(p[0]! - 6.24)).toBeLessThan(1e-6);
    expect(Math.abs(p[1]! - 52.25)).toBeLessThan(1e-6);
  });

  it('keeps WGS84 GeoJSON as it is and matches an existing area by name (changed, not added)', () => {
    const moved = { type: 'Feature', properties: { name: 'noord' }, geometry: { type: 'Polygon', coordinates: [square(6.2, 52.25, 0.012)] } };
    const preview = previewImport({ type: 'FeatureCollection', features: [moved] }, [moved], [{ area: noord, retired: false }], testBoundary, 'x');
    expect(preview.crs).toBe('wgs84');
    expect(preview.items[0]).toMatchObject({ status: 'changed', id: 'noord' });
  });

  it('an unchanged area is unchanged; a retired one comes back as changed', () => {
    const same = { type: 'Feature', properties: { id: 'noord', name: 'Noord', kind: 'street', kvoStatus: 'participating' }, geometry: noord.geometry };
    expect(previewImport(null, [same], [{ area: noord, retired: false }], testBoundary, 'x').items[0]!.status).toBe('unchanged');
    expect(previewImport(null, [same], [{ area: noord, retired: true }], testBoundary, 'x').items[0]!.status).toBe('changed');
  });
});
