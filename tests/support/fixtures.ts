import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MunicipalityConfig } from '../../src/domain/municipality';
import { defaultTileUrls } from '../../src/server/config';

/** A square around Deventer: big enough for the hand-made test areas below. */
export const testBoundary: MunicipalityConfig['boundary'] = {
  type: 'Polygon',
  coordinates: [
    [
      [6.1, 52.2],
      [6.3, 52.2],
      [6.3, 52.3],
      [6.1, 52.3],
      [6.1, 52.2],
    ],
  ],
};

export const testMunicipality: MunicipalityConfig = {
  id: 'testdorp',
  name: 'Testdorp',
  code: 'GM9999',
  center: [6.2, 52.25],
  zoom: 13,
  boundary: testBoundary,
  areasFile: 'testdorp.geojson',
  attribution: 'Test boundary',
};

export const testTiles = { ...defaultTileUrls };

/** A closed square ring with its south-west corner at (lon, lat). */
export function square(lon: number, lat: number, size = 0.01): number[][] {
  return [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
}

export function areaFeature(id: string, name: string, ring: number[][], extra: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    properties: { id, name, kind: 'street', kvoStatus: 'participating', source: 'test', ...extra },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

/** Two valid, non-overlapping areas inside `testBoundary`. */
export function validCollection() {
  return {
    type: 'FeatureCollection',
    features: [
      areaFeature('centrum', 'Centrum', square(6.15, 52.25), { kind: 'centre', kvoStatus: 'certified' }),
      areaFeature('noord', 'Noord', square(6.2, 52.27), { approximate: true }),
    ],
  };
}

/** A temporary directory removed by the returned function. */
export function tempDir(prefix = 'schouwkaart-'): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A STATIC_DIR like Vite's dist/. */
export function writeStaticDir(dir: string): void {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Schouwkaart test</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Schouwkaart"}');
  fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\n');
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log("app");');
}
