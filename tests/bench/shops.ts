// Benchmarks of the shop register: placing 10,000 shops in the areas (budget 200 ms) and recomputing
// every area's percentages. Measured, never asserted.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { areaFeatureSchema } from '../../src/domain/area';
import { assignShops, buildAreaIndex } from '../../src/domain/areaIndex';
import { computeParticipation } from '../../src/domain/participation';
import { noFlags, shopFlagKeys, type Shop } from '../../src/domain/shop';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  detail?: Record<string, unknown>;
}

/** A seeded pseudo-random generator, so every run places the same shops. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function shopBenchmarks(count = 10_000): Measurement[] {
  const geo = JSON.parse(fs.readFileSync('geo/deventer.geojson', 'utf8')) as { features: unknown[] };
  const areas = geo.features.map((f) => {
    const a = areaFeatureSchema.parse(f);
    return { id: a.properties.id, geometry: a.geometry };
  });
  const rand = mulberry32(42);
  // Half the shops near the areas' centres of Deventer, half anywhere in the municipality's box.
  const shops: Shop[] = Array.from({ length: count }, (_, i) => {
    const near = i % 2 === 0;
    const lon = near ? 6.15 + rand() * 0.07 : 6.1 + rand() * 0.28;
    const lat = near ? 52.245 + rand() * 0.03 : 52.226 + rand() * 0.095;
    const flags = noFlags();
    for (const k of shopFlagKeys) flags[k] = rand() < 0.5;
    return {
      id: `s${i}`,
      municipality: 'deventer',
      name: `Winkel ${i}`,
      address: '',
      point: { type: 'Point', coordinates: [lon, lat] },
      sector: '',
      open: rand() < 0.9,
      flags,
      shopChecks: [],
      visits: [],
      courses: [],
    };
  });

  const assignTimes: number[] = [];
  const countTimes: number[] = [];
  let inAreas = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const assignment = assignShops(shops, buildAreaIndex(areas));
    assignTimes.push(performance.now() - t0);
    const t1 = performance.now();
    computeParticipation(
      shops,
      areas.map((a) => a.id),
      assignment,
      2026,
    );
    countTimes.push(performance.now() - t1);
    inAreas = [...assignment.values()].filter((v) => v !== null).length;
  }
  return [
    {
      name: `assigning ${count} shops to areas (index + point-in-polygon)`,
      value: Number(median(assignTimes).toFixed(2)),
      unit: 'ms',
      budget: 200,
      detail: { areas: areas.length, shopsInAreas: inAreas, samples: assignTimes.map((t) => Number(t.toFixed(2))) },
    },
    {
      name: `recomputing every area's percentages (${count} shops)`,
      value: Number(median(countTimes).toFixed(2)),
      unit: 'ms',
      detail: { samples: countTimes.map((t) => Number(t.toFixed(2))) },
    },
  ];
}
