/** The first screen's area check accepts and refuses exactly what the zod schema does. */
import { describe, expect, it } from 'vitest';
import { areaFeatureSchema } from '../../src/domain/area';
import { checkAreaFeature } from '../../src/domain/areaCheck';

const ring = [[6.15, 52.25], [6.16, 52.25], [6.16, 52.26], [6.15, 52.25]];
const good = { type: 'Feature', properties: { id: 'binnenstad', name: ' Binnenstad ', kind: 'centre', kvoStatus: 'certified', source: 'gemeente' }, geometry: { type: 'Polygon', coordinates: [ring] } };
const withProps = (p: Record<string, unknown>) => ({ ...good, properties: { ...good.properties, ...p } });
const withGeo = (g: unknown) => ({ ...good, geometry: g });

const cases: [string, unknown, string | null][] = [
  ['a plain area', good, null],
  ['an area with a feature id and approximate', { ...withProps({ approximate: true }), id: 7 }, null],
  ['a multipolygon', withGeo({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }), null],
  ['extra position values (altitude)', withGeo({ type: 'Polygon', coordinates: [ring.map((p) => [...p, 3])] }), null],
  ['not an object', 'binnenstad', ''],
  ['a FeatureCollection', { ...good, type: 'FeatureCollection' }, 'type'],
  ['an id in capitals', withProps({ id: 'Binnenstad' }), 'properties/id'],
  ['an empty name', withProps({ name: '   ' }), 'properties/name'],
  ['a name of 121 characters', withProps({ name: 'x'.repeat(121) }), 'properties/name'],
  ['an unknown kind', withProps({ kind: 'village' }), 'properties/kind'],
  ['an unknown KVO status', withProps({ kvoStatus: 'yes' }), 'properties/kvoStatus'],
  ['no source', withProps({ source: '' }), 'properties/source'],
  ['approximate as text', withProps({ approximate: 'ja' }), 'properties/approximate'],
  ['an unknown property', withProps({ colour: 'red' }), 'properties/colour'],
  ['a latitude of 91', withGeo({ type: 'Polygon', coordinates: [[[6.15, 91], ...ring.slice(1)]] }), 'geometry/coordinates/0/0/1'],
  ['a longitude of 181', withGeo({ type: 'Polygon', coordinates: [[[181, 52], ...ring.slice(1)]] }), 'geometry/coordinates/0/0/0'],
  ['a ring of three positions', withGeo({ type: 'Polygon', coordinates: [ring.slice(0, 3)] }), 'geometry/coordinates/0'],
  ['a point', withGeo({ type: 'Point', coordinates: [6.15, 52.25] }), 'geometry/type'],
  ['a text coordinate', withGeo({ type: 'Polygon', coordinates: [[['6.15', 52.25], ...ring.slice(1)]] }), 'geometry/coordinates/0/0/0'],
  ['an empty multipolygon', withGeo({ type: 'MultiPolygon', coordinates: [] }), 'geometry/coordinates'],
  ['no geometry', { ...good, geometry: null }, 'geometry'],
];

describe('checkAreaFeature', () => {
  it.each(cases)('%s: same verdict and value as the schema', (_name, input, refusedAt) => {
    const light = checkAreaFeature(input);
    const zod = areaFeatureSchema.safeParse(input);
    expect(light.ok).toBe(zod.success);
    if (light.ok && zod.success) expect(light.feature).toEqual(zod.data);
    if (!light.ok) expect(light.path).toBe(refusedAt);
  });

  it('trims the name, as the schema does', () => {
    const r = checkAreaFeature(good);
    expect(r.ok && r.feature.properties.name).toBe('Binnenstad');
  });
});
