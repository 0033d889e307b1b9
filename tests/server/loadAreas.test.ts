import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../src/server/errors';
import { loadAreasIfEmpty } from '../../src/server/loadAreas';
import { loadMunicipality } from '../../src/server/municipality';
import type { Store } from '../../src/server/store/Store';
import { areaFeature, square, tempDir, testMunicipality, validCollection } from '../support/fixtures';
import { freshStore } from '../support/pglite';
import { area } from './store.contract';

describe('loading areas at start', () => {
  let store: Store;
  let tmp: ReturnType<typeof tempDir>;
  const write = (json: unknown) => {
    const file = path.join(tmp.dir, 'testdorp.geojson');
    fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
    return file;
  };

  beforeEach(async () => {
    tmp = tempDir('schouwkaart-geo-');
    store = await freshStore();
  });
  afterEach(async () => {
    await store.close();
    tmp.remove();
  });

  it('loads a valid file into an empty database', async () => {
    const result = await loadAreasIfEmpty({ store, municipality: testMunicipality, areasFile: write(validCollection()) });
    expect(result).toEqual({ loaded: true, count: 2 });
    const areas = await store.listAreas('testdorp');
    expect(areas.map((a) => [a.id, a.name, a.kind, a.municipality])).toEqual([
      ['centrum', 'Centrum', 'centre', 'testdorp'],
      ['noord', 'Noord', 'street', 'testdorp'],
    ]);
    expect(areas[0]!.geometry).toEqual(validCollection().features[0]!.geometry);
    expect(areas[1]!.approximate).toBe(true);
  });

  it('leaves a database that already has areas alone', async () => {
    await store.replaceAreas('testdorp', [area('testdorp', 'eigen')]);
    const result = await loadAreasIfEmpty({ store, municipality: testMunicipality, areasFile: write('not even json') });
    expect(result).toEqual({ loaded: false, existing: 1 });
    expect((await store.listAreas('testdorp')).map((a) => a.id)).toEqual(['eigen']);
  });

  it('refuses an invalid file with one line per problem naming the feature and reason, and writes nothing', async () => {
    const bad = validCollection();
    bad.features.push(
      // Overlaps Centrum.
      areaFeature('overlap', 'Overlapper', square(6.155, 52.255)),
      // Outside the municipality.
      areaFeature('ver-weg', 'Ver Weg', square(7.5, 53.0)),
    );
    const file = write(bad);
    const error = await loadAreasIfEmpty({ store, municipality: testMunicipality, areasFile: file }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const lines = error!.message.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatch(/testdorp\.geojson: /);
      expect(line).toMatch(/\[(overlap|outside_municipality)\]$/);
    }
    const overlap = lines.find((l) => l.endsWith('[overlap]'));
    expect(overlap).toMatch(/Overlapper/);
    expect(overlap).toMatch(/Centrum/);
    expect(lines.find((l) => l.endsWith('[outside_municipality]'))).toMatch(/Ver Weg/);
    // main.ts prints a StartupError's message as is, without a stack trace.
    expect(error).toBeInstanceOf(StartupError);
    expect(await store.countAreas('testdorp')).toBe(0);
  });

  it('names a feature with a schema problem', async () => {
    const bad = validCollection();
    bad.features.push(areaFeature('kapot', 'Kapot', square(6.25, 52.21), { kind: 'bogus' }));
    await expect(loadAreasIfEmpty({ store, municipality: testMunicipality, areasFile: write(bad) })).rejects.toThrow(
      /Kapot.*\[invalid_schema\]/,
    );
    expect(await store.countAreas('testdorp')).toBe(0);
  });

  it('says so in one line when the file is missing or not JSON', async () => {
    await expect(
      loadAreasIfEmpty({ store, municipality: testMunicipality, areasFile: path.join(tmp.dir, 'missing.geojson') }),
    ).rejects.toThrow(/^areas file .*missing\.geojson not found$/);
    await expect(loadAreasIfEmpty({ store, municipality: testMunicipality, areasFile: write('{"type": ') })).rejects.toThrow(
      /testdorp\.geojson is not valid JSON/,
    );
    expect(await store.countAreas('testdorp')).toBe(0);
  });

  it('loads the real Deventer configuration and areas', async () => {
    const deventer = loadMunicipality(path.resolve('geo'), 'deventer');
    const result = await loadAreasIfEmpty({ store, municipality: deventer.config, areasFile: deventer.areasFile });
    expect(result.loaded).toBe(true);
    const areas = await store.listAreas('deventer');
    expect(areas.length).toBeGreaterThan(0);
    expect(areas.some((a) => a.id === 'binnenstad')).toBe(true);
  });
});

describe('loading the municipality configuration', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('schouwkaart-geo-');
  });
  afterEach(() => tmp.remove());

  it('reads <id>.municipality.json and resolves its areas file next to it', () => {
    fs.writeFileSync(path.join(tmp.dir, 'testdorp.municipality.json'), JSON.stringify(testMunicipality));
    const m = loadMunicipality(tmp.dir, 'testdorp');
    expect(m.config.name).toBe('Testdorp');
    expect(m.areasFile).toBe(path.join(tmp.dir, 'testdorp.geojson'));
  });

  it('names the file and the field when something is wrong', () => {
    expect(() => loadMunicipality(tmp.dir, 'nergens')).toThrow(/nergens\.municipality\.json not found; set MUNICIPALITY or GEO_DIR/);
    fs.writeFileSync(path.join(tmp.dir, 'testdorp.municipality.json'), JSON.stringify({ ...testMunicipality, zoom: 'x' }));
    expect(() => loadMunicipality(tmp.dir, 'testdorp')).toThrow(/testdorp\.municipality\.json: zoom: /);
    fs.writeFileSync(path.join(tmp.dir, 'testdorp.municipality.json'), JSON.stringify({ ...testMunicipality, id: 'anders' }));
    expect(() => loadMunicipality(tmp.dir, 'testdorp')).toThrow(/id is "anders"/);
  });
});
