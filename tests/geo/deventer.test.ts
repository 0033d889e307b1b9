import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { area as turfArea } from '@turf/area';
import { hasRfc7946Winding, polygonsOf, validateAreaCollection } from '../../src/domain/areaRules';
import { areaFeatureSchema, areaPropertiesSchema, type AreaFeature } from '../../src/domain/area';
import { loadMunicipalityConfig } from '../../src/domain/municipality';

const geoDir = fileURLToPath(new URL('../../geo/', import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(geoDir + name, 'utf8'));
const readText = (name: string): string => readFileSync(geoDir + name, 'utf8');

const municipality = loadMunicipalityConfig(readJson('deventer.municipality.json'));
const areasText = readText(municipality.areasFile);
const collection = JSON.parse(areasText) as unknown;
const result = validateAreaCollection(collection, municipality.boundary);
// When the rules fail, the other tests still look at every feature that parses, so each test stands alone.
const areas: AreaFeature[] = result.ok
  ? result.areas
  : (collection as { features: unknown[] }).features.flatMap((f) => {
      const parsed = areaFeatureSchema.safeParse(f);
      return parsed.success ? [parsed.data] : [];
    });

/** Distance in metres from a point to a segment, on a local flat projection (fine at this scale). */
function distanceToSegment(p: number[], a: number[], b: number[]): number {
  const kx = 111_320 * Math.cos((p[1]! * Math.PI) / 180);
  const ky = 110_574;
  const [px, py, ax, ay, bx, by] = [p[0]! * kx, p[1]! * ky, a[0]! * kx, a[1]! * ky, b[0]! * kx, b[1]! * ky];
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

describe('geo/deventer.municipality.json', () => {
  it('is the GM0150 configuration and names its areas file', () => {
    expect(municipality.id).toBe('deventer');
    expect(municipality.code).toBe('GM0150');
    expect(municipality.areasFile).toBe('deventer.geojson');
    expect(municipality.attribution).toMatch(/CBS/);
  });

  it('carries the boundary copied from shared/geo-sources (24 vertices, Deventer bbox)', () => {
    expect(municipality.boundary.type).toBe('Polygon');
    const ring = polygonsOf(municipality.boundary)[0]![0]!;
    expect(ring.length).toBe(24);
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    expect([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]).toEqual([6.101, 52.226, 6.382, 52.321]);
  });
});

describe('geo/deventer.geojson', () => {
  it('passes every area rule against the municipality boundary', () => {
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has at least 16 areas, including Vijfhoek, Deltaplein and Voorstad as not on the map', () => {
    expect(areas.length).toBeGreaterThanOrEqual(16);
    for (const name of ['Vijfhoek', 'Deltaplein', 'Voorstad']) {
      const a = areas.find((f) => f.properties.name === name);
      expect(a, name).toBeDefined();
      expect(a?.properties.kvoStatus).toBe('not_on_map');
    }
  });

  it('has 12 or 13 certified areas, as the seeds say', () => {
    const certified = areas.filter((a) => a.properties.kvoStatus === 'certified').length;
    expect(certified).toBeGreaterThanOrEqual(12);
    expect(certified).toBeLessThanOrEqual(13);
  });

  it('has unique ids and names (case-insensitive), and the feature id equals the property id', () => {
    const ids = areas.map((a) => a.properties.id);
    const names = areas.map((a) => a.properties.name.toLowerCase());
    expect(new Set(ids).size).toBe(areas.length);
    expect(new Set(names).size).toBe(areas.length);
    expect(areas.length).toBeGreaterThanOrEqual(16);
    for (const a of areas) expect(a.id ?? a.properties.id).toBe(a.properties.id);
  });

  it('uses exactly the area properties schema, with a source for every shape', () => {
    for (const a of areas) {
      expect(areaPropertiesSchema.safeParse(a.properties).success).toBe(true);
      expect(a.properties.source.length).toBeGreaterThan(30);
    }
  });

  it('gives each area a plausible size: between 0.2 ha and 150 ha, never a whole wijk', () => {
    for (const a of areas) {
      const ha = turfArea(a.geometry) / 10_000;
      expect(ha, `${a.properties.name}: ${ha.toFixed(2)} ha`).toBeGreaterThan(0.2);
      expect(ha, `${a.properties.name}: ${ha.toFixed(2)} ha`).toBeLessThan(150);
    }
  });

  it('draws real shapes: 6 to 20 distinct vertices per ring, counter-clockwise outer rings (RFC 7946)', () => {
    for (const a of areas) {
      expect(hasRfc7946Winding(a.geometry), a.properties.name).toBe(true);
      for (const rings of polygonsOf(a.geometry)) {
        for (const ring of rings) {
          const distinct = ring.length - 1;
          expect(distinct, a.properties.name).toBeGreaterThanOrEqual(6);
          expect(distinct, a.properties.name).toBeLessThanOrEqual(20);
        }
      }
    }
  });

  it('writes every coordinate with 6 decimals', () => {
    const numbers = [...areasText.matchAll(/"coordinates":\s*(\[[^"]*\])\s*}/g)].flatMap((m) => m[1]!.match(/-?\d+(\.\d+)?/g) ?? []);
    expect(numbers.length).toBeGreaterThan(16 * 8);
    const bad = numbers.filter((n) => !/^-?\d+\.\d{6}$/.test(n));
    expect(bad).toEqual([]);
  });

  it('keeps every vertex at least 200 m inside the (generalised) municipality boundary', () => {
    const boundaryRing = polygonsOf(municipality.boundary)[0]![0]!;
    expect(boundaryRing.length).toBeGreaterThan(3);
    let closest = Infinity;
    for (const a of areas) {
      for (const rings of polygonsOf(a.geometry)) {
        for (const p of rings[0]!) {
          for (let i = 0; i + 1 < boundaryRing.length; i++) {
            closest = Math.min(closest, distanceToSegment(p, boundaryRing[i]!, boundaryRing[i + 1]!));
          }
        }
      }
    }
    expect(Number.isFinite(closest)).toBe(true);
    expect(closest).toBeGreaterThan(200);
  });
});
