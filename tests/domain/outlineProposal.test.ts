/** Issue 14: "Stel een omtrek voor" proposes an outline from the dense clusters of BAG shop premises. */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import type { BagPremises } from '../../src/domain/bagPremises';
import type { AreaGeometry } from '../../src/domain/geojson';
import { overlapArea } from '../../src/domain/areaRules';
import { proposeOutline } from '../../src/domain/outlineProposal';

// Near Deventer's Brink: 0.0001° latitude is about 11 m, 0.0001° longitude about 6.8 m.
const LON = 6.16;
const LAT = 52.25;
let next = 1;
const prem = (dLon: number, dLat: number, uses = ['winkelfunctie']): BagPremises => ({
  id: `015001000${String(next++).padStart(7, '0')}`,
  point: [LON + dLon, LAT + dLat],
  address: '',
  gebruiksdoel: uses,
  status: 'Verblijfsobject in gebruik',
});
/** A block of premises, `n` by `m`, about 11 m apart. */
const block = (dLon: number, dLat: number, n: number, m: number) => Array.from({ length: n * m }, (_, i) => prem(dLon + (i % n) * 0.00016, dLat + Math.floor(i / n) * 0.0001));
const box = (w: number, s: number, e: number, n: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[LON + w, LAT + s], [LON + e, LAT + s], [LON + e, LAT + n], [LON + w, LAT + n], [LON + w, LAT + s]]] });
const inside = (g: AreaGeometry, p: [number, number]) => booleanPointInPolygon(p, g, { ignoreBoundary: false });

describe('proposeOutline', () => {
  it('refuses with too few shop premises, counting only winkelfunctie', () => {
    const r = proposeOutline({ premises: [prem(0, 0), prem(0.0001, 0), ...block(0, 0.001, 4, 4).map((p) => ({ ...p, gebruiksdoel: ['woonfunctie'] }))], outline: null });
    expect(r).toMatchObject({ ok: false, reason: 'too_few_premises', premisesSeen: 2 });
  });

  it('refuses when the premises are scattered (no four within 40 m)', () => {
    const scattered = Array.from({ length: 8 }, (_, i) => prem(i * 0.002, 0));
    expect(proposeOutline({ premises: scattered, outline: null })).toMatchObject({ ok: false, reason: 'no_cluster', premisesSeen: 8 });
  });

  it('refuses when no cluster lies inside the current outline', () => {
    const r = proposeOutline({ premises: block(0, 0, 4, 3), outline: box(0.01, 0.01, 0.012, 0.012) });
    expect(r).toMatchObject({ ok: false, reason: 'no_cluster_in_area' });
  });

  it('draws the cluster inside the outline, buffered to the street front, leaving out a cluster elsewhere and lone premises', () => {
    const here = block(0, 0, 5, 4);
    const elsewhere = block(0.01, 0, 4, 4);
    const lone = prem(0.003, 0.003);
    const outline = box(-0.0005, -0.0005, 0.0005, 0.0002);
    const r = proposeOutline({ premises: [...here, ...elsewhere, lone], outline });
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toMatchObject({ clusters: 1, premisesUsed: 20, premisesSeen: 37 });
    for (const p of here) expect(inside(r.value.geometry, p.point)).toBe(true);
    for (const p of elsewhere) expect(inside(r.value.geometry, p.point)).toBe(false);
    expect(inside(r.value.geometry, lone.point)).toBe(false);
    // The street front: 11 m beyond the last row is in, 45 m beyond is not.
    expect(inside(r.value.geometry, [LON, LAT + 0.0003 + 0.0001])).toBe(true);
    expect(inside(r.value.geometry, [LON, LAT + 0.0003 + 0.0004])).toBe(false);
  });

  it('a cluster along one street (a flat hull) still becomes one outline around every premises', () => {
    const street = Array.from({ length: 10 }, (_, i) => prem(i * 0.0002, 0));
    const r = proposeOutline({ premises: street, outline: null });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.geometry.type).toBe('Polygon');
    for (const p of street) expect(inside(r.value.geometry, p.point)).toBe(true);
  });

  it('with no outline yet, takes the largest cluster', () => {
    const big = block(0, 0, 6, 3);
    const small = block(0.01, 0, 2, 2);
    const r = proposeOutline({ premises: [...small, ...big], outline: null });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.premisesUsed).toBe(18);
    expect(inside(r.value.geometry, small[0]!.point)).toBe(false);
  });

  it('keeps off the neighbouring areas and inside the municipality', () => {
    const here = block(0, 0, 5, 4);
    const neighbour = box(0.0005, -0.001, 0.002, 0.001);
    const boundary = box(-0.001, -0.00015, 0.01, 0.01);
    const r = proposeOutline({ premises: here, outline: null, neighbours: [neighbour], boundary });
    if (!r.ok) throw new Error(r.message);
    expect(overlapArea(r.value.geometry, neighbour)).toBeLessThan(1);
    expect(inside(r.value.geometry, [LON, LAT - 0.0002])).toBe(false);
    expect(inside(r.value.geometry, here[0]!.point)).toBe(true);
  });
});
