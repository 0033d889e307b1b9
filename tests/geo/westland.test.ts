import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasRfc7946Winding, validateAreaCollection } from '../../src/domain/areaRules';
import { loadMunicipalityConfig } from '../../src/domain/municipality';

const geoDir = fileURLToPath(new URL('../../geo/', import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(geoDir + name, 'utf8'));

describe('geo/westland (second municipality)', () => {
  const municipality = loadMunicipalityConfig(readJson('westland.municipality.json'));
  const result = validateAreaCollection(readJson(municipality.areasFile), municipality.boundary);

  it('is GM1783 with the areas file and passes the area rules', () => {
    expect(municipality).toMatchObject({ id: 'westland', code: 'GM1783', areasFile: 'westland.geojson' });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
  it("has the 's-Gravenzande centre, marked approximate, counter-clockwise", () => {
    if (!result.ok) throw new Error('invalid');
    expect(result.areas.map((a) => a.properties.id)).toEqual(['s-gravenzande-centrum']);
    expect(result.areas.every((a) => a.properties.approximate === true && hasRfc7946Winding(a.geometry))).toBe(true);
  });
  it('says that the boundary is approximate', () => {
    expect(municipality.attribution).toMatch(/approximate/);
  });
});
